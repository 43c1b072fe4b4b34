// The bots' turn in a phase, written once: each bot seat in seat order, twice, so an answer can
// follow a demand made in the same phase. `botTurns` is a generator: it yields each bot's turn
// and takes back the actions, so its caller decides where a decision is made (the server sends
// slow search turns to worker threads, server/play.ts); `playTurns` decides inline, `playOn`
// plays phase after phase. The simulator, the search bot's playouts and the server all use it.
import type { Phase, PlayingSeat } from '../scenario/schema.js';
import type { Action } from '../engine/actions.js';
import { applyAction } from '../engine/apply.js';
import { isParty } from '../engine/match.js';
import { advancePhase } from '../engine/phases.js';
import type { Match } from '../engine/types.js';

/** Phases in which a bot of each kind has anything to decide. */
const ACTING_PHASES = { party: ['planning', 'demands', 'negotiation', 'response'], mediator: ['planning', 'negotiation'] } as const satisfies Record<string, readonly Phase[]>;

/** Whether a bot in this seat has anything to decide in this phase (elsewhere every bot passes). */
export const actsIn = (seat: PlayingSeat, phase: Phase): boolean => (ACTING_PHASES[isParty(seat) ? 'party' : 'mediator'] as readonly Phase[]).includes(phase);

/** A bot about to decide: its seat, the match it decides on, and which of the phase's two passes this is. */
export interface BotTurn {
  match: Match;
  seat: PlayingSeat;
  pass: number;
}

/** How a seat's bot decides its turn. */
export type Decide = (m: Match, seat: PlayingSeat, pass: number) => Action[];

/** Told after each turn what the seat's bot did (the actions the rules accepted) to the match before it. */
export type Moved = (before: Match, seat: PlayingSeat, taken: readonly Action[]) => void;

/**
 * The bots of `seats` take their turns in the current phase: yields each turn (seats with nothing
 * to decide in this phase are passed over), takes back its actions, applies those the rules
 * accept, and returns the match after the last move (at once if the match ends).
 */
export function* botTurns(m: Match, seats: readonly PlayingSeat[], moved?: Moved): Generator<BotTurn, Match, Action[]> {
  for (let pass = 0; pass < 2; pass++) {
    for (const seat of seats) {
      if (!actsIn(seat, m.phase)) continue;
      const before = m;
      const taken: Action[] = [];
      for (const action of yield { match: m, seat, pass }) {
        const r = applyAction(m, seat, action);
        if (r.ok) {
          m = r.match;
          taken.push(action);
        }
        if (m.ended) break;
      }
      moved?.(before, seat, taken);
      if (m.ended) return m;
    }
  }
  return m;
}

/** The bots' turn in the current phase, every decision made here by `decide`. */
export function playTurns(m: Match, seats: readonly PlayingSeat[], decide: Decide, moved?: Moved): Match {
  const turns = botTurns(m, seats, moved);
  for (let step = turns.next(); ; ) {
    if (step.done) return step.value;
    const { match, seat, pass } = step.value;
    step = turns.next(decide(match, seat, pass));
  }
}

/**
 * Bots in `seats` play phase after phase until the match ends or `lastRound` is over. `sitOut`
 * passes one seat's turns in the first phase (it has already moved in it).
 */
export function playOn(m: Match, seats: readonly PlayingSeat[], decide: Decide, opts: { lastRound?: number; sitOut?: PlayingSeat } = {}): Match {
  const lastRound = opts.lastRound ?? Infinity;
  let turnSeats = opts.sitOut ? seats.filter((s) => s !== opts.sitOut) : seats;
  while (!m.ended && m.round <= lastRound) {
    m = playTurns(m, turnSeats, decide);
    turnSeats = seats;
    if (!m.ended) m = advancePhase(m).match;
  }
  return m;
}
