// Plain values and formats both sides use — seat keys, close codes, room names, the rooms limit —
// with no schemas, so that the home page and the lobby load them without zod and the engine.
/** A seat key's letters: the join code's alphabet (no I, L, O, 0, 1), 20 of them (99 bits). */
export const SEAT_KEY_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const SEAT_KEY_LENGTH = 20;
/** A key as typed or scanned: upper case, without spaces or dashes. */
export const normaliseSeatKey = (key: string): string => key.toUpperCase().replace(/[^A-Z0-9]/g, '');
/** A key in groups of five, to read out or type. */
export const formatSeatKey = (key: string): string => normaliseSeatKey(key).replace(/(.{5})(?=.)/g, '$1-');

/** Close codes of a connection the room ends (the client should not join again by itself). */
export const LEAVE_CODES = {
  /** The facilitator removed this participant from the seat. */
  removed: 4403,
  /** The same person (same `member`) joined the seat again, from another tab or device. */
  elsewhere: 4409,
} as const;

/** How many rooms one class session may have: the console's field and the server's check. */
export const MAX_ROOMS = 12;

/** A session's n-th room as the server names it (in English: exports and logs keep it; the console shows it in the reader's language). */
export const defaultRoomLabel = (n: number): string => `Room ${n}`;
/** A fork's name when the facilitator gives none. */
export const defaultForkLabel = (origin: string, round: number): string => `${origin} · fork @${round}`;
/** What a default name says: the n-th room, or a fork of a room after a round; null for a name someone chose. */
export function parseRoomLabel(label: string): { room: number } | { of: string; round: number } | null {
  const room = /^Room (\d+)$/.exec(label);
  if (room) return { room: Number(room[1]) };
  const fork = /^(.+) · fork @(\d+)$/.exec(label);
  return fork ? { of: fork[1], round: Number(fork[2]) } : null;
}
