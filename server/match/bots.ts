// Bots in the room: engine bots play bot seats and human seats left empty (their turns: shared/bots/turns.ts).
import { playingSeats, type Match } from '../../shared/engine/index.js';
import type { PlayingSeat } from '../../shared/scenario/schema.js';

/** Seats the engine's bots play now: configured as bots, or humans' seats left empty too long. */
export function botSeats(m: Match, vacated: ReadonlySet<PlayingSeat>): PlayingSeat[] {
  return playingSeats(m.scenario).filter((s) => m.seats[s]?.controller === 'bot' || vacated.has(s));
}

/** Whether the engine's bots play any seat now (asked after every change: no list is made). */
export function anyBotSeat(m: Match, vacated: ReadonlySet<PlayingSeat>): boolean {
  for (const s of playingSeats(m.scenario)) if (m.seats[s]?.controller === 'bot' || vacated.has(s)) return true;
  return false;
}

/** Every human-played seat is done (and there is at least one): the seats whose humans must say `done` before the phase may end early. */
export function everyHumanDone(m: Match, vacated: ReadonlySet<PlayingSeat>): boolean {
  let humans = 0;
  for (const s of playingSeats(m.scenario)) {
    if (m.seats[s]?.controller === 'bot' || vacated.has(s)) continue;
    if (!m.done.includes(s)) return false;
    humans++;
  }
  return humans > 0;
}
