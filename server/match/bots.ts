// Bots in the room: engine bots play bot seats and human seats left empty (their turns: shared/bots/turns.ts).
import { playingSeats, type Match } from '../../shared/engine/index.js';
import type { PlayingSeat } from '../../shared/scenario/schema.js';

/** Seats the engine's bots play now: configured as bots, or humans' seats left empty too long. */
export function botSeats(m: Match, vacated: ReadonlySet<PlayingSeat>): PlayingSeat[] {
  return playingSeats(m.scenario).filter((s) => m.seats[s]?.controller === 'bot' || vacated.has(s));
}

/** Seats whose humans must say `done` before the phase may end early. */
export function humanSeats(m: Match, vacated: ReadonlySet<PlayingSeat>): PlayingSeat[] {
  return playingSeats(m.scenario).filter((s) => m.seats[s]?.controller !== 'bot' && !vacated.has(s));
}

/** Every human-played seat is done (and there is at least one). */
export function everyHumanDone(m: Match, vacated: ReadonlySet<PlayingSeat>): boolean {
  const humans = humanSeats(m, vacated);
  return humans.length > 0 && humans.every((s) => m.done.includes(s));
}
