// The seat's private view arrives whole (`view`) after a join, a return or a `sync`, and then as
// `viewUpdate`s: the fields that changed and the new events (docs/protocol.md §5). The server
// makes them (server/match/views.ts); the client applies them.
import type { MatchEvent } from '../engine/types.js';
import type { SeatView } from '../engine/view.js';

/** `viewUpdate`: apply to the last view to get the seat's current view. */
export interface ViewUpdate {
  /** Fields of the SeatView whose value changed, with their new value (never `events`). */
  changed: Partial<Omit<SeatView, 'events'>>;
  /** Events new to this seat: they replace the view's events from index `eventsFrom` on. */
  events: MatchEvent[];
  eventsFrom: number;
}

/** The view after `u`, or null when `u` does not follow from `view` (then ask for a `sync`). */
export function applyViewUpdate(view: SeatView, u: ViewUpdate): SeatView | null {
  if (!u || typeof u !== 'object' || !Array.isArray(u.events) || typeof u.eventsFrom !== 'number' || view.events.length < u.eventsFrom) return null;
  return { ...view, ...u.changed, events: view.events.slice(0, u.eventsFrom).concat(u.events) };
}
