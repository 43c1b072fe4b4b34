// Bots for every seat: `botActions` lists what a seat's bot does in the current phase.
import type { Phase, PlayingSeat } from '../scenario/schema.js';
import type { Action } from '../engine/actions.js';
import { isParty } from '../engine/match.js';
import { mixSeed, step } from '../engine/rng.js';
import type { Match } from '../engine/types.js';
import { viewFor } from '../engine/view.js';
import { DEFAULT_MEDIATOR_STRATEGY, MEDIATOR_STRATEGIES, mediatorActions } from './mediators.js';
import { DEFAULT_PARTY_STRATEGY, PARTY_STRATEGIES, partyActions } from './parties.js';
import { SEARCH_LEVELS, searchMove, type Difficulty } from './search.js';
import { packageNear } from './judgement.js';
import type { BotContext } from './types.js';

export { PARTY_STRATEGIES, MEDIATOR_STRATEGIES, SEARCH_LEVELS, type Difficulty };

/** Phases in which a bot of each kind has anything to decide. */
const ACTING_PHASES = { party: ['planning', 'demands', 'negotiation', 'response'], mediator: ['planning', 'negotiation'] } as const satisfies Record<string, readonly Phase[]>;

/** Personalities: readable policies. */
export function personalitiesFor(seat: PlayingSeat): string[] {
  return (isParty(seat) ? Object.keys(PARTY_STRATEGIES[seat]) : Object.keys(MEDIATOR_STRATEGIES)).filter((s) => s !== 'random');
}

/** Every strategy a seat's bot can play: personalities, the random baseline, and search at each difficulty. */
export function strategiesFor(seat: PlayingSeat): string[] {
  return [...personalitiesFor(seat), 'random', ...Object.keys(SEARCH_LEVELS).map((d) => `search-${d}`)];
}

export function defaultStrategy(seat: PlayingSeat): string {
  return isParty(seat) ? DEFAULT_PARTY_STRATEGY[seat] : DEFAULT_MEDIATOR_STRATEGY[seat];
}

/**
 * The actions a seat's bot takes now. It sees only `viewFor(match, seat)`, and draws from its own
 * random stream (seed, seat, round, phase) so it never disturbs the match's PRNG.
 */
export function botActions(match: Match, seat: PlayingSeat, strategy = match.seats[seat]?.strategy ?? defaultStrategy(seat)): Action[] {
  if (match.ended || !(ACTING_PHASES[isParty(seat) ? 'party' : 'mediator'] as readonly Phase[]).includes(match.phase)) return [];
  let state = mixSeed(match.seed, `${seat}:${match.round}:${match.phase}:${match.log.length}`);
  const rand = () => {
    const [v, next] = step(state);
    state = next;
    return v;
  };
  if (strategy.startsWith('search')) {
    const level = SEARCH_LEVELS[(strategy.split('-')[1] ?? 'normal') as Difficulty] ?? SEARCH_LEVELS.normal;
    const candidates = [...personalitiesFor(seat), 'random'].map((then) => ({ moves: botActions(match, seat, then), then }));
    // Each open package this party could sign now is a move of its own.
    if (isParty(seat) && (match.phase === 'negotiation' || match.phase === 'response')) {
      for (const p of match.proposals) {
        if (p.status === 'open' && !p.signed.includes(seat)) candidates.push({ moves: [{ type: 'sign', proposal: p.id }], then: defaultStrategy(seat) });
      }
    }
    // A mediator may table packages that split the concessions differently.
    if (!isParty(seat) && match.phase === 'negotiation' && !match.proposals.some((p) => p.by === seat && p.status === 'open')) {
      for (const share of [0.35, 0.5, 0.65, 0.8]) {
        candidates.push({ moves: [{ type: 'propose', clauses: packageNear(match.scenario, share, ['mutual-recognition'], () => 0).clauses }], then: defaultStrategy(seat) });
      }
    }
    return searchMove(match, seat, candidates, (m, s, st) => botActions(m, s, st), defaultStrategy, level, rand);
  }
  const ctx: BotContext = { seat, view: viewFor(match, seat), scenario: match.scenario, rand };
  return isParty(seat) ? partyActions(ctx, strategy) : mediatorActions(ctx, strategy);
}

