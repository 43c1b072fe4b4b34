// A scenario as a player's browser may hold it: everything but the seats' confidential briefings
// and objectives, and the texts of the event cards only some seats learn of. A seat receives its
// own (the room's `briefing` message); the facilitator's token, or the end of the match, opens
// every seat's.
import type { PlayingSeat, Scenario } from '../scenario/schema.js';

type SeatDef = NonNullable<Scenario['seats'][PlayingSeat]>;

type EventCard = Scenario['events'][number];

/** A private event card's words: only the seats it is addressed to read them. */
export type PrivateCard = Pick<EventCard, 'id' | 'headline' | 'text'>;

/** What only a seat (and the facilitator) reads: its briefing, its objectives, the private cards addressed to it. */
export type SeatSecrets = Pick<SeatDef, 'briefing' | 'objectives'> & { cards: PrivateCard[] };

/** A seat as anyone sees it: its name, and its secrets once they were given to this client. */
export type PublicSeat = Pick<SeatDef, 'name'> & Partial<SeatSecrets>;

/** `GET /api/scenarios/:id` without the facilitator token: the scenario with each seat's name only. */
export type PublicScenario = Omit<Scenario, 'seats'> & { seats: Partial<Record<PlayingSeat, PublicSeat>> };

/** The room's `briefing` message: the secrets of the seats this client may read. */
export type SeatBriefs = Partial<Record<PlayingSeat, SeatSecrets>>;

const SEATS: readonly PlayingSeat[] = ['armenia', 'azerbaijan', 'russia', 'eu'];

/** A private card as the public scenario holds it: its rules, no words. */
const HIDDEN = { en: '' };

/** The scenario without any seat's briefing or objectives, and without the words of private cards. */
export function publicScenario(s: Scenario): PublicScenario {
  const seats: PublicScenario['seats'] = {};
  for (const seat of SEATS) {
    const def = s.seats[seat];
    if (def) seats[seat] = { name: def.name };
  }
  const events = s.events.map((e) => (e.private.length ? { ...e, headline: HIDDEN, text: HIDDEN } : e));
  return { ...s, seats, events };
}

/** The secrets `seat` may read: its own; every seat's when `open` (the facilitator, or after the end). */
export function seatBriefs(s: Scenario, seat: string, open: boolean): SeatBriefs {
  const out: SeatBriefs = {};
  for (const p of SEATS) {
    const def = s.seats[p];
    if (!def || !(open || p === seat)) continue;
    const cards = s.events.filter((e) => e.private.includes(p)).map(({ id, headline, text }) => ({ id, headline, text }));
    out[p] = { briefing: def.briefing, objectives: def.objectives, cards };
  }
  return out;
}

/** A public scenario with the secrets a client was given put back: in their seats, and the private cards' words. */
export function withBriefs(s: PublicScenario, briefs: SeatBriefs): PublicScenario {
  const seats: PublicScenario['seats'] = { ...s.seats };
  const cards = new Map<string, PrivateCard>();
  for (const p of SEATS) {
    const secret = briefs[p];
    const seat = seats[p];
    if (secret && seat) seats[p] = { ...seat, ...secret };
    for (const c of secret?.cards ?? []) cards.set(c.id, c);
  }
  const events = s.events.map((e) => {
    const c = cards.get(e.id);
    return c ? { ...e, headline: c.headline, text: c.text } : e;
  });
  return { ...s, seats, events };
}

/**
 * A public scenario where shared code takes a whole one: the rules engine (a client's previews of
 * odds and durability) and the event texts (shared/i18n) read no seat's briefing or objectives;
 * only the scores do (shared/engine/score.ts), which a client never runs.
 */
export const asScenario = (s: PublicScenario): Scenario => s as Scenario;
