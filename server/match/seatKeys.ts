// Seat keys: a playing seat is entered with its own key (docs/protocol.md §2). A key is made from
// the match's facilitator token (an HMAC of the match, the seat and the key's version), so the
// token shows it again and the store keeps only its hash, as it keeps the token's. Renewing a key
// moves the seat to the next version: the old key stops working.
import { createHmac } from 'node:crypto';
import { SEAT_KEY_ALPHABET, SEAT_KEY_LENGTH, type SeatKeys } from '../../shared/protocol/index.js';
import type { PlayingSeat } from '../../shared/scenario/schema.js';
import { hashToken, tokenMatches } from '../store/ids.js';
import type { SeatKeyHashes } from '../store/matchStore.js';

const BASE = BigInt(SEAT_KEY_ALPHABET.length);

/** The key of `seat` at `version`: 20 letters of the join code's alphabet, about 99 bits. */
export function seatKey(token: string, matchId: string, seat: PlayingSeat, version: number): string {
  const mac = createHmac('sha256', token).update(`parity seat key\u0000${matchId}\u0000${seat}\u0000${version}`).digest('hex');
  // 256 bits read as one number and written in base 31: the first 20 digits are all but uniform.
  let n = BigInt(`0x${mac}`);
  let key = '';
  for (let i = 0; i < SEAT_KEY_LENGTH; i++) {
    key += SEAT_KEY_ALPHABET[Number(n % BASE)];
    n /= BASE;
  }
  return key;
}

/** First keys for a new match's seats: the keys (shown once) and what the store keeps. */
export function firstSeatKeys(token: string, matchId: string, seats: readonly PlayingSeat[]): { keys: SeatKeys; hashes: SeatKeyHashes } {
  const keys: SeatKeys = {};
  const hashes: SeatKeyHashes = {};
  for (const seat of seats) {
    const key = seatKey(token, matchId, seat, 1);
    keys[seat] = key;
    hashes[seat] = { v: 1, hash: hashToken(key) };
  }
  return { keys, hashes };
}

/** The current keys, for the holder of the facilitator token (checked by the caller). */
export function currentSeatKeys(token: string, matchId: string, hashes: SeatKeyHashes): SeatKeys {
  const keys: SeatKeys = {};
  for (const [seat, h] of Object.entries(hashes) as [PlayingSeat, { v: number; hash: string }][]) keys[seat] = seatKey(token, matchId, seat, h.v);
  return keys;
}

/** A seat's next key, and what the store keeps of it. */
export function renewedSeatKey(token: string, matchId: string, seat: PlayingSeat, hashes: SeatKeyHashes): { key: string; stored: { v: number; hash: string } } {
  const v = (Object.hasOwn(hashes, seat) ? hashes[seat]!.v : 0) + 1;
  const key = seatKey(token, matchId, seat, v);
  return { key, stored: { v, hash: hashToken(key) } };
}

/** Whether `key` is the seat's key (compared in constant time, as the facilitator token). */
export const seatKeyMatches = (key: string | undefined, hashes: SeatKeyHashes, seat: PlayingSeat): boolean =>
  !!key && Object.hasOwn(hashes, seat) && tokenMatches(key, hashes[seat]!.hash);
