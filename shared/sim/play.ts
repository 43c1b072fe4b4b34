// Play a whole match with bots in every seat: the simulator and the fidelity tests use this.
import type { PlayingSeat, Scenario } from '../scenario/schema.js';
import { botActions, defaultStrategy } from '../bots/index.js';
import type { Action } from '../engine/actions.js';
import { applyAction } from '../engine/apply.js';
import { createMatch } from '../engine/create.js';
import { playingSeats } from '../engine/match.js';
import { advancePhase } from '../engine/phases.js';
import type { Match, SeatConfig } from '../engine/types.js';

export type Strategies = Partial<Record<PlayingSeat, string>>;

/** How a seat's bot decides: `botActions`, unless a caller wraps it (the benchmark and tests time it). */
export type Decide = (m: Match, seat: PlayingSeat, pass: number) => Action[];
const byBots: Decide = (m, seat) => botActions(m, seat);

/** Bots act in seat order, twice per phase, so an answer can follow a demand made in the same phase. */
export function stepBots(m: Match, seats: readonly PlayingSeat[], decide: Decide = byBots): Match {
  for (let pass = 0; pass < 2; pass++) {
    for (const seat of seats) {
      if (m.seats[seat]?.controller !== 'bot') continue;
      for (const action of decide(m, seat, pass)) {
        const r = applyAction(m, seat, action);
        if (r.ok) m = r.match;
        if (m.ended) return m;
      }
    }
  }
  return m;
}

export function playMatch(scenario: Scenario, seed: number, strategies: Strategies = {}, decide: Decide = byBots): Match {
  const seats: SeatConfig = {};
  for (const s of playingSeats(scenario)) seats[s] = { controller: 'bot', strategy: strategies[s] ?? defaultStrategy(s) };
  let m = createMatch(scenario, seed, seats);
  const order = playingSeats(scenario);
  while (!m.ended) {
    m = stepBots(m, order, decide);
    if (!m.ended) m = advancePhase(m).match;
  }
  return m;
}
