// A match is its scenario, seed, starting seats and action log: replaying them rebuilds it exactly.
import type { Scenario } from '../scenario/schema.js';
import { applyAction } from './apply.js';
import { createMatch } from './create.js';
import { advancePhase } from './phases.js';
import type { LogEntry, Match, SeatConfig } from './types.js';

export function replay(scenario: Scenario, seed: number, seats: SeatConfig, log: readonly LogEntry[]): Match {
  let m = createMatch(scenario, seed, seats);
  for (const [i, entry] of log.entries()) {
    if (entry.kind === 'advance') {
      m = advancePhase(m).match;
      continue;
    }
    const r = applyAction(m, entry.seat, entry.action);
    if (!r.ok) throw new Error(`log entry ${i} (${entry.action.type} by ${entry.seat}) was refused on replay: ${r.reason}`);
    m = r.match;
  }
  return m;
}
