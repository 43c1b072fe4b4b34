// A match is its scenario, seed, starting seats and action log: replaying them rebuilds it exactly.
// The one replay loop: the server's fork (replay up to a round) and timeline (a step at a time)
// use it through `replayLog`.
import type { Scenario } from '../scenario/schema.js';
import { applyAction } from './apply.js';
import { createMatch } from './create.js';
import { advancePhase } from './phases.js';
import type { LogEntry, Match, MatchEvent, SeatConfig } from './types.js';

/** One log entry replayed: the match before and after it, and the events it produced. */
export interface ReplayStep {
  index: number;
  entry: LogEntry;
  before: Match;
  after: Match;
  events: MatchEvent[];
}

/**
 * Replay `log` from `start`, entry by entry; `onStep` sees each step and may stop the replay by
 * returning false. Returns the match after the last step replayed. A refused entry throws: a
 * stored log only holds what the rules accepted.
 */
export function replayLog(start: Match, log: readonly LogEntry[], onStep?: (step: ReplayStep) => boolean | void): Match {
  let m = start;
  for (const [index, entry] of log.entries()) {
    const before = m;
    if (entry.kind === 'advance') m = advancePhase(m).match;
    else {
      const r = applyAction(m, entry.seat, entry.action);
      if (!r.ok) throw new Error(`log entry ${index} (${entry.action.type} by ${entry.seat}) was refused on replay: ${r.reason}`);
      m = r.match;
    }
    if (onStep && onStep({ index, entry, before, after: m, events: m.events.slice(before.events.length) }) === false) break;
  }
  return m;
}

export function replay(scenario: Scenario, seed: number, seats: SeatConfig, log: readonly LogEntry[]): Match {
  return replayLog(createMatch(scenario, seed, seats), log);
}
