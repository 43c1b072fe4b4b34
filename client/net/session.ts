// What survives a reload, a second tab and a browser restart. The seat this tab plays is kept per
// tab (sessionStorage), so a reload takes it back at once; every seat this browser held is kept in
// localStorage too, so the home page can offer to resume it in another tab or after a restart.
import type { Seat } from '../../shared/engine/types.js';
import type { SeatKeys } from '../../shared/protocol/index.js';

export interface SavedSession {
  matchId: string;
  roomId: string;
  code: string;
  seat: Seat;
  name: string;
  /** The seat's key this client joined with (from the join link, or its creator's keys). */
  key?: string;
  reconnectionToken?: string;
  lobbyPassed?: boolean;
  briefingRead?: boolean;
  /** When it was last saved (ms). */
  at?: number;
}

const KEY = 'parity.session';
const MATCHES = 'parity.matches';
const TOKENS = 'parity.tokens';
const SEAT_KEYS = 'parity.seatKeys';
const MEMBER = 'parity.member';
/** Seats remembered for "resume your match", newest first. */
const REMEMBERED = 8;

const safe = <T>(f: () => T, fallback: T): T => {
  try {
    return f();
  } catch {
    return fallback;
  }
};
const readJson = <T>(storage: Storage, key: string, fallback: T): T => safe(() => (JSON.parse(storage.getItem(key) ?? 'null') as T | null) ?? fallback, fallback);
const writeJson = (storage: Storage, key: string, value: unknown) => safe(() => storage.setItem(key, JSON.stringify(value)), undefined);

/** The seat this tab plays. */
export const savedSession = (): SavedSession | null => safe(() => readJson<SavedSession | null>(sessionStorage, KEY, null), null);

/** Keep this tab's seat (and remember it for this browser); null forgets this tab's only. */
export function saveSession(s: SavedSession | null): void {
  if (!s) return void safe(() => sessionStorage.removeItem(KEY), undefined);
  const stamped = { ...s, at: Date.now() };
  safe(() => writeJson(sessionStorage, KEY, stamped), undefined);
  safe(() => writeJson(localStorage, MATCHES, [stamped, ...rememberedSeats().filter((x) => x.matchId !== s.matchId)].slice(0, REMEMBERED)), undefined);
}

export function patchSession(p: Partial<SavedSession>): void {
  const s = savedSession();
  if (s) saveSession({ ...s, ...p });
}

/** The seats this browser held, newest first (one per match). */
export const rememberedSeats = (): SavedSession[] => safe(() => readJson<SavedSession[]>(localStorage, MATCHES, []).filter((x) => x && typeof x.matchId === 'string'), []);

/** Forget a match: left for good, removed by the facilitator, ended or gone. */
export function forgetMatch(matchId: string): void {
  safe(() => writeJson(localStorage, MATCHES, rememberedSeats().filter((x) => x.matchId !== matchId)), undefined);
}

/**
 * This browser's id in the matches it joins: the same person joining a seat again (another tab, a
 * restarted browser) replaces their older connection instead of counting twice.
 */
export function memberId(): string {
  const known = safe(() => localStorage.getItem(MEMBER), null);
  if (known && /^[A-Za-z0-9_-]{8,64}$/.test(known)) return known;
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  const id = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  safe(() => localStorage.setItem(MEMBER, id), undefined);
  return id;
}

/** Facilitator tokens by match, kept on this device (they are shown once). */
export const facilitatorToken = (matchId: string): string | null => safe(() => readJson<Record<string, string>>(localStorage, TOKENS, {})[matchId] ?? null, null);
export function keepFacilitatorToken(matchId: string, token: string): void {
  writeJson(localStorage, TOKENS, { ...readJson<Record<string, string>>(localStorage, TOKENS, {}), [matchId]: token });
}

/** The seats' keys of a match this device created (shown once by the server). */
export const seatKeysOf = (matchId: string): SeatKeys => safe(() => readJson<Record<string, SeatKeys>>(localStorage, SEAT_KEYS, {})[matchId] ?? {}, {});
export function keepSeatKeys(matchId: string, keys: SeatKeys): void {
  writeJson(localStorage, SEAT_KEYS, { ...readJson<Record<string, SeatKeys>>(localStorage, SEAT_KEYS, {}), [matchId]: keys });
}
