// The join link a facilitator's sheet prints, `/?code=ABCDEF&seat=armenia`, and how the home screen
// reads it back to pre-fill the join form.
import type { PlayingSeat } from '../shared/scenario/schema.js';
import { PLAYING_SEATS } from './seats.js';

export const joinLink = (origin: string, code: string, seat: string) => `${origin}/?code=${encodeURIComponent(code)}&seat=${encodeURIComponent(seat)}`;

export function joinLinkParams(search: string): { code: string; seat: PlayingSeat | null } {
  const q = new URLSearchParams(search);
  const code = (q.get('code') ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 8);
  const seat = q.get('seat');
  return { code, seat: code && (PLAYING_SEATS as readonly string[]).includes(seat ?? '') ? (seat as PlayingSeat) : null };
}
