// "The same seed, played by bots": the scenario replayed with default bots in every seat.
import type { PlayingSeat, Scenario } from '../scenario/schema.js';
import { defaultStrategy } from '../bots/index.js';
import { playingSeats } from '../engine/match.js';
import { seatScores, type SeatScore } from '../engine/score.js';
import type { Ending, RoundMeters, Settlement } from '../engine/types.js';
import { playMatch } from './play.js';

export interface BotRun {
  seed: number;
  strategies: Partial<Record<PlayingSeat, string>>;
  ending: Ending | null;
  settlement: Settlement | null;
  rounds: RoundMeters[];
  scores: SeatScore[];
  escalations: number;
}

export function botRun(scenario: Scenario, seed: number): BotRun {
  const strategies: BotRun['strategies'] = {};
  for (const s of playingSeats(scenario)) strategies[s] = defaultStrategy(s);
  const m = playMatch(scenario, seed, strategies);
  return {
    seed: m.seed,
    strategies,
    ending: m.ended,
    settlement: m.settlement,
    rounds: m.history,
    scores: seatScores(m),
    escalations: m.stats.escalations.armenia + m.stats.escalations.azerbaijan,
  };
}
