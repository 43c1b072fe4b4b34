// Bots in the room: engine bots play bot seats and human seats left empty.
import { applyAction, playingSeats, type Action, type Match } from '../../shared/engine/index.js';
import { botActions } from '../../shared/bots/index.js';
import { botLines, type BotLine } from '../../shared/bots/talk.js';
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

/** A bot about to decide: its seat, and the match it decides on. */
export interface BotTurn {
  match: Match;
  seat: PlayingSeat;
}

/**
 * Like shared/sim's stepBots, for an explicit list of seats: two passes, so an answer can follow a
 * demand. It yields each bot's turn and takes back its actions, so that the caller decides where
 * the decision is made (inline, or on the bot pool for slow ones: play.ts). What the bots say
 * about their moves is added to `said`. Returns the match after the last move.
 */
export function* botTurns(m: Match, seats: readonly PlayingSeat[], said: BotLine[] = []): Generator<BotTurn, Match, Action[]> {
  for (let pass = 0; pass < 2; pass++) {
    for (const seat of seats) {
      const before = m;
      const taken = [];
      for (const action of yield { match: m, seat }) {
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

/** botTurns with every decision made inline. */
export function playBots(m: Match, seats: readonly PlayingSeat[], said: BotLine[] = []): Match {
  const turns = botTurns(m, seats, said);
  for (let step = turns.next(); ; ) {
    if (step.done) return step.value;
    step = turns.next(botActions(step.value.match, step.value.seat));
  }
}
