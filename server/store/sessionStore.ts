// Where class sessions live: the session, its rooms (forks included), the facilitator's log and
// uploaded scenarios. Its own small interface beside MatchStore, on the same SQLite file.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { FacilitatorLogEntry, Limits, Timers } from '../../shared/protocol/index.js';

export interface SessionRow {
  id: string;
  name: string;
  scenario: string;
  seed: number;
  timers: Timers;
  limits: Limits;
  tokenHash: string;
  /** The facilitator token sealed with the passphrase (see sessions.ts), or null. */
  passphrase: string | null;
  createdAt: number;
}

export interface SessionRoom {
  sessionId: string;
  matchId: string;
  code: string;
  position: number;
  label: string;
  forkOf: { matchId: string; round: number; logLength: number } | null;
  createdAt: number;
}

export type NewLogEntry = Omit<FacilitatorLogEntry, 'id'> & { amount?: number };

export interface UploadedScenarioRow {
  id: string;
  originalId: string;
  body: string;
  createdAt: number;
  /** The class session that uses it; null until one does (then it may be dropped, see dropUnclaimedScenarios). */
  sessionId: string | null;
}

export interface SessionStore {
  createSession(s: SessionRow): void;
  readSession(id: string): SessionRow | null;
  addRoom(r: SessionRoom): void;
  rooms(sessionId: string): SessionRoom[];
  roomOf(matchId: string): SessionRoom | null;
  log(row: NewLogEntry): FacilitatorLogEntry;
  readLog(sessionId: string, matchId?: string): FacilitatorLogEntry[];
  /** Accepted pauses and extension seconds per room of a session. */
  usage(sessionId: string): Map<string, { pauses: number; extensionSeconds: number }>;
  saveScenario(s: UploadedScenarioRow): void;
  readScenario(id: string): UploadedScenarioRow | null;
  /** The first session created with an uploaded scenario owns it. */
  claimScenario(id: string, sessionId: string): void;
  /** Forget uploads no session took, stored before `before`; their ids. */
  dropUnclaimedScenarios(before: number): string[];
  /** Bytes of the uploads no session has taken yet. */
  unclaimedScenarioBytes(): number;
  /** Entries in a match's action log, when this store shares the match tables (else null). */
  logLength(matchId: string): number | null;
  close(): void;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, name TEXT NOT NULL, scenario TEXT NOT NULL, seed INTEGER NOT NULL,
  timers TEXT NOT NULL, limits TEXT NOT NULL, token_hash TEXT NOT NULL, passphrase TEXT, created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS session_rooms (match_id TEXT PRIMARY KEY, session_id TEXT NOT NULL, code TEXT NOT NULL, position INTEGER NOT NULL,
  label TEXT NOT NULL, fork_of TEXT, created_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS session_rooms_session ON session_rooms (session_id);
CREATE TABLE IF NOT EXISTS facilitator_log (id INTEGER PRIMARY KEY AUTOINCREMENT, session_id TEXT NOT NULL, match_id TEXT,
  at INTEGER NOT NULL, op TEXT NOT NULL, detail TEXT NOT NULL, ok INTEGER NOT NULL, reason TEXT, amount INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS facilitator_log_session ON facilitator_log (session_id);
CREATE TABLE IF NOT EXISTS uploaded_scenarios (id TEXT PRIMARY KEY, original_id TEXT NOT NULL, body TEXT NOT NULL, created_at INTEGER NOT NULL);
`;

type Raw = Record<string, string | number | null>;

const toSession = (r: Raw): SessionRow => ({
  id: String(r.id),
  name: String(r.name),
  scenario: String(r.scenario),
  seed: Number(r.seed),
  timers: JSON.parse(String(r.timers)),
  limits: JSON.parse(String(r.limits)),
  tokenHash: String(r.token_hash),
  passphrase: r.passphrase === null ? null : String(r.passphrase),
  createdAt: Number(r.created_at),
});

const toRoom = (r: Raw): SessionRoom => ({
  sessionId: String(r.session_id),
  matchId: String(r.match_id),
  code: String(r.code),
  position: Number(r.position),
  label: String(r.label),
  forkOf: r.fork_of === null ? null : JSON.parse(String(r.fork_of)),
  createdAt: Number(r.created_at),
});

const toLog = (r: Raw): FacilitatorLogEntry => ({
  id: Number(r.id),
  sessionId: String(r.session_id),
  matchId: r.match_id === null ? null : String(r.match_id),
  at: Number(r.at),
  op: String(r.op),
  detail: JSON.parse(String(r.detail)),
  ok: Number(r.ok) === 1,
  ...(r.reason !== null ? { reason: String(r.reason) } : {}),
});

export class SqliteSessionStore implements SessionStore {
  private db: DatabaseSync;
  private q: Record<string, StatementSync>;
  /** A separate in-memory database does not hold the match tables. */
  private sharesMatches: boolean;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.sharesMatches = path !== ':memory:';
    this.db = new DatabaseSync(path);
    // busy_timeout first: the match store's checkpointer may hold a lock for a moment.
    this.db.exec('PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;');
    this.db.exec(SCHEMA);
    // Uploads belong to the session that uses them; those stored before had one already.
    const columns = this.db.prepare(`PRAGMA table_info(uploaded_scenarios)`).all() as { name: string }[];
    if (!columns.some((c) => c.name === 'session_id')) this.db.exec(`ALTER TABLE uploaded_scenarios ADD COLUMN session_id TEXT; UPDATE uploaded_scenarios SET session_id = 'before-owners'`);
    const p = (sql: string) => this.db.prepare(sql);
    this.q = {
      insertSession: p(`INSERT INTO sessions (id, name, scenario, seed, timers, limits, token_hash, passphrase, created_at) VALUES (?,?,?,?,?,?,?,?,?)`),
      session: p(`SELECT * FROM sessions WHERE id = ?`),
      insertRoom: p(`INSERT INTO session_rooms (match_id, session_id, code, position, label, fork_of, created_at) VALUES (?,?,?,?,?,?,?)`),
      rooms: p(`SELECT * FROM session_rooms WHERE session_id = ? ORDER BY position`),
      roomOf: p(`SELECT * FROM session_rooms WHERE match_id = ?`),
      insertLog: p(`INSERT INTO facilitator_log (session_id, match_id, at, op, detail, ok, reason, amount) VALUES (?,?,?,?,?,?,?,?)`),
      log: p(`SELECT * FROM facilitator_log WHERE session_id = ? ORDER BY id`),
      logOfMatch: p(`SELECT * FROM facilitator_log WHERE session_id = ? AND match_id = ? ORDER BY id`),
      usage: p(`SELECT match_id, op, COUNT(*) AS n, SUM(amount) AS total FROM facilitator_log
                WHERE session_id = ? AND ok = 1 AND op IN ('pause', 'extend') GROUP BY match_id, op`),
      insertScenario: p(`INSERT INTO uploaded_scenarios (id, original_id, body, created_at, session_id) VALUES (?,?,?,?,?)`),
      scenario: p(`SELECT * FROM uploaded_scenarios WHERE id = ?`),
      claimScenario: p(`UPDATE uploaded_scenarios SET session_id = ? WHERE id = ? AND session_id IS NULL`),
      unclaimedBefore: p(`SELECT id FROM uploaded_scenarios WHERE session_id IS NULL AND created_at < ?`),
      dropScenario: p(`DELETE FROM uploaded_scenarios WHERE id = ? AND session_id IS NULL`),
      unclaimedBytes: p(`SELECT COALESCE(SUM(LENGTH(body)), 0) AS n FROM uploaded_scenarios WHERE session_id IS NULL`),
    };
  }

  createSession(s: SessionRow): void {
    this.q.insertSession.run(s.id, s.name, s.scenario, s.seed, JSON.stringify(s.timers), JSON.stringify(s.limits), s.tokenHash, s.passphrase, s.createdAt);
  }

  readSession(id: string): SessionRow | null {
    const r = this.q.session.get(id) as Raw | undefined;
    return r ? toSession(r) : null;
  }

  addRoom(r: SessionRoom): void {
    this.q.insertRoom.run(r.matchId, r.sessionId, r.code, r.position, r.label, r.forkOf ? JSON.stringify(r.forkOf) : null, r.createdAt);
  }

  rooms(sessionId: string): SessionRoom[] {
    return (this.q.rooms.all(sessionId) as Raw[]).map(toRoom);
  }

  roomOf(matchId: string): SessionRoom | null {
    const r = this.q.roomOf.get(matchId) as Raw | undefined;
    return r ? toRoom(r) : null;
  }

  log(row: NewLogEntry): FacilitatorLogEntry {
    const r = this.q.insertLog.run(row.sessionId, row.matchId, row.at, row.op, JSON.stringify(row.detail), row.ok ? 1 : 0, row.reason ?? null, row.amount ?? 0);
    const { amount: _a, ...rest } = row;
    return { ...rest, id: Number(r.lastInsertRowid) };
  }

  readLog(sessionId: string, matchId?: string): FacilitatorLogEntry[] {
    const rows = matchId === undefined ? this.q.log.all(sessionId) : this.q.logOfMatch.all(sessionId, matchId);
    return (rows as Raw[]).map(toLog);
  }

  usage(sessionId: string): Map<string, { pauses: number; extensionSeconds: number }> {
    const out = new Map<string, { pauses: number; extensionSeconds: number }>();
    for (const r of this.q.usage.all(sessionId) as Raw[]) {
      const u = out.get(String(r.match_id)) ?? { pauses: 0, extensionSeconds: 0 };
      if (r.op === 'pause') u.pauses = Number(r.n);
      else u.extensionSeconds = Number(r.total);
      out.set(String(r.match_id), u);
    }
    return out;
  }

  saveScenario(s: UploadedScenarioRow): void {
    this.q.insertScenario.run(s.id, s.originalId, s.body, s.createdAt, s.sessionId);
  }

  readScenario(id: string): UploadedScenarioRow | null {
    const r = this.q.scenario.get(id) as Raw | undefined;
    return r
      ? { id: String(r.id), originalId: String(r.original_id), body: String(r.body), createdAt: Number(r.created_at), sessionId: r.session_id === null ? null : String(r.session_id) }
      : null;
  }

  claimScenario(id: string, sessionId: string): void {
    this.q.claimScenario.run(sessionId, id);
  }

  dropUnclaimedScenarios(before: number): string[] {
    const ids = (this.q.unclaimedBefore.all(before) as Raw[]).map((r) => String(r.id));
    for (const id of ids) this.q.dropScenario.run(id);
    return ids;
  }

  unclaimedScenarioBytes(): number {
    return Number((this.q.unclaimedBytes.get() as Raw).n);
  }

  logLength(matchId: string): number | null {
    if (!this.sharesMatches) return null;
    try {
      this.q.logLength ??= this.db.prepare(`SELECT COUNT(*) AS n FROM log WHERE match_id = ?`);
      const r = this.q.logLength.get(matchId) as Raw | undefined;
      return r ? Number(r.n) : 0;
    } catch {
      return null;
    }
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }
}
