// Bots in the room: engine bots play bot seats and human seats left empty.
import { applyAction, playingSeats, type Match } from '../shared/engine/index.js';
import { botActions } from '../shared/bots/index.js';
import { botLines, type BotLine } from '../shared/bots/talk.js';
import type { PlayingSeat } from '../shared/scenario/schema.js';

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

/**
 * Like shared/sim's stepBots, for an explicit list of seats: two passes, so an answer can follow a
 * demand. What the bots say about their moves is added to `said`.
 */
export function playBots(m: Match, seats: readonly PlayingSeat[], said: BotLine[] = []): Match {
  for (let pass = 0; pass < 2; pass++) {
    for (const seat of seats) {
      const before = m;
      const taken = [];
      for (const action of botActions(m, seat)) {
        const r = applyAction(m, seat, action);
        if (r.ok) {
          m = r.match;
          taken.push(action);
        }
        if (m.ended) break;
      }
      said.push(...botLines(before, seat, taken));
      if (m.ended) return m;
    }
  }
  return m;
}
