// Play a whole match with bots in every seat: the simulator and the fidelity tests use this.
import type { PlayingSeat, Scenario } from '../scenario/schema.js';
import { botActions, defaultStrategy } from '../bots/index.js';
import { applyAction } from '../engine/apply.js';
import { createMatch } from '../engine/create.js';
import { playingSeats } from '../engine/match.js';
import { advancePhase } from '../engine/phases.js';
import type { Match, SeatConfig } from '../engine/types.js';

export type Strategies = Partial<Record<PlayingSeat, string>>;

/** Bots act in seat order, twice per phase, so an answer can follow a demand made in the same phase. */
export function stepBots(m: Match, seats: readonly PlayingSeat[]): Match {
  for (let pass = 0; pass < 2; pass++) {
    for (const seat of seats) {
      if (m.seats[seat]?.controller !== 'bot') continue;
      for (const action of botActions(m, seat)) {
        const r = applyAction(m, seat, action);
        if (r.ok) m = r.match;
        if (m.ended) return m;
      }
    }
  }
  return m;
}

export function playMatch(scenario: Scenario, seed: number, strategies: Strategies = {}): Match {
  const seats: SeatConfig = {};
  for (const s of playingSeats(scenario)) seats[s] = { controller: 'bot', strategy: strategies[s] ?? defaultStrategy(s) };
  let m = createMatch(scenario, seed, seats);
  const order = playingSeats(scenario);
  while (!m.ended) {
    m = stepBots(m, order);
    if (!m.ended) m = advancePhase(m).match;
  }
  return m;
}
