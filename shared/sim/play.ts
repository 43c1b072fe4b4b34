// Play a whole match with bots in every seat: the simulator and the fidelity tests use this.
import type { PlayingSeat, Scenario } from '../scenario/schema.js';
import { botActions, defaultStrategy } from '../bots/index.js';
import { playOn, playTurns, type Decide } from '../bots/turns.js';
import { createMatch } from '../engine/create.js';
import { playingSeats } from '../engine/match.js';
import type { Match, SeatConfig } from '../engine/types.js';

export type Strategies = Partial<Record<PlayingSeat, string>>;
export type { Decide };

/** How a seat's bot decides: `botActions`, unless a caller wraps it (the benchmark and tests time it). */
const byBots: Decide = (m, seat) => botActions(m, seat);

/** The bots among `seats` take their turns in the current phase (shared/bots/turns.ts). */
export function stepBots(m: Match, seats: readonly PlayingSeat[], decide: Decide = byBots): Match {
  return playTurns(m, seats.filter((s) => m.seats[s]?.controller === 'bot'), decide);
}

export function playMatch(scenario: Scenario, seed: number, strategies: Strategies = {}, decide: Decide = byBots): Match {
  const seats: SeatConfig = {};
  for (const s of playingSeats(scenario)) seats[s] = { controller: 'bot', strategy: strategies[s] ?? defaultStrategy(s) };
  return playOn(createMatch(scenario, seed, seats), playingSeats(scenario), decide);
}
