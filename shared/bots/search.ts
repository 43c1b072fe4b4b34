// The search bot: for each move the personalities would make now, play the rest of a few
// rounds many times in worlds sampled from what this seat knows (determinised hidden
// information), with the engine as the model, and keep the move that scored best for the seat.
import { COMPONENTS, PARTIES, type Components, type Party, type PlayingSeat, type Scenario } from '../scenario/schema.js';
import type { Action } from '../engine/actions.js';
import { applyAction } from '../engine/apply.js';
import { initialMatch, isParty, otherParty, playingSeats } from '../engine/match.js';
import { advancePhase } from '../engine/phases.js';
import { seatScores } from '../engine/score.js';
import type { Match } from '../engine/types.js';
import { viewFor, type OwnParty, type SeatView } from '../engine/view.js';
import { effectivePair } from '../engine/military.js';
import { inferredAppetite } from './judgement.js';

export interface SearchLevel {
  /** Sampled worlds in which each personality is played from here, to choose the one to play on with. */
  basePlayouts: number;
  /** Sampled worlds each move that survives to the end is played out in, then played on with that personality. */
  playouts: number;
  /** Rounds played out after the move before the position is scored (99: the whole match). */
  horizon: number;
  /** Packages of clauses this seat considers tabling, besides the personalities' moves. */
  packages: number;
  /** Safety net only: stop sampling after this long. The budget is normally spent well before. */
  timeMs: number;
}

export const SEARCH_LEVELS = {
  easy: { basePlayouts: 2, playouts: 2, horizon: 2, packages: 0, timeMs: 150 },
  normal: { basePlayouts: 6, playouts: 12, horizon: 99, packages: 4, timeMs: 450 },
  hard: { basePlayouts: 10, playouts: 24, horizon: 99, packages: 6, timeMs: 480 },
} satisfies Record<string, SearchLevel>;
export type Difficulty = keyof typeof SEARCH_LEVELS;

type Policy = (m: Match, seat: PlayingSeat, strategy: string) => Action[];

/** What a personality would do now. */
export interface Option {
  name: string;
  moves: Action[];
}

/** Statistics of the decisions so far (for the bench): playouts run and how many stopped at the time cap. */
export const searchStats = { decisions: 0, playouts: 0, capped: 0 };

/**
 * Choose a move by sampled playouts, in two steps. First, which personality to play on with:
 * each is played from here in the same sampled worlds. Then, which move to make now: each
 * personality's move and the seat's own ideas (`extras`, given that personality), each followed
 * by that personality, in the same worlds, the weaker half dropped after each batch. A move is
 * chosen over the personality's own only if it scored better; ties go to the earlier move.
 * `policy` plays every seat in the playouts (the others on their defaults); `rand` is the bot's own stream.
 */
export function searchMove(match: Match, seat: PlayingSeat, personalities: Option[], extras: (base: Option) => Action[][], policy: Policy, defaults: (s: PlayingSeat) => string, level: SearchLevel, rand: () => number): Action[] {
  const key = (moves: Action[]) => JSON.stringify(moves);
  const firstKey = key(personalities[0].moves);
  const same = personalities.every((p) => key(p.moves) === firstKey);
  if (same && extras(personalities[0]).every((m) => key(m) === firstKey)) return personalities[0].moves;
  searchStats.decisions++;
  const view = viewFor(match, seat);
  const started = performance.now();
  const worlds: Match[] = [];
  const world = (i: number) => worlds[i] ?? (worlds[i] = determinise(view, match.scenario, seat, rand));
  const run = (moves: Action[], then: string, w: number) => {
    searchStats.playouts++;
    return playout(world(w), seat, moves, policy, (s) => (s === seat ? then : defaults(s)), level.horizon);
  };
  const overTime = () => performance.now() - started > level.timeMs;

  // 1. The personality to play on with.
  let base = personalities[0];
  const baseTotals = personalities.map(() => 0);
  if (personalities.length > 1) {
    for (let w = 0; w < level.basePlayouts; w++) {
      personalities.forEach((p, i) => (baseTotals[i] += run(p.moves, p.name, w)));
      if (overTime()) break;
    }
    personalities.forEach((p, i) => {
      if (baseTotals[i] > baseTotals[personalities.indexOf(base)] + 1e-9) base = p;
    });
  }

  // 2. The move to make now, then played on as `base`.
  const moves: Action[][] = [base.moves];
  const seen = new Set([key(base.moves)]);
  for (const m of [...personalities.map((p) => p.moves), ...extras(base)]) if (!seen.has(key(m)) && seen.add(key(m))) moves.push(m);
  if (moves.length === 1) return base.moves;
  const totals = moves.map(() => 0);
  let alive = moves.map((_, i) => i);
  const stages = Math.max(1, Math.ceil(Math.log2(moves.length)));
  const batch = Math.max(1, Math.ceil(level.playouts / stages));
  let w = 0;
  search: while (w < level.playouts) {
    const upTo = Math.min(level.playouts, w + batch);
    for (; w < upTo; w++) {
      for (const i of alive) totals[i] += run(moves[i], base.name, w);
      if (overTime()) {
        searchStats.capped++;
        break search;
      }
    }
    if (alive.length > 2) {
      const ranked = [...alive].sort((a, b) => totals[b] - totals[a] || a - b);
      alive = ranked.slice(0, Math.max(2, Math.ceil(alive.length / 2))).sort((a, b) => a - b);
    }
  }
  let best = alive[0];
  for (const i of alive) if (totals[i] > totals[best] + 1e-9) best = i;
  return moves[best];
}

function playout(world: Match, seat: PlayingSeat, moves: Action[], policy: Policy, strategyOf: (s: PlayingSeat) => string, horizon: number): number {
  let m = world;
  for (const a of moves) {
    const r = applyAction(m, seat, a);
    if (r.ok) m = r.match;
  }
  const seats = playingSeats(m.scenario);
  const until = m.round + horizon;
  let firstPhase = true;
  while (!m.ended && m.round <= until) {
    for (let pass = 0; pass < 2 && !m.ended; pass++) {
      for (const s of seats) {
        // The searching seat already moved in this phase.
        if (firstPhase && s === seat) continue;
        for (const a of policy(m, s, strategyOf(s))) {
          const r = applyAction(m, s, a);
          if (r.ok) m = r.match;
          if (m.ended) break;
        }
        if (m.ended) break;
      }
    }
    firstPhase = false;
    if (!m.ended) m = advancePhase(m).match;
  }
  return seatScores(m).find((x) => x.seat === seat)!.total;
}

const sample = ([lo, hi]: [number, number], rand: () => number) => lo + (hi - lo) * rand();

/** A full match consistent with this seat's view: hidden figures drawn from its estimates. */
export function determinise(v: SeatView, scenario: Scenario, seat: PlayingSeat, rand: () => number): Match {
  const m = initialMatch(scenario, Math.floor(rand() * 2 ** 31), v.seats);
  m.round = v.round;
  m.phase = v.phase;
  m.escalation = v.escalation;
  m.stability = v.stability;
  for (const k in v.regions) m.regions[k] = { ...v.regions[k] };
  m.demands = v.demands.map((d) => ({ ...d }));
  m.proposals = v.proposals.map((p) => ({ ...p, signed: [...p.signed] }));
  m.instruments = [...v.instruments];
  m.modifiers = [...v.modifiers];
  m.embargoes = [...v.embargoes];
  m.done = [...v.done];
  m.settlement = v.settlement;
  for (const k in v.mediators) m.mediators[k as keyof typeof m.mediators] = { ...v.mediators[k as keyof typeof v.mediators]! };
  m.events = [...v.events];
  for (const d of v.demands) if (d.def) m.issuedCount[d.def] = (m.issuedCount[d.def] ?? 0) + 1;
  m.nextId = 1 + Math.max(0, ...[...v.demands, ...v.proposals].map((x) => Number(x.id.slice(1)) || 0));
  m.appetite = inferredAppetite(scenario, v);
  for (const p of PARTIES) {
    const pub = v.parties[p];
    Object.assign(m.parties[p], { support: pub.support, standing: pub.standing, concessions: pub.concessions });
    const own = pub as OwnParty;
    if (own.strength) {
      Object.assign(m.parties[p], { strength: { ...own.strength }, budget: own.budget, reform: own.reform, pipeline: [...own.pipeline], plan: own.plan, intel: own.intel });
    }
  }
  if (isParty(seat)) {
    // The other side's forces are drawn from this seat's intelligence estimate.
    const other = otherParty(seat);
    const intel = (v.parties[seat] as OwnParty).intel;
    if (intel) for (const c of COMPONENTS) m.parties[other].strength[c] = sample(intel.components[c], rand);
  } else {
    // A mediator knows only the public band of the balance: scale the starting forces to a ratio drawn from it.
    const ratio = sample([v.balance.low, v.balance.high], rand);
    const start = effectivePair(scenario, m.parties, m.turkishBacking);
    const scale = ratio / (start.azerbaijan / start.armenia);
    m.parties.azerbaijan.strength = scaled(m.parties.azerbaijan.strength, scale);
  }
  for (const s of playingSeats(scenario)) m.seats[s] = { controller: 'bot' };
  return m;
}

const scaled = (c: Components, k: number): Components => ({ ground: c.ground * k, artillery: c.artillery * k, drones: c.drones * k, airDefence: c.airDefence * k, missiles: c.missiles * k });

export type { Party };
