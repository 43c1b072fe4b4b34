// A room's phase clock between two polls of the overview.
import type { RoomLive } from '../net/facilitator.js';

// The overview's `at` is the server's clock; count from when this browser received it instead.
const received = new Map<number, number>();
export function overviewReceived(at: number): number {
  let r = received.get(at);
  if (!r) {
    if (received.size > 20) received.clear();
    received.set(at, (r = Date.now()));
  }
  return r;
}

/** What is left of the room's phase, `since` milliseconds after the overview arrived. */
export function timeLeft(room: RoomLive, since: number): number {
  return room.paused || room.ended ? room.remaining : Math.max(0, room.remaining - since);
}
