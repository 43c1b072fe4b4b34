// Bots for every seat: `botActions` lists what a seat's bot does in the current phase.
import { PARTIES, type Party, type PlayingSeat, type Scenario } from '../scenario/schema.js';
import { createMatch } from '../engine/create.js';
import type { Action } from '../engine/actions.js';
import { isParty } from '../engine/match.js';
import { checkAction } from '../engine/rules.js';
import { mixSeed, step } from '../engine/rng.js';
import type { Match } from '../engine/types.js';
import { viewFor, type SeatView } from '../engine/view.js';
import { catalogueDemand, catalogueInstrument, demandWeight, pressureRegion } from '../engine/queries.js';
import { DEFAULT_MEDIATOR_STRATEGY, MEDIATOR_STRATEGIES, mediatorActions } from './mediators.js';
import { DEFAULT_PARTY_STRATEGY, PARTY_STRATEGIES, partyActions } from './parties.js';
import { SEARCH_LEVELS, playout, searchMove, type Difficulty, type Later, type Option, type SearchLevel } from './search.js';
import { demandsToPress, freshPackages, instrumentsNow, packagesToTable } from './candidates.js';
import { quickView } from './quickView.js';
import { actsIn } from './turns.js';
import type { BotContext } from './types.js';

export { PARTY_STRATEGIES, MEDIATOR_STRATEGIES, SEARCH_LEVELS, actsIn, type Difficulty };

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
  if (match.ended || !actsIn(seat, match.phase)) return [];
  const rand = botRand(match, seat);
  if (strategy.startsWith('search')) {
    const level = SEARCH_LEVELS[(strategy.split('-')[1] ?? 'normal') as Difficulty] ?? SEARCH_LEVELS.normal;
    return searchChoice(match, seat, level, rand);
  }
  const ctx: BotContext = { seat, view: viewFor(match, seat), scenario: match.scenario, rand };
  return isParty(seat) ? partyActions(ctx, strategy) : mediatorActions(ctx, strategy);
}


/** The random stream of a seat's bot at this point of the match. */
function botRand(match: Match, seat: PlayingSeat): () => number {
  return stream(mixSeed(match.seed, `${seat}:${match.round}:${match.phase}:${match.log.length}`));
}

/** A random stream from this state. (The function is returned unnamed: a named one costs a name-setting call per turn under tsx.) */
function stream(state: number): () => number {
  return () => {
    const [v, next] = step(state);
    state = next;
    return v;
  };
}

/**
 * A personality's actions inside a search playout (a sampled world): the same policy, a cheaper
 * view, and a random stream that depends on the turn, not on how many actions came before, so
 * playouts of different moves in the same world draw the same numbers (common random numbers).
 */
function playoutActions(match: Match, seat: PlayingSeat, strategy: string, pass: number): Action[] {
  if (match.ended || !actsIn(seat, match.phase)) return [];
  const rand = stream(mixSeed(match.seed, `${seat}:${match.round}:${match.phase}:${pass}`));
  const ctx: BotContext = { seat, view: quickView(match, seat), scenario: match.scenario, rand };
  return isParty(seat) ? partyActions(ctx, strategy) : mediatorActions(ctx, strategy);
}

/**
 * What the search bot weighs: each personality's moves now, and moves of its own, made with the
 * personality it will play on with (`base`): each open package it could sign, packages it could
 * table, each demand it could press.
 */
function searchChoice(match: Match, seat: PlayingSeat, level: SearchLevel, rand: () => number): Action[] {
  const view = viewFor(match, seat);
  const s = match.scenario;
  const first = preferredPersonality(s, seat);
  const names = [first, ...personalitiesFor(seat).filter((p) => p !== first)];
  const personalities = names.map((name) => ({ name, moves: botActions(match, seat, name) }));
  const phase = match.phase;
  const extras = (base: Option): Action[][] => {
    const out: Action[][] = [];
    if (isParty(seat) && (phase === 'negotiation' || phase === 'response')) {
      // At war, giving in is a move like any other: weighed, not ruled out.
      if (view.escalation >= s.escalation.levels.war && !base.moves.some((a) => a.type === 'capitulate')) out.push([{ type: 'capitulate' }]);
      const keep = base.moves.filter((a) => a.type !== 'sign');
      for (const p of view.proposals) {
        const sign: Action = { type: 'sign', proposal: p.id };
        if (!checkAction(view, s, seat, sign)) out.push([...keep, sign]);
      }
      if (!view.proposals.some((p) => p.by === seat && p.status === 'open')) {
        for (const clauses of packagesToTable(s, view, seat, level.packages)) out.push([...keep, { type: 'propose', clauses }]);
      }
    }
    if (isParty(seat) && phase === 'demands' && level.packages > 0 && !view.demands.some((d) => d.from === seat && d.issued === view.round)) {
      for (const demand of demandsToPress(s, view)) out.push([{ type: 'issueDemand', demand, deadline: 0 }]);
    }
    if (!isParty(seat) && level.packages > 0) {
      // Its instruments, each on top of the personality's move: the means a mediator has to change
      // what the parties reckon pressure pays (damped escalation, monitors) and a deal is worth.
      const kindOf = (id: string) => catalogueInstrument(s, id)?.kind;
      const used = new Set(base.moves.flatMap((a) => (a.type === 'useInstrument' ? [kindOf(a.instrument)] : [])));
      for (const use of instrumentsNow(s, view, seat)) if (!used.has(kindOf(use.instrument))) out.push([use, ...base.moves]);
    }
    if (!isParty(seat) && phase === 'negotiation') {
      // Each package alone: a summit to table it at is weighed as an instrument on top of the
      // personality's move, and a package tabled at a summit was almost never the better move.
      for (const propose of freshPackages(s, view, seat, level.packages)) out.push([propose]);
    }
    return out;
  };
  const deferred = (): Later[] => {
    // Waiting is a move too: the personality's move now, and the package this seat would table
    // then tabled some rounds on. Without it a deal now is weighed only against the personality
    // playing on, which would not make it later, as this seat could once the balance has moved.
    if (!isParty(seat) || (phase !== 'negotiation' && phase !== 'response') || level.packages <= 0) return [];
    const act = (m: Match): Action[] => packagesToTable(s, quickView(m, seat), seat, 1).map((clauses) => ({ type: 'propose', clauses }));
    return DEFER_ROUNDS.map((k) => view.round + k).filter((r) => r <= s.rounds).map((round) => ({ round, act }));
  };
  const models = new Map(PARTIES.filter((p) => p !== seat).map((p) => [p as PlayingSeat, likelyPersonality(s, view, p, rand)]));
  return searchMove(match, seat, personalities, extras, deferred, playoutActions, (x) => models.get(x) ?? defaultStrategy(x), level, rand);
}

/**
 * The personality of `party` that best explains its answers so far (the most of its past answers
 * to demands it would have given, as far as this view can judge), its default while nothing tells
 * them apart: the other seats the search plays out are models of who they have shown themselves
 * to be, not of who they usually are.
 */
export function likelyPersonality(scenario: Scenario, view: SeatView, party: Party, rand: () => number): string {
  const answered = view.demands.filter((d) => d.to === party && (d.status === 'accepted' || d.status === 'refused' || d.status === 'countered' || d.status === 'imposed'));
  const fallback = defaultStrategy(party);
  if (!answered.length) return fallback;
  const ctx: BotContext = { seat: party, view, scenario, rand };
  let best = fallback;
  let top = -1;
  for (const name of [fallback, ...personalitiesFor(party).filter((p) => p !== fallback)]) {
    const policy = PARTY_STRATEGIES[party][name];
    let agree = 0;
    for (const d of answered) {
      const def = catalogueDemand(scenario, d.def);
      if (policy.accepts(ctx, demandWeight(scenario, def), pressureRegion(scenario, def, d.from)) === (d.status === 'accepted')) agree++;
    }
    if (agree > top) [top, best] = [agree, name];
  }
  return best;
}

/** How many rounds on a party weighs tabling its package, instead of now. */
const DEFER_ROUNDS = [3, 6, 9];

const preferred = new WeakMap<Scenario, Map<PlayingSeat, string>>();

/**
 * The personality that scores best on this seat in this scenario, the others on their defaults:
 * played from the scenario's start (public to every seat) over a fixed set of seeds, once per
 * scenario. The search plays on with it unless another clearly does better in the match at hand.
 */
export function preferredPersonality(scenario: Scenario, seat: PlayingSeat): string {
  const known = preferred.get(scenario) ?? preferred.set(scenario, new Map()).get(scenario)!;
  let best = known.get(seat);
  if (best) return best;
  let top = -Infinity;
  for (const p of personalitiesFor(seat)) {
    let total = 0;
    for (let seed = 1; seed <= PREFERRED_SEEDS; seed++) {
      total += playout(createMatch(scenario, seed), seat, [], playoutActions, (s) => (s === seat ? p : defaultStrategy(s)), 99);
    }
    if (total > top) [top, best] = [total, p];
  }
  known.set(seat, best!);
  return best!;
}
const PREFERRED_SEEDS = 32;
