// A stored match replayed: its log through the engine as far as the rules accept it. A record
// that cannot be replayed to its end (a log the rules of this version refuse) is damaged: its
// room does not start, players and the facilitator are told why, and a class session's room can
// be forked from its last good round (class/fork.ts); the rest of the server goes on.
import { createMatch, replayLog, type LogEntry, type Match, type SeatConfig } from '../../shared/engine/index.js';
import type { Scenario } from '../../shared/scenario/schema.js';
import { Trouble } from '../refusal.js';

export interface Replayed {
  /** The match after the last entry the rules accepted. */
  match: Match;
  /** How many entries replayed. */
  good: number;
  /** Why the next one did not, or null when the whole log replayed. */
  problem: string | null;
  /** Rounds whose report the good part of the log reached (the rounds a fork may start from). */
  reported: number[];
}

export function replayRecord(scenario: Scenario, rec: { seed: number; seats: SeatConfig; log: readonly { entry: LogEntry }[] }): Replayed {
  const log = rec.log.map((e) => e.entry);
  let match = createMatch(scenario, rec.seed, rec.seats);
  let good = 0;
  const reported: number[] = [];
  try {
    replayLog(match, log, ({ index, after, entry }) => {
      match = after;
      good = index + 1;
      if (entry.kind === 'advance' && after.phase === 'report' && !reported.includes(after.round)) reported.push(after.round);
    });
    return { match, good, problem: null, reported };
  } catch (e) {
    return { match, good, problem: e instanceof Error ? e.message : String(e), reported };
  }
}

/** What a damaged record's room says instead of starting (GET /api/join answers it with 409). */
export function damageReport(matchId: string, r: Replayed): string {
  const fork = r.reported.length ? `the facilitator can fork it from round ${r.reported[r.reported.length - 1]}` : 'no round of it was resolved before the damage';
  return `the record of match ${matchId} cannot be replayed (${r.problem}); ${fork}`;
}

/** How a damaged record's report travels through Colyseus's room creation, as a plain error message. */
const DAMAGED = 'damaged_record: ';

export const damagedError = (report: string) => new Error(DAMAGED + report);

/** A room creation's failure as a Trouble when it was a damaged record; else the failure as it was. */
export function asDamaged(e: unknown): unknown {
  const m = e instanceof Error ? e.message : '';
  const at = m.indexOf(DAMAGED);
  return at < 0 ? e : new Trouble('damaged', m.slice(at + DAMAGED.length));
}
