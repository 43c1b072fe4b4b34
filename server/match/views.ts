// Private views on the wire: a client gets its seat's whole view once (join, return, `sync`), then
// only what changed — the fields whose value may have changed and the events that are new to it.
import { canSee, isOpenTo, VIEW_FIELDS, VIEW_READS, viewFields, viewFor, type Match, type MatchEvent, type Seat, type SeatView } from '../../shared/engine/index.js';
import type { SeatConfig } from '../../shared/engine/index.js';
import type { ViewUpdate } from '../../shared/protocol/index.js';
import type { PlayingSeat } from '../../shared/scenario/schema.js';

export type ViewMessage = { type: 'view'; payload: SeatView } | { type: 'viewUpdate'; payload: ViewUpdate };

// A view field is sent when one of the match fields it reads (VIEW_READS, next to its builder in
// shared/engine/view.ts) is another object; `events` travel on their own. test/server/views.test.ts
// replays bot games and checks that the updates rebuild viewFor exactly.
const WATCHED = [...new Set(Object.values(VIEW_READS).flat())];
if (WATCHED.length > 30) throw new Error('views.ts: the changed match fields no longer fit in the bits of a number');

/** The view fields (besides `events`) that read one of the `changed` match fields. */
const fieldsReading = (changed: ReadonlySet<keyof Match>) => VIEW_FIELDS.filter((k) => k !== 'events' && VIEW_READS[k].some((f) => changed.has(f)));

/**
 * `fieldsReading` for the changed fields given as bits of WATCHED, worked out once per set: every
 * room shares the same few lists, so an update leaves no new one behind in the room (a room's
 * update lives until its next, long enough to be copied by a scavenge).
 */
const byChange = new Map<number, (typeof VIEW_FIELDS)[number][]>();
function fieldsReadingBits(bits: number): (typeof VIEW_FIELDS)[number][] {
  let keys = byChange.get(bits);
  if (!keys) byChange.set(bits, (keys = fieldsReading(new Set(WATCHED.filter((_, i) => bits & (1 << i))))));
  return keys;
}

/** What a seat's clients hold besides the fields: how many events (of how many in the match), and whether the view was open. */
interface Held {
  events: number;
  matchEvents: number;
  open: boolean;
}

/**
 * Works out each seat's next view message. It keeps, per room, the match as of the last update
 * (its unchanged fields are the previous match's own objects, shared/engine/draft.ts, so this costs little) and,
 * per seat, how many events its clients hold.
 */
export class SeatViews {
  private held = new Map<Seat, Held>();
  private last: Match | null = null;
  /** The view fields that may have changed since the last update (all of them before the first). */
  private keys = fieldsReading(new Set(WATCHED));

  /** Call once per change, before `next` for each seat. */
  startUpdate(m: Match): void {
    const last = this.last;
    this.last = m;
    if (!last) return;
    // A field that holds other data is another object (the engine keeps the previous match's
    // object where the data did not change); the same data in another object is merely sent again.
    let bits = 0;
    for (let i = 0; i < WATCHED.length; i++) if (m[WATCHED[i]] !== last[WATCHED[i]]) bits |= 1 << i;
    this.keys = fieldsReadingBits(bits);
  }

  /** The whole view, for a client that has none (it also becomes what the seat holds). */
  full(m: Match, seat: Seat): SeatView {
    const view = viewFor(m, seat);
    this.held.set(seat, { events: view.events.length, matchEvents: m.events.length, open: view.open });
    return view.open ? view : { ...view, seats: controllersOf(view.seats) };
  }

  /**
   * The message that brings the seat's clients up to date, or null when their view did not change.
   * Only the fields that may have changed are made (viewFields), and only the match's new events
   * are looked at: the match's events only grow, and which a seat sees changes only with `open`.
   */
  next(m: Match, seat: Seat): ViewMessage | null {
    const held = this.held.get(seat);
    if (!held) return { type: 'view', payload: this.full(m, seat) };
    const open = isOpenTo(m, seat);
    // The view opens up when the match ends: earlier private events become visible, so start afresh.
    if (open !== held.open || m.events.length < held.matchEvents) return { type: 'view', payload: this.full(m, seat) };
    const events: MatchEvent[] = [];
    for (let i = held.matchEvents; i < m.events.length; i++) if (canSee(m.events[i], seat, open)) events.push(m.events[i]);
    held.matchEvents = m.events.length;
    if (!this.keys.length && !events.length) return null;
    const eventsFrom = held.events;
    held.events += events.length;
    const changed = viewFields(m, seat, this.keys);
    if (changed.seats && !open) changed.seats = controllersOf(changed.seats);
    return { type: 'viewUpdate', payload: { changed, events, eventsFrom } };
  }

  /** Nobody in this seat any more. */
  forget(seat: Seat): void {
    this.held.delete(seat);
  }

  seats(): Iterable<Seat> {
    return this.held.keys();
  }
}

/**
 * Who plays each seat, without the bots' strategies: those are the facilitator's (and everyone's
 * after the end). The engine's view keeps them, for the bots that read it in this process.
 */
function controllersOf(seats: SeatConfig): SeatConfig {
  const out: SeatConfig = {};
  for (const [s, c] of Object.entries(seats) as [PlayingSeat, { controller: 'human' | 'bot' }][]) out[s] = { controller: c.controller };
  return out;
}
