// Class sessions: one scenario in K rooms, run by one facilitator holding the session's token.
// The token (or the passphrase that unseals it) is also each room's facilitator token.
import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { promisify } from 'node:util';
import { createSessionBody, defaultRoomLabel, MAX_PHASE_SECONDS, type CreatedSession, type JoinAddress, type Limits, type RoomRef, type SessionInfo, type Timers } from '../../shared/protocol/index.js';
import { PHASES, type Phase } from '../../shared/scenario/schema.js';
import { checkSeats, storeNewMatch } from '../match/newMatch.js';
import { currentSeatKeys } from '../match/seatKeys.js';
import { accept, badRequest, issuesOf, refuse, type Result } from '../refusal.js';
import { hashToken, newToken } from '../store/ids.js';
import type { MatchStore } from '../store/matchStore.js';
import type { ScenarioLibrary } from '../store/scenarioLibrary.js';
import type { SessionRoom, SessionRow, SessionStore } from '../store/sessionStore.js';

export interface SessionDeps {
  store: MatchStore;
  sessions: SessionStore;
  library: ScenarioLibrary;
  /** Start (or restore) a match's room. */
  ensureRoom(matchId: string): Promise<void>;
}

const newSessionId = () => `s${randomBytes(9).toString('base64url').replace(/[-_]/g, 'x')}`;

/** POST /api/sessions: the session and its rooms, with the facilitator token and the seats' keys (shown once). */
export async function createSession(deps: SessionDeps, body: unknown): Promise<Result<CreatedSession, 'bad_request' | 'no_free_code'>> {
  const parsed = createSessionBody.safeParse(body);
  if (!parsed.success) return badRequest(issuesOf(parsed.error.issues));
  const b = parsed.data;
  const scenario = /^[a-z0-9][a-z0-9-]{0,80}$/.test(b.scenario) ? await deps.library.load(b.scenario) : null;
  if (!scenario) return badRequest([`scenario: no scenario "${b.scenario}" (a shipped id from GET /api/scenarios, or an id from POST /api/scenarios)`]);
  const chosen = b.seats;
  const perRoom = Array.isArray(chosen) ? chosen : Array.from({ length: b.rooms }, () => chosen ?? {});
  if (perRoom.length !== b.rooms) return badRequest([`seats: ${perRoom.length} seat lists for ${b.rooms} rooms; give one list per room, or one object for every room`]);
  const issues: string[] = [];
  const seats = perRoom.map((c, i) => {
    const r = checkSeats(scenario, c, Array.isArray(b.seats) ? `seats.${i}` : 'seats');
    if (!r.ok) issues.push(...(r.issues ?? []));
    return r.ok ? r.value : {};
  });
  if (issues.length) return badRequest([...new Set(issues)]);

  const timers = { ...scenario.timers, ...b.timers } as Timers;
  const roundSeconds = PHASES.reduce((s, p: Phase) => s + timers[p], 0);
  const limits: Limits = { maxPauses: b.limits.maxPauses ?? 10, maxExtensionSeconds: b.limits.maxExtensionSeconds ?? Math.min(MAX_PHASE_SECONDS, roundSeconds) };
  const token = newToken();
  const tokenHash = hashToken(token);
  const seed = b.seed ?? Math.floor(Math.random() * 2 ** 32);
  const session: SessionRow = {
    id: newSessionId(),
    name: b.name,
    scenario: scenario.id,
    seed,
    timers,
    limits,
    tokenHash,
    passphrase: b.passphrase ? await seal(token, b.passphrase) : null,
    createdAt: Date.now(),
  };
  deps.sessions.createSession(session);
  // An uploaded scenario now belongs to this session (it is no longer dropped after an hour).
  deps.library.claim(scenario.id, session.id);
  const rooms: CreatedSession['rooms'] = [];
  for (const [i, roomSeats] of seats.entries()) {
    const label = defaultRoomLabel(i + 1);
    // A class's rooms are never open: each seat is entered with its key (the join sheet's QR codes).
    const made = storeNewMatch(deps.store, token, { scenario: scenario.id, name: `${b.name} · ${label}`.slice(0, 120), seed, seats: roomSeats, timers, open: false });
    if (!made.ok) return made;
    const { matchId, code, seatKeys } = made.value;
    deps.sessions.addRoom({ sessionId: session.id, matchId, code, position: i, label, forkOf: null, createdAt: Date.now() });
    rooms.push({ matchId, code, label, forkOf: null, keys: seatKeys });
  }
  deps.sessions.log({ sessionId: session.id, matchId: null, at: Date.now(), op: 'create', detail: { name: b.name, scenario: scenario.id, rooms: b.rooms, limits }, ok: true });
  return accept({ sessionId: session.id, facilitatorToken: token, rooms });
}

/** One of the session's rooms, by match id. */
export function roomOfSession(deps: SessionDeps, session: SessionRow, matchId: string): Result<SessionRoom, 'no_room'> {
  const room = deps.sessions.roomOf(matchId);
  if (!room || room.sessionId !== session.id) return refuse('no_room', `no room "${matchId.slice(0, 64)}" in this session`);
  return accept(room);
}

/**
 * GET /api/sessions/:id. The seats' keys are made from the `token` presented (checked by the
 * caller); without one (the class export) they are left out. `joinAddress`: where the join sheet points.
 */
export function sessionInfo(deps: SessionDeps, session: SessionRow, token: string | null, joinAddress: JoinAddress): SessionInfo {
  return {
    sessionId: session.id,
    name: session.name,
    scenario: session.scenario,
    createdAt: session.createdAt,
    seed: session.seed,
    timers: session.timers,
    limits: session.limits,
    passphrase: session.passphrase !== null,
    rooms: deps.sessions.rooms(session.id).map((r) => {
      const row = deps.store.findByCode(r.code);
      const keys = token && row ? currentSeatKeys(token, r.matchId, row.seatKeys) : {};
      return { ...roomRef(r), seats: row?.seats ?? {}, keys, createdAt: r.createdAt, ended: row?.ended ?? null };
    }),
    joinAddress,
  };
}

export const roomRef = (r: SessionRoom): RoomRef => ({
  matchId: r.matchId,
  code: r.code,
  label: r.label,
  forkOf: r.forkOf ? { matchId: r.forkOf.matchId, round: r.forkOf.round } : null,
});

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, length: number) => Promise<Buffer>;

// The token sealed with a key derived from the passphrase: only the passphrase opens it, and the
// database never holds the token itself.
async function seal(token: string, passphrase: string): Promise<string> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = await scryptAsync(passphrase, salt, 32);
  const c = createCipheriv('aes-256-gcm', key, iv);
  const box = Buffer.concat([c.update(token, 'utf8'), c.final()]);
  return JSON.stringify({ v: 1, salt: salt.toString('base64'), iv: iv.toString('base64'), tag: c.getAuthTag().toString('base64'), box: box.toString('base64') });
}

/** The sealed token, or null when the passphrase is wrong. The key is derived on libuv's thread pool, off the event loop. */
export async function unseal(sealed: string, passphrase: string): Promise<string | null> {
  try {
    const s = JSON.parse(sealed) as { salt: string; iv: string; tag: string; box: string };
    const key = await scryptAsync(passphrase, Buffer.from(s.salt, 'base64'), 32);
    const d = createDecipheriv('aes-256-gcm', key, Buffer.from(s.iv, 'base64'));
    d.setAuthTag(Buffer.from(s.tag, 'base64'));
    return Buffer.concat([d.update(Buffer.from(s.box, 'base64')), d.final()]).toString('utf8');
  } catch {
    return null;
  }
}
