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
  /** Sampled worlds per candidate move. */
  playouts: number;
  /** Rounds played out after the move before the position is scored. */
  horizon: number;
  /** Stop sampling after this long, whatever the playouts. */
  timeMs: number;
}

export const SEARCH_LEVELS = {
  easy: { playouts: 2, horizon: 2, timeMs: 150 },
  normal: { playouts: 4, horizon: 99, timeMs: 300 },
  hard: { playouts: 10, horizon: 99, timeMs: 450 },
} satisfies Record<string, SearchLevel>;
export type Difficulty = keyof typeof SEARCH_LEVELS;

type Policy = (m: Match, seat: PlayingSeat, strategy: string) => Action[];

/** A move to try now, and the personality the seat is assumed to follow afterwards. */
export interface Candidate {
  moves: Action[];
  then: string;
}

/**
 * Choose among `candidates` by sampled playouts. `policy` plays every seat in the playouts
 * (personality bots: the others on their defaults, this seat on the candidate's `then`);
 * `rand` is the bot's own stream.
 */
export function searchMove(match: Match, seat: PlayingSeat, candidates: Candidate[], policy: Policy, defaults: (s: PlayingSeat) => string, level: SearchLevel, rand: () => number): Action[] {
  // Nothing to choose when every personality would do the same now.
  const first = JSON.stringify(candidates[0]?.moves ?? []);
  if (candidates.every((c) => JSON.stringify(c.moves) === first)) return candidates[0]?.moves ?? [];
  const view = viewFor(match, seat);
  const totals = candidates.map(() => 0);
  const started = performance.now();
  let done = 0;
  for (let i = 0; i < level.playouts; i++) {
    // Common random numbers: every candidate is tried in the same sampled world.
    const world = determinise(view, match.scenario, seat, rand);
    candidates.forEach((c, i) => {
      const strategyOf = (s: PlayingSeat) => (s === seat ? c.then : defaults(s));
      totals[i] += playout(world, seat, c.moves, policy, strategyOf, level.horizon);
    });
    if (performance.now() - started > level.timeMs) break;
  }
  let best = 0;
  for (let c = 1; c < candidates.length; c++) if (totals[c] > totals[best] + 1e-9) best = c;
  return candidates[best].moves;
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
