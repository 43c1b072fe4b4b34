// The search bot. It plays on as the personality that does best on its seat (found once per
// scenario), and at each decision weighs that personality's move against the other personalities'
// moves and its own ideas (packages to table or sign, demands to press): each is played to the end
// of the match in worlds sampled from what this seat knows (determinised hidden information), with
// the engine as the model and the other seats on their usual personalities.
//
// The strength is a budget of playouts, not a time limit: the same match gives the same decision on
// any machine and under any load. Every move is tried in the same sampled worlds, and the playout
// bots draw their random numbers by turn (common random numbers); after each batch of worlds the
// weaker half of the moves is dropped (successive halving). The time cap is only a safety net.
import { checksOf, COMPONENTS, PARTIES, type Components, type Party, type PlayingSeat, type Scenario } from '../scenario/schema.js';
import type { Action } from '../engine/actions.js';
import { applyAction } from '../engine/apply.js';
import { initialMatch, isParty, otherParty, playingSeats } from '../engine/match.js';
import { estimate } from '../engine/phases.js';
import { catalogueInstrument, wentThrough } from '../engine/queries.js';
import { seatScores } from '../engine/score.js';
import type { Match } from '../engine/types.js';
import { ratioWithinPublicBand, viewFor, type OwnParty, type SeatView } from '../engine/view.js';
import { effectivePair } from '../engine/military.js';
import { playOn } from './turns.js';

export interface SearchLevel {
  /** Sampled worlds in which each personality is played from here, to choose the one to play on with. */
  basePlayouts: number;
  /** Sampled worlds each move that survives to the end is played out in, then played on with that personality. */
  playouts: number;
  /** Rounds played out after the move before the position is scored (99: the whole match). */
  horizon: number;
  /** Packages of clauses this seat considers tabling, besides the personalities' moves. */
  packages: number;
  /** How many standard errors better than the personality's own move another move must score. */
  margin: number;
  /** How many standard errors better than the seat's usual best another personality must score to be played on with. */
  baseMargin: number;
  /** Safety net only: stop sampling after this long. The budget is normally spent well before. */
  timeMs: number;
}

export const SEARCH_LEVELS = {
  easy: { basePlayouts: 0, playouts: 4, horizon: 99, packages: 2, margin: 1, baseMargin: 2, timeMs: 150 },
  normal: { basePlayouts: 0, playouts: 32, horizon: 99, packages: 4, margin: 1, baseMargin: 2, timeMs: 450 },
  hard: { basePlayouts: 0, playouts: 36, horizon: 99, packages: 4, margin: 1, baseMargin: 2, timeMs: 480 },
} satisfies Record<string, SearchLevel>;
export type Difficulty = keyof typeof SEARCH_LEVELS;

/** A seat's actions in a playout; `pass` is which of the two turns in the phase this is. */
type Policy = (m: Match, seat: PlayingSeat, strategy: string, pass: number) => Action[];

/** What a personality would do now. */
export interface Option {
  name: string;
  moves: Action[];
}

/** Statistics of the decisions so far (for the bench): playouts run and how many stopped at the time cap. */
export const searchStats = { decisions: 0, playouts: 0, capped: 0 };

/**
 * Choose a move by sampled playouts, in two steps. First, which personality to play on with: the
 * first one given (the seat's usual best) unless another clearly does better from here, each played
 * from here in the same sampled worlds. Then, which move to make now: that personality's own move,
 * the other personalities' moves and the seat's own ideas (`extras`, given that personality), each
 * followed by that personality, in the same worlds, the weaker half dropped after each batch (and
 * any that has done no better than the personality's own so far). Another
 * move replaces the personality's own only if it scored better by more than the noise
 * (`margin` standard errors of the paired difference). Waiting is weighed too (`deferred`): the
 * personality's move now, with something the seat would do only in a later round of the playout.
 * `policy` plays every seat in the playouts (the others on their defaults); `rand` is the bot's own stream.
 */
export function searchMove(match: Match, seat: PlayingSeat, personalities: Option[], extras: (base: Option) => Action[][], deferred: (base: Option) => Later[], policy: Policy, defaults: (s: PlayingSeat) => string, level: SearchLevel, rand: () => number): Action[] {
  const key = (moves: Action[]) => JSON.stringify(moves);
  const firstKey = key(personalities[0].moves);
  const same = personalities.every((p) => key(p.moves) === firstKey);
  if (same && extras(personalities[0]).every((m) => key(m) === firstKey)) return personalities[0].moves;
  searchStats.decisions++;
  const view = viewFor(match, seat);
  const started = performance.now();
  const worlds: Match[] = [];
  const world = (i: number) => worlds[i] ?? (worlds[i] = withPlans(determinise(view, match.scenario, seat, rand), policy, defaults));
  const run = (c: Candidate, then: string, w: number, recurring = 0) => {
    searchStats.playouts++;
    return playout(world(w), seat, c.moves, c.later ? withLater(policy, seat, c.later) : policy, (s) => (s === seat ? then : defaults(s)), level.horizon, recurring);
  };
  let capped = false;
  const overTime = () => {
    if (!capped && performance.now() - started > level.timeMs) {
      capped = true;
      searchStats.capped++;
    }
    return capped;
  };

  // 1. The personality to play on with.
  const baseScores: number[][] = personalities.map(() => []);
  let base = 0;
  if (personalities.length > 1) {
    for (let w = 0; w < level.basePlayouts && !overTime(); w++) personalities.forEach((p, i) => baseScores[i].push(run(p, p.name, w)));
    base = clearlyBest(baseScores, personalities.map((_, i) => i), level.baseMargin);
  }
  const then = personalities[base];

  // 2. The move to make now, then played on as `then`.
  const moves: Candidate[] = [then];
  const seen = new Set([key(then.moves)]);
  for (const m of [...personalities.map((p) => p.moves), ...extras(then)]) if (!seen.has(key(m)) && seen.add(key(m))) moves.push({ moves: m });
  if (moves.length === 1) return then.moves;
  for (const later of deferred(then)) moves.push({ moves: then.moves, later });
  const overspend = moves.map((c) => recurringSpend(match, seat, c.moves, then.moves));
  // The worlds in which `then` was already played from here need not be played again.
  const scores: number[][] = moves.map((_, i) => (i === 0 ? [...baseScores[base]] : []));
  let alive = moves.map((_, i) => i);
  const stages = Math.max(1, Math.ceil(Math.log2(moves.length)));
  const batch = Math.max(1, Math.ceil(level.playouts / stages));
  let w = 0;
  while (w < level.playouts && !overTime()) {
    const upTo = Math.min(level.playouts, w + batch);
    for (; w < upTo && !overTime(); w++) for (const i of alive) if (scores[i].length === w) scores[i].push(run(moves[i], then.name, w, overspend[i]));
    alive = stillInRace(scores, alive, w);
    if (alive.length === 1) break;
  }
  const best = clearlyBest(scores.map((s) => s.slice(0, w)), alive, level.margin);
  return moves[best].moves;
}

/**
 * What the seat adds to its personality's turn at the first negotiation phase of a later round of a
 * playout: a plan to wait for a better deal (the balance may have moved by then) rather than make one now.
 */
export interface Later {
  round: number;
  act: (m: Match) => Action[];
}

/** A move to weigh: the actions now, and for a plan to wait, what the seat does later in the playout. */
interface Candidate {
  moves: Action[];
  later?: Later;
}

/** `policy`, with `later`'s actions added to `seat`'s first turn in a negotiation phase from its round on. */
function withLater(policy: Policy, seat: PlayingSeat, later: Later): Policy {
  let done = false;
  return (m, s, strategy, pass) => {
    const own = policy(m, s, strategy, pass);
    if (done || s !== seat || m.phase !== 'negotiation' || m.round < later.round) return own;
    done = true;
    return [...own, ...later.act(m)];
  };
}

/**
 * The moves still in the race after `w` worlds (`alive`, the first the personality's own move, at
 * index 0): that move, and the better half of the others that have done better than it so far. A
 * move that has not, in the worlds tried, is not worth more of them; once none has, the
 * personality's move stands alone.
 */
export function stillInRace(scores: number[][], alive: number[], w: number): number[] {
  const ahead = alive.filter((i) => i !== 0 && mean(scores[i], w) > mean(scores[0], w) + 1e-9).sort((a, b) => mean(scores[b], w) - mean(scores[a], w) || a - b);
  return [0, ...ahead.slice(0, Math.max(1, Math.ceil(alive.length / 2) - 1))].sort((a, b) => a - b);
}

const mean = (xs: number[], n = xs.length) => {
  let s = 0;
  for (let i = 0; i < n; i++) s += xs[i];
  return n ? s / n : 0;
};

/**
 * Among `alive` (the first of them the incumbent), the one with the best mean score among those
 * that beat the incumbent by more than `margin` standard errors of their paired difference and in
 * more sampled worlds than they lose; else the incumbent. A move that gains on average only through
 * a few lucky worlds is a gamble: usually it leaves the seat worse off than its personality would.
 */
function clearlyBest(scores: number[][], alive: number[], margin: number): number {
  const incumbent = alive[0];
  const n = Math.min(...alive.map((i) => scores[i].length));
  if (n === 0) return incumbent;
  let best = incumbent;
  let bestMean = 0;
  for (const i of alive) {
    if (i === incumbent) continue;
    const diffs = Array.from({ length: n }, (_, w) => scores[i][w] - scores[incumbent][w]);
    const d = mean(diffs);
    const sd = n > 1 ? Math.sqrt(diffs.reduce((s, x) => s + (x - d) ** 2, 0) / (n - 1)) : Infinity;
    const better = diffs.filter((x) => x > 1e-9).length - diffs.filter((x) => x < -1e-9).length;
    if (d > margin * (sd / Math.sqrt(n)) && better > 0 && d > bestMean + 1e-9) [best, bestMean] = [i, d];
  }
  return best;
}

/**
 * Plans are secret: past the planning phase, a party whose plan this seat cannot see gets the plan
 * its usual personality would have made in the sampled world (what it buys, its lobbying, where it
 * prepared force), rather than none at all.
 */
function withPlans(world: Match, policy: Policy, defaults: (s: PlayingSeat) => string): Match {
  if (!['demands', 'negotiation', 'response'].includes(world.phase)) return world;
  // Made as in planning: on a copy of the world set back to that phase, then returned to its own.
  let m: Match = { ...world, phase: 'planning' };
  for (const p of PARTIES) {
    if (m.parties[p].plan) continue;
    for (const a of policy(m, p, defaults(p), 0)) {
      const r = applyAction(m, p, a);
      if (r.ok) m = r.match;
    }
  }
  return { ...m, phase: world.phase };
}

/**
 * The prestige a move's spend beyond the personality's (`base`) is charged once more at the end of
 * its playouts: such a spend recurs, as the search finds one like it worth it again later, where
 * the playouts, played on as the personality, spend no more; so the spends add up to what its
 * objectives can afford. Only a spend out of the reserve its prestige objective needs (one that
 * takes its prestige below the bar); one out of a surplus above it leaves the objective as safe
 * as the playouts show. None for a party.
 */
export function recurringSpend(match: Match, seat: PlayingSeat, moves: readonly Action[], base: readonly Action[]): number {
  const own = isParty(seat) ? undefined : match.mediators[seat];
  const spend = prestigeSpent(match.scenario, moves);
  if (!own || own.prestige - spend >= prestigeBar(match.scenario, seat)) return 0;
  return Math.max(0, spend - prestigeSpent(match.scenario, base));
}

/** The least prestige this seat's objectives ask it to end with (none: -Infinity). */
function prestigeBar(scenario: Scenario, seat: PlayingSeat): number {
  let bar = -Infinity;
  for (const o of scenario.seats[seat]?.objectives ?? []) for (const c of checksOf(o)) if (c.metric === 'prestigeAtLeast' && c.mediator === seat) bar = Math.max(bar, c.value);
  return bar;
}

/** The prestige these moves spend on instruments. */
export function prestigeSpent(scenario: Scenario, moves: readonly Action[]): number {
  let cost = 0;
  for (const a of moves) if (a.type === 'useInstrument') cost += catalogueInstrument(scenario, a.instrument)?.cost ?? 0;
  return cost;
}

/**
 * Play a match on from `world` after `moves` by this seat (which sits out the rest of the current
 * phase); scored with `recurring` prestige more spent by this seat (a mediator) by the end.
 */
export function playout(world: Match, seat: PlayingSeat, moves: Action[], policy: Policy, strategyOf: (s: PlayingSeat) => string, horizon: number, recurring = 0): number {
  let m = world;
  for (const a of moves) {
    const r = applyAction(m, seat, a);
    if (r.ok) m = r.match;
  }
  m = playOn(m, playingSeats(m.scenario), (x, s, pass) => policy(x, s, strategyOf(s), pass), { lastRound: m.round + horizon, sitOut: seat });
  const own = isParty(seat) ? undefined : m.mediators[seat];
  if (recurring > 0 && own) m = { ...m, mediators: { ...m.mediators, [seat]: { ...own, prestige: own.prestige - recurring } } };
  return seatScores(m).find((x) => x.seat === seat)!.total;
}

const sample = ([lo, hi]: [number, number], rand: () => number) => lo + (hi - lo) * rand();

/** A full match consistent with this seat's view: hidden figures drawn from its estimates. */
export function determinise(v: SeatView, scenario: Scenario, seat: PlayingSeat, rand: () => number): Match {
  const start = initialMatch(scenario, Math.floor(rand() * 2 ** 31), v.seats);
  // How long fighting has been at war level (an objective and the war ending read it).
  let warRounds = 0;
  for (let i = v.history.length - 1; i >= 0 && v.history[i].escalation >= scenario.escalation.levels.war; i--) warRounds++;
  // The table as the view shows it; what the view hides is drawn below.
  const m: Match = {
    ...start,
    round: v.round,
    phase: v.phase,
    escalation: v.escalation,
    stability: v.stability,
    demands: v.demands.map((d) => ({ ...d })),
    proposals: v.proposals.map((p) => ({ ...p, signed: [...p.signed] })),
    instruments: [...v.instruments],
    modifiers: [...v.modifiers],
    embargoes: [...v.embargoes],
    done: [...v.done],
    settlement: v.settlement,
    // Only the events the rules and the policies read again (cards already drawn, escalations repelled):
    // every change copies the event list, so a short one keeps playouts cheap.
    events: v.events.filter((e) => e.key === 'event.drawn' || e.key === 'escalation.failure'),
    nextId: 1 + Math.max(0, ...[...v.demands, ...v.proposals].map((x) => Number(x.id.slice(1)) || 0)),
    appetite: v.appetite,
    warRounds,
  };
  for (const k in v.regions) m.regions[k] = { ...v.regions[k] };
  for (const k in v.mediators) m.mediators[k as keyof typeof m.mediators] = { ...v.mediators[k as keyof typeof v.mediators]! };
  // Demands conceded so far (public), which objectives count.
  for (const p of PARTIES) m.stats.demandsAccepted[p] = v.demands.filter((d) => d.from === p && wentThrough(d) && d.resolved).length;
  for (const p of PARTIES) {
    const pub = v.parties[p];
    Object.assign(m.parties[p], { support: pub.support, standing: pub.standing, concessions: pub.concessions });
    const own = pub as OwnParty;
    if (own.strength) {
      Object.assign(m.parties[p], { strength: { ...own.strength }, budget: own.budget, reform: own.reform, pipeline: [...own.pipeline], plan: own.plan, intel: own.intel });
    }
  }
  if (isParty(seat)) {
    // The other side's forces are drawn from this seat's intelligence estimate. An estimate is the
    // truth times one bias common to every figure (within ±10%), widened by one spread: so each
    // figure is its range's midpoint over a bias drawn once, not a point drawn anywhere in its range.
    const other = otherParty(seat);
    const intel = (v.parties[seat] as OwnParty).intel;
    if (intel) {
      const bias = 0.9 + 0.2 * rand();
      for (const c of COMPONENTS) m.parties[other].strength[c] = (intel.components[c][0] + intel.components[c][1]) / 2 / bias;
    }
  } else {
    // A mediator knows only the public band of the balance (and how the rules place it): scale the
    // starting forces to a ratio drawn from where the truth can be.
    const ratio = sample(ratioWithinPublicBand(scenario, v.balance.low), rand);
    const start = effectivePair(scenario, m.parties, m.turkishBacking);
    const scale = ratio / (start.azerbaijan / start.armenia);
    m.parties.azerbaijan.strength = scaled(m.parties.azerbaijan.strength, scale);
  }
  // What a party hides includes what it believes: a party whose estimate this seat cannot see gets
  // one drawn the way the rules draw it, from the sampled forces (so it may misjudge the balance).
  for (const p of PARTIES) if (!m.parties[p].intel) m.parties[p].intel = estimate(m, otherParty(p));
  for (const s of playingSeats(scenario)) m.seats[s] = { controller: 'bot' };
  return m;
}

const scaled = (c: Components, k: number): Components => ({ ground: c.ground * k, artillery: c.artillery * k, drones: c.drones * k, airDefence: c.airDefence * k, missiles: c.missiles * k });

export type { Party };
