// What the facilitator's overview and debrief say about a match: computed from the engine's match,
// the same for a running room and a stored one (replayed).
import { balanceRatio, gapWords, lastingPeace, playingSeats, seatScores, type Match, type SeatConfig } from '../../shared/engine/index.js';
import type { MatchFacts, RoomLine, RoomOutcome, SeatControllers, SeatLive } from '../../shared/protocol/index.js';
import type { PlayingSeat } from '../../shared/scenario/schema.js';
import type { PhaseClock } from './clock.js';
import type { MatchState } from './state.js';

const r1 = (x: number) => Math.round(x * 10) / 10;
const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** The overview's facts of a match. */
export function matchFacts(m: Match): MatchFacts {
  const ratio = balanceRatio(m.scenario, m.parties, m.turkishBacking);
  return {
    round: m.round,
    rounds: m.scenario.rounds,
    phase: m.phase,
    reported: m.phase === 'report' ? m.round : m.round - 1,
    escalation: m.escalation,
    stability: r1(m.stability),
    balance: { ratio: r3(ratio), gap: gapWords(m.scenario, ratio) },
    signed: m.settlement !== null,
    settlement: m.settlement ? { round: m.settlement.round, durability: r1(m.settlement.durability), auspices: m.settlement.auspices } : null,
    ended: m.ended ? { kind: m.ended.kind, round: m.ended.round } : null,
  };
}

/**
 * Each seat's line: who plays it, whether a bot does now (a bot seat, or one of `vacated`: human
 * seats left empty) and who is in it (`occupants`, for a running room).
 */
export function seatLines(
  m: Match,
  vacated: ReadonlySet<PlayingSeat>,
  occupants: (seat: PlayingSeat) => SeatLive['occupants'] = () => [],
): Partial<Record<PlayingSeat, SeatLive>> {
  const seats: Partial<Record<PlayingSeat, SeatLive>> = {};
  for (const s of playingSeats(m.scenario)) {
    const cfg = m.seats[s] ?? { controller: 'bot' as const };
    seats[s] = {
      controller: cfg.controller,
      ...(cfg.strategy ? { strategy: cfg.strategy } : {}),
      botPlaying: cfg.controller === 'bot' || vacated.has(s),
      done: m.done.includes(s),
      occupants: occupants(s),
    };
  }
  return seats;
}

/** A running room's line in the overview: its match, its clock, who is connected. */
export function liveLine(m: Match, clock: PhaseClock, state: MatchState, vacated: ReadonlySet<PlayingSeat>): RoomLine {
  const ended = m.ended !== null;
  const occupants = (s: PlayingSeat) => [...(state.seats.get(s)?.occupants ?? [])].map((o) => ({ name: o.name, connected: o.connected }));
  return {
    live: true,
    ...matchFacts(m),
    remaining: ended ? 0 : clock.remaining(),
    phaseEndsAt: ended || clock.paused ? 0 : clock.endsAt,
    paused: !ended && clock.paused,
    seats: seatLines(m, vacated, occupants),
    facilitators: state.facilitators,
    spectators: state.spectators,
  };
}

/** Who plays each seat, without the bots' strategies (those stay with the facilitator). */
export function seatControllers(seats: SeatConfig): SeatControllers {
  const out: SeatControllers = {};
  for (const [s, c] of Object.entries(seats)) out[s as PlayingSeat] = { controller: c!.controller };
  return out;
}

/** How a room came out (so far, while it runs), for the class debrief. */
export function outcomeOf(m: Match): RoomOutcome {
  const ratio = balanceRatio(m.scenario, m.parties, m.turkishBacking);
  return {
    ended: m.ended,
    round: m.round,
    phase: m.phase,
    finalBalance: { ratio: r3(ratio), gap: gapWords(m.scenario, ratio) },
    escalation: { final: m.escalation, max: m.stats.maxEscalation, attempts: { ...m.stats.escalations }, successes: { ...m.stats.escalationSuccesses } },
    settlement: m.settlement,
    lastingPeace: r1(lastingPeace(m)),
    scores: seatScores(m),
    provisional: m.ended === null,
    seats: { ...m.seats },
  };
}
