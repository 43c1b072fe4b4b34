// What survives a reload: per tab (sessionStorage), so each tab can be a different player.
import type { Seat } from '../../shared/engine/types.js';

export interface SavedSession {
  matchId: string;
  roomId: string;
  code: string;
  seat: Seat;
  name: string;
  reconnectionToken?: string;
  lobbyPassed?: boolean;
  briefingRead?: boolean;
}

const KEY = 'parity.session';
const TOKENS = 'parity.tokens';

const safe = <T>(f: () => T, fallback: T): T => {
  try {
    return f();
  } catch {
    return fallback;
  }
};

export const savedSession = (): SavedSession | null => safe(() => JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as SavedSession | null, null);
export const saveSession = (s: SavedSession | null) =>
  safe(() => (s ? sessionStorage.setItem(KEY, JSON.stringify(s)) : sessionStorage.removeItem(KEY)), undefined);
export function patchSession(p: Partial<SavedSession>): void {
  const s = savedSession();
  if (s) saveSession({ ...s, ...p });
}

/** Facilitator tokens by match, kept on this device (they are shown once). */
export const facilitatorToken = (matchId: string): string | null => safe(() => (JSON.parse(localStorage.getItem(TOKENS) ?? '{}') as Record<string, string>)[matchId] ?? null, null);
export function keepFacilitatorToken(matchId: string, token: string): void {
  safe(() => {
    const all = JSON.parse(localStorage.getItem(TOKENS) ?? '{}') as Record<string, string>;
    all[matchId] = token;
    localStorage.setItem(TOKENS, JSON.stringify(all));
  }, undefined);
}
