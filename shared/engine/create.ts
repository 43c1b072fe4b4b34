import type { Scenario } from '../scenario/schema.js';
import { initialMatch } from './match.js';
import { startRound } from './phases.js';
import type { Match, SeatConfig } from './types.js';

/** A new match at round 1's news phase (its first event and intelligence drawn). Empty seats are bots. */
export function createMatch(scenario: Scenario, seed: number, seatConfig: SeatConfig = {}): Match {
  const m = initialMatch(scenario, seed, seatConfig);
  startRound(m, 1);
  return m;
}
