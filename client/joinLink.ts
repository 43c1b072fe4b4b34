// The join link a facilitator's sheet prints, `/?code=ABCDEF&seat=armenia&key=…` (the seat's key,
// docs/protocol.md §2), and how the home screen reads it back to pre-fill the join form.
import { normaliseSeatKey } from '../shared/protocol/index.js';
import type { PlayingSeat } from '../shared/scenario/schema.js';
import { PLAYING_SEATS } from './seats.js';

export const joinLink = (origin: string, code: string, seat: string, key?: string) =>
  `${origin}/?code=${encodeURIComponent(code)}&seat=${encodeURIComponent(seat)}${key ? `&key=${encodeURIComponent(key)}` : ''}`;

/** The link's code, seat and key; `key` is left out when the link has none. */
export function joinLinkParams(search: string): { code: string; seat: PlayingSeat | null; key?: string } {
  const q = new URLSearchParams(search);
  const code = (q.get('code') ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 8);
  const seat = q.get('seat');
  const key = normaliseSeatKey(q.get('key') ?? '').slice(0, 64);
  const linkSeat = code && (PLAYING_SEATS as readonly string[]).includes(seat ?? '') ? (seat as PlayingSeat) : null;
  return { code, seat: linkSeat, ...(linkSeat && key ? { key } : {}) };
}
