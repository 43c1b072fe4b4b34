// Class sessions: one scenario in K rooms, run by one facilitator holding the session's token.
// The token (or the passphrase that unseals it) is also each room's facilitator token.
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { z } from 'zod';
import { strategiesFor } from '../../shared/bots/index.js';
import { playingSeats, type SeatConfig } from '../../shared/engine/index.js';
import { PHASES, PLAYING_SEATS, type Phase, type PlayingSeat, type Scenario } from '../../shared/scenario/schema.js';
import { HttpError, bearer, issuesOf, type Req } from '../http/request.js';
import { hashToken, newCode, newMatchId, newToken, tokenMatches } from '../store/ids.js';
import type { ScenarioLibrary } from '../store/scenarioLibrary.js';
import type { Limits, SessionRoom, SessionRow, SessionStore } from '../store/sessionStore.js';
import type { MatchStore, Timers } from '../store/matchStore.js';

export interface SessionDeps {
  store: MatchStore;
  sessions: SessionStore;
  library: ScenarioLibrary;
  /** Start (or restore) a match's room. */
  ensureRoom(matchId: string): Promise<void>;
}

const MAX_TIMER = 30 * 86_400;
const strategy = z.string().min(1).max(64).regex(/^[a-z0-9][a-z0-9-]*$/, 'a strategy id: lower-case letters, digits and dashes');
const seatChoice = z.union([
  z.enum(['human', 'bot']).transform((controller) => ({ controller })),
  z.object({ controller: z.enum(['human', 'bot']), strategy: strategy.optional() }).strict(),
]);
export const seatsSchema = z.partialRecord(z.enum(PLAYING_SEATS), seatChoice);
type SeatsChoice = z.infer<typeof seatsSchema>;

export const createSessionSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    scenario: z.string().min(1).max(80),
    rooms: z.number().int().min(1).max(12),
    seats: z.union([seatsSchema, z.array(seatsSchema).min(1).max(12)]).optional(),
    timers: z.partialRecord(z.enum(PHASES), z.number().int().min(5).max(MAX_TIMER)).default({}),
    seed: z.number().int().min(0).max(2 ** 32 - 1).optional(),
    passphrase: z.string().min(8).max(200).optional(),
    limits: z
      .object({ maxPauses: z.number().int().min(0).max(1000).optional(), maxExtensionSeconds: z.number().int().min(0).max(MAX_TIMER).optional() })
      .strict()
      .default({}),
  })
  .strict();

export const newSessionId = () => `s${randomBytes(9).toString('base64url').replace(/[-_]/g, 'x')}`;

/** Seat choices checked against the scenario: its seats only, known bot strategies. */
export function checkSeats(scenario: Scenario, choice: SeatsChoice, path: string): { seats: SeatConfig } | { issues: string[] } {
  const issues: string[] = [];
  const seats: SeatConfig = {};
  const inScenario = playingSeats(scenario);
  for (const [s, c] of Object.entries(choice) as [PlayingSeat, { controller: 'human' | 'bot'; strategy?: string }][]) {
    if (!inScenario.includes(s)) issues.push(`${path}.${s}: not a seat in scenario "${scenario.id}" (its seats: ${inScenario.join(', ')})`);
    else if (c.strategy && !strategiesFor(s).includes(c.strategy)) issues.push(`${path}.${s}.strategy: unknown strategy "${c.strategy}"; choose from ${strategiesFor(s).join(', ')}`);
  }
  for (const s of inScenario) seats[s] = choice[s] ?? { controller: 'human' };
  return issues.length ? { issues } : { seats };
}

/** Create a match row for a room of a session, with a free join code. */
export function createRoomMatch(deps: SessionDeps, m: { scenario: string; name: string; seed: number; seats: SeatConfig; timers: Timers; tokenHash: string }): { matchId: string; code: string } {
  const id = newMatchId();
  for (let attempt = 0; ; attempt++) {
    const code = newCode();
    if (deps.store.findByCode(code)) {
      if (attempt > 20) throw new HttpError(503, 'no free join code');
      continue;
    }
    deps.store.createMatch({ id, code, createdAt: Date.now(), ...m });
    return { matchId: id, code };
  }
}

export interface CreatedSession {
  sessionId: string;
  facilitatorToken: string;
  rooms: { matchId: string; code: string; label: string; forkOf: null }[];
}

export function createSession(deps: SessionDeps, body: unknown): CreatedSession {
  const parsed = createSessionSchema.safeParse(body);
  if (!parsed.success) throw new HttpError(400, 'bad request', issuesOf(parsed.error.issues));
  const b = parsed.data;
  const scenario = deps.library.find(b.scenario);
  if (!scenario) throw new HttpError(400, 'bad request', [`scenario: no scenario "${b.scenario}" (a shipped id from GET /api/scenarios, or an id from POST /api/scenarios)`]);
  const perRoom: SeatsChoice[] = Array.isArray(b.seats) ? b.seats : Array.from({ length: b.rooms }, () => (b.seats as SeatsChoice | undefined) ?? {});
  if (perRoom.length !== b.rooms) throw new HttpError(400, 'bad request', [`seats: ${perRoom.length} seat lists for ${b.rooms} rooms; give one list per room, or one object for every room`]);
  const issues: string[] = [];
  const seats = perRoom.map((c, i) => {
    const r = checkSeats(scenario, c, Array.isArray(b.seats) ? `seats.${i}` : 'seats');
    if ('issues' in r) issues.push(...r.issues);
    return 'seats' in r ? r.seats : {};
  });
  if (issues.length) throw new HttpError(400, 'bad request', [...new Set(issues)]);

  const timers = { ...scenario.timers, ...b.timers } as Timers;
  const roundSeconds = PHASES.reduce((s, p: Phase) => s + timers[p], 0);
  const limits: Limits = { maxPauses: b.limits.maxPauses ?? 10, maxExtensionSeconds: b.limits.maxExtensionSeconds ?? Math.min(MAX_TIMER, roundSeconds) };
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
    passphrase: b.passphrase ? seal(token, b.passphrase) : null,
    createdAt: Date.now(),
  };
  deps.sessions.createSession(session);
  const rooms = seats.map((roomSeats, i) => {
    const label = `Room ${i + 1}`;
    const { matchId, code } = createRoomMatch(deps, { scenario: scenario.id, name: `${b.name} · ${label}`.slice(0, 120), seed, seats: roomSeats, timers, tokenHash });
    deps.sessions.addRoom({ sessionId: session.id, matchId, code, position: i, label, forkOf: null, createdAt: Date.now() });
    return { matchId, code, label, forkOf: null };
  });
  deps.sessions.log({ sessionId: session.id, matchId: null, at: Date.now(), op: 'create', detail: { name: b.name, scenario: scenario.id, rooms: b.rooms, limits }, ok: true });
  return { sessionId: session.id, facilitatorToken: token, rooms };
}

/** The session named in the path, when the request carries its token; else the matching error. */
export function authorizeSession(deps: SessionDeps, req: Req): SessionRow {
  const id = String(req.params.id ?? '').slice(0, 64);
  const session = deps.sessions.readSession(id);
  if (!session) throw new HttpError(404, 'no such session');
  const token = bearer(req);
  if (!token) throw new HttpError(401, 'this needs the session token: Authorization: Bearer <facilitatorToken>');
  if (!tokenMatches(token, session.tokenHash)) throw new HttpError(403, 'wrong token for this session');
  return session;
}

/** One of the session's rooms, by match id. */
export function roomOfSession(deps: SessionDeps, session: SessionRow, matchId: string): SessionRoom {
  const room = deps.sessions.roomOf(matchId);
  if (!room || room.sessionId !== session.id) throw new HttpError(404, `no room "${matchId.slice(0, 64)}" in this session`);
  return room;
}

export function sessionInfo(deps: SessionDeps, session: SessionRow) {
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
      return { ...roomRef(r), seats: row?.seats ?? {}, createdAt: r.createdAt, ended: row?.ended ?? null };
    }),
  };
}

export const roomRef = (r: SessionRoom) => ({
  matchId: r.matchId,
  code: r.code,
  label: r.label,
  forkOf: r.forkOf ? { matchId: r.forkOf.matchId, round: r.forkOf.round } : null,
});

// The token sealed with a key derived from the passphrase: only the passphrase opens it, and the
// database never holds the token itself.
function seal(token: string, passphrase: string): string {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = scryptSync(passphrase, salt, 32);
  const c = createCipheriv('aes-256-gcm', key, iv);
  const box = Buffer.concat([c.update(token, 'utf8'), c.final()]);
  return JSON.stringify({ v: 1, salt: salt.toString('base64'), iv: iv.toString('base64'), tag: c.getAuthTag().toString('base64'), box: box.toString('base64') });
}

/** The sealed token, or null when the passphrase is wrong. */
export function unseal(sealed: string, passphrase: string): string | null {
  try {
    const s = JSON.parse(sealed) as { salt: string; iv: string; tag: string; box: string };
    const key = scryptSync(passphrase, Buffer.from(s.salt, 'base64'), 32);
    const d = createDecipheriv('aes-256-gcm', key, Buffer.from(s.iv, 'base64'));
    d.setAuthTag(Buffer.from(s.tag, 'base64'));
    return Buffer.concat([d.update(Buffer.from(s.box, 'base64')), d.final()]).toString('utf8');
  } catch {
    return null;
  }
}
