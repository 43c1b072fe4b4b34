// A scenario as a player's browser may hold it: everything but the seats' confidential briefings
// and objectives. A seat receives its own (the room's `briefing` message); the facilitator's token,
// or the end of the match, opens every seat's.
import type { PlayingSeat, Scenario } from '../scenario/schema.js';

type SeatDef = NonNullable<Scenario['seats'][PlayingSeat]>;

/** What only a seat (and the facilitator) reads: its briefing and its objectives. */
export type SeatSecrets = Pick<SeatDef, 'briefing' | 'objectives'>;

/** A seat as anyone sees it: its name, and its secrets once they were given to this client. */
export type PublicSeat = Pick<SeatDef, 'name'> & Partial<SeatSecrets>;

/** `GET /api/scenarios/:id` without the facilitator token: the scenario with each seat's name only. */
export type PublicScenario = Omit<Scenario, 'seats'> & { seats: Partial<Record<PlayingSeat, PublicSeat>> };

/** The room's `briefing` message: the secrets of the seats this client may read. */
export type SeatBriefs = Partial<Record<PlayingSeat, SeatSecrets>>;

const SEATS: readonly PlayingSeat[] = ['armenia', 'azerbaijan', 'russia', 'eu'];

/** The scenario without any seat's briefing or objectives. */
export function publicScenario(s: Scenario): PublicScenario {
  const seats: PublicScenario['seats'] = {};
  for (const seat of SEATS) {
    const def = s.seats[seat];
    if (def) seats[seat] = { name: def.name };
  }
  return { ...s, seats };
}

/** The secrets `seat` may read: its own; every seat's when `open` (the facilitator, or after the end). */
export function seatBriefs(s: Scenario, seat: string, open: boolean): SeatBriefs {
  const out: SeatBriefs = {};
  for (const p of SEATS) {
    const def = s.seats[p];
    if (def && (open || p === seat)) out[p] = { briefing: def.briefing, objectives: def.objectives };
  }
  return out;
}

/** A public scenario with the secrets a client was given put back in their seats. */
export function withBriefs(s: PublicScenario, briefs: SeatBriefs): PublicScenario {
  const seats: PublicScenario['seats'] = { ...s.seats };
  for (const p of SEATS) {
    const secret = briefs[p];
    const seat = seats[p];
    if (secret && seat) seats[p] = { ...seat, ...secret };
  }
  return { ...s, seats };
}

/**
 * A public scenario where shared code takes a whole one: the rules engine (a client's previews of
 * odds and durability) and the event texts (shared/i18n) read no seat's briefing or objectives;
 * only the scores do (shared/engine/score.ts), which a client never runs.
 */
export const asScenario = (s: PublicScenario): Scenario => s as Scenario;
