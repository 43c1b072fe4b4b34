// The SQLite database of the embedded store (node:sqlite, synchronous): matches and their journal
// (log, events, rounds and chat: journal.ts); class sessions, their rooms, the facilitator's log and uploaded
// scenarios. It never waits for a lock (busy timeout 0): a locked database answers at once, and
// the write queue tries again off the event loop (writeQueue.ts).
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { FacilitatorLogEntry } from '../../../shared/protocol/index.js';
import type { PlayingSeat } from '../../../shared/scenario/schema.js';
import type { MatchRecord, MatchRow, MatchWrite, NewMatch } from '../matchStore.js';
import { wakeAt } from '../matchStore.js';
import type { NewLogEntry, SessionRoom, SessionRow, UploadedScenarioRow, Usage } from '../sessionStore.js';
import { MATCH_COLUMNS, toChat, toLog, toParticipant, toRoom, toRow, toScenario, toSession, toUsage } from '../rows.js';
import { foldJournal, journalEntry, type JournalBody } from '../journal.js';
import type { WriteOutcome } from '../writeQueue.js';

/** Each step brings a database from the version before it to its own (PRAGMA user_version). */
const MIGRATIONS: ((db: DatabaseSync) => void)[] = [
  // 1: the tables as they were before versions were counted (a database of then passes through).
  (db) => {
    db.exec(`
      CREATE TABLE IF NOT EXISTS matches (
        id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, scenario TEXT NOT NULL, name TEXT NOT NULL,
        seed INTEGER NOT NULL, seats TEXT NOT NULL, timers TEXT NOT NULL, token_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL, round INTEGER NOT NULL DEFAULT 1, phase TEXT NOT NULL DEFAULT 'news',
        ended TEXT, clock TEXT);
      CREATE TABLE IF NOT EXISTS participants (match_id TEXT NOT NULL, seat TEXT NOT NULL, name TEXT NOT NULL, at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS log (match_id TEXT NOT NULL, seq INTEGER NOT NULL, at INTEGER NOT NULL, entry TEXT NOT NULL, PRIMARY KEY (match_id, seq)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS events (match_id TEXT NOT NULL, seq INTEGER NOT NULL, at INTEGER NOT NULL, event TEXT NOT NULL, PRIMARY KEY (match_id, seq)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS rounds (match_id TEXT NOT NULL, round INTEGER NOT NULL, meters TEXT NOT NULL, PRIMARY KEY (match_id, round)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS chat (match_id TEXT NOT NULL, id INTEGER NOT NULL, channel TEXT NOT NULL, seat TEXT NOT NULL,
        name TEXT NOT NULL, text TEXT NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (match_id, id)) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS participants_match ON participants (match_id);
      CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, name TEXT NOT NULL, scenario TEXT NOT NULL, seed INTEGER NOT NULL,
        timers TEXT NOT NULL, limits TEXT NOT NULL, token_hash TEXT NOT NULL, passphrase TEXT, created_at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS session_rooms (match_id TEXT PRIMARY KEY, session_id TEXT NOT NULL, code TEXT NOT NULL, position INTEGER NOT NULL,
        label TEXT NOT NULL, fork_of TEXT, created_at INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS session_rooms_session ON session_rooms (session_id);
      CREATE TABLE IF NOT EXISTS facilitator_log (id INTEGER PRIMARY KEY AUTOINCREMENT, session_id TEXT NOT NULL, match_id TEXT,
        at INTEGER NOT NULL, op TEXT NOT NULL, detail TEXT NOT NULL, ok INTEGER NOT NULL, reason TEXT, amount INTEGER NOT NULL DEFAULT 0);
      CREATE INDEX IF NOT EXISTS facilitator_log_session ON facilitator_log (session_id);
      CREATE TABLE IF NOT EXISTS uploaded_scenarios (id TEXT PRIMARY KEY, original_id TEXT NOT NULL, body TEXT NOT NULL, created_at INTEGER NOT NULL);
    `);
    const columns = db.prepare(`PRAGMA table_info(matches)`).all() as { name: string }[];
    if (!columns.some((c) => c.name === 'listed')) db.exec('ALTER TABLE matches ADD COLUMN listed INTEGER NOT NULL DEFAULT 0');
  },
  // 2: which process's room holds a match (a lease), and when its deadline wants waking.
  (db) => {
    db.exec(`
      ALTER TABLE matches ADD COLUMN owner TEXT;
      ALTER TABLE matches ADD COLUMN owner_until INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE matches ADD COLUMN wake_at INTEGER;
      CREATE INDEX matches_wake ON matches (wake_at) WHERE wake_at IS NOT NULL;
      CREATE INDEX matches_owner ON matches (owner) WHERE owner IS NOT NULL;
    `);
    const set = db.prepare(`UPDATE matches SET wake_at = ? WHERE id = ?`);
    for (const r of db.prepare(`SELECT id, ended, clock FROM matches WHERE clock IS NOT NULL`).all()) {
      const clock = JSON.parse(String(r.clock));
      set.run(wakeAt({ round: 0, phase: 'news', ended: r.ended === null ? null : String(r.ended), clock }), String(r.id));
    }
  },
  // 3: seat keys (a match made before them has none, and its seats are open); uploads belong to
  // the session that uses them (those stored before had one already).
  (db) => {
    const columns = db.prepare(`PRAGMA table_info(matches)`).all() as { name: string }[];
    if (!columns.some((c) => c.name === 'seat_keys')) db.exec(`ALTER TABLE matches ADD COLUMN open INTEGER NOT NULL DEFAULT 1; ALTER TABLE matches ADD COLUMN seat_keys TEXT NOT NULL DEFAULT '{}'`);
    const uploads = db.prepare(`PRAGMA table_info(uploaded_scenarios)`).all() as { name: string }[];
    if (!uploads.some((c) => c.name === 'session_id')) db.exec(`ALTER TABLE uploaded_scenarios ADD COLUMN session_id TEXT; UPDATE uploaded_scenarios SET session_id = 'before-owners'`);
  },
  // 4: a match's log, events, rounds and chat in one journal, a row per write (journal.ts); what
  // the four tables held moves into it, an entry or event a row (each keeps its time).
  (db) => {
    db.exec(`CREATE TABLE journal (match_id TEXT NOT NULL, seq INTEGER NOT NULL, at INTEGER NOT NULL, log_end INTEGER, body TEXT NOT NULL);
      CREATE UNIQUE INDEX journal_match ON journal (match_id, seq);`);
    const put = db.prepare(`INSERT INTO journal (match_id, seq, at, log_end, body) VALUES (?,?,?,?,?)`);
    const next = new Map<string, number>();
    const append = (id: string, at: number, logEnd: number | null, body: JournalBody) => {
      const seq = next.get(id) ?? 0;
      next.set(id, seq + 1);
      put.run(id, seq, at, logEnd, JSON.stringify(body));
    };
    for (const r of db.prepare(`SELECT match_id, seq, at, entry FROM log ORDER BY match_id, seq`).all())
      append(String(r.match_id), Number(r.at), Number(r.seq) + 1, { log: { from: Number(r.seq), entries: [JSON.parse(String(r.entry))] } });
    for (const r of db.prepare(`SELECT match_id, seq, at, event FROM events ORDER BY match_id, seq`).all())
      append(String(r.match_id), Number(r.at), null, { events: { from: Number(r.seq), entries: [JSON.parse(String(r.event))] } });
    const grouped = (sql: string, f: (r: Record<string, unknown>) => unknown) => {
      const by = new Map<string, unknown[]>();
      for (const r of db.prepare(sql).all()) by.set(String(r.match_id), [...(by.get(String(r.match_id)) ?? []), f(r)]);
      return by;
    };
    for (const [id, rounds] of grouped(`SELECT match_id, meters FROM rounds ORDER BY match_id, round`, (r) => JSON.parse(String(r.meters))))
      append(id, 0, null, { rounds: rounds as JournalBody['rounds'] });
    for (const [id, chat] of grouped(`SELECT * FROM chat ORDER BY match_id, id`, toChat)) append(id, 0, null, { chat: chat as JournalBody['chat'] });
    db.exec(`DROP TABLE log; DROP TABLE events; DROP TABLE rounds; DROP TABLE chat;`);
  },
  // 5: one heartbeat a process instead of a lease a match (store/leases.ts): a match's owner
  // holds it while the owner's row here is live.
  (db) => {
    db.exec(`CREATE TABLE owners (owner TEXT PRIMARY KEY, until INTEGER NOT NULL) WITHOUT ROWID;
      ALTER TABLE matches DROP COLUMN owner_until;`);
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Errors after which SQLite may have rolled the whole transaction back: the batch is tried again. */
const BATCH_ERRORS = new Set([5 /* BUSY */, 6 /* LOCKED */, 7 /* NOMEM */, 8 /* READONLY */, 10 /* IOERR */, 11 /* CORRUPT */, 13 /* FULL */, 14 /* CANTOPEN */]);
const batchError = (e: unknown) => BATCH_ERRORS.has(((e as { errcode?: number }).errcode ?? 0) & 0xff);

/** A write of the batch failed alone: the batch is applied again a write at a time. */
class OneWriteFailed extends Error {}

/** The write names a holder and another process's room holds its match now. */
const heldByAnother = (w: MatchWrite, owner: unknown) => w.owner !== null && owner !== w.owner;

const SELECT_MATCH = `SELECT ${MATCH_COLUMNS} FROM matches`;

/** The holder of match `m` has no live heartbeat at ?3 (now): its process died or lost the store. */
const LAPSED = `NOT EXISTS (SELECT 1 FROM owners o WHERE o.owner = m.owner AND o.until >= ?3)`;
/** Heartbeats this old are dropped: their processes are long gone (and their matches free). */
const FORGET_OWNERS_MS = 3_600_000;

export interface SqliteOptions {
  /** Cap the database's size at this many pages (4 KiB each): a write past it is refused as on a full disk. */
  maxPages?: number;
  /**
   * How long a statement waits for another connection's lock. Default 0, not at all: waiting
   * would hold up every room (a locked database once stalled them all for 5 s); the write queue
   * tries the batch again on a timer instead.
   */
  busyMs?: number;
}

export class SqliteDb {
  private db: DatabaseSync;
  private q: Record<string, StatementSync>;

  constructor(path: string, o: SqliteOptions = {}) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new DatabaseSync(path);
    // WAL: writers don't block readers; NORMAL sync survives a killed process (not a power cut).
    // Opening may wait a moment, before any room runs (a previous server's checkpointer may still
    // hold the file).
    this.db.exec(`PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;`);
    if (o.maxPages) this.db.exec(`PRAGMA max_page_count = ${Math.floor(o.maxPages)}`);
    this.migrate();
    this.db.exec(`PRAGMA busy_timeout = ${o.busyMs ?? 0}`);
    const p = (sql: string) => this.db.prepare(sql);
    this.q = {
      begin: p('BEGIN IMMEDIATE'),
      commit: p('COMMIT'),
      insertMatch: p(`INSERT INTO matches (id, code, scenario, name, seed, seats, timers, token_hash, created_at, listed, open, seat_keys) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`),
      setSeatKey: p(`UPDATE matches SET seat_keys = json_set(seat_keys, '$.' || ?, json(?)) WHERE id = ?`),
      byCode: p(`${SELECT_MATCH} WHERE code = ?`),
      byId: p(`${SELECT_MATCH} WHERE id = ?`),
      list: p(`${SELECT_MATCH} ORDER BY created_at DESC LIMIT ?`),
      listOpen: p(`${SELECT_MATCH} WHERE listed = 1 AND ended IS NULL ORDER BY created_at DESC LIMIT ?`),
      participants: p(`SELECT seat, name, at FROM participants WHERE match_id = ? ORDER BY rowid`),
      journal: p(`SELECT at, body FROM journal WHERE match_id = ? ORDER BY seq`),
      ownerOf: p(`SELECT owner FROM matches WHERE id = ?`),
      owners: p(`SELECT id, owner FROM matches WHERE id IN (SELECT value FROM json_each(?))`),
      // The match's next seq: one seek to the end of its rows (their page is the one written).
      append: p(`INSERT INTO journal (match_id, seq, at, log_end, body) VALUES (?1, COALESCE((SELECT MAX(seq) FROM journal WHERE match_id = ?1), -1) + 1, ?2, ?3, ?4)`),
      standing: p(`UPDATE matches SET round = ?, phase = ?, ended = ?, clock = ?, wake_at = ? WHERE id = ?`),
      insertParticipant: p(`INSERT INTO participants (match_id, seat, name, at) VALUES (?,?,?,?)`),
      // The owner's heartbeat, never moved back (a claim may come beside a renewal).
      beat: p(`INSERT INTO owners (owner, until) VALUES (?1, ?2) ON CONFLICT (owner) DO UPDATE SET until = MAX(until, excluded.until)`),
      forgetOwners: p(`DELETE FROM owners WHERE until < ?`),
      claim: p(`UPDATE matches AS m SET owner = ?1 WHERE id = ?2 AND (owner IS NULL OR owner = ?1 OR ${LAPSED})`),
      release: p(`UPDATE matches SET owner = NULL WHERE id = ? AND owner = ?`),
      releaseAll: p(`UPDATE matches SET owner = NULL WHERE owner IS NOT NULL`),
      claimDue: p(`UPDATE matches SET owner = ?1 WHERE id IN (
        SELECT id FROM matches m WHERE wake_at IS NOT NULL AND wake_at <= ?3 AND ended IS NULL AND (owner IS NULL OR ${LAPSED}) ORDER BY wake_at LIMIT ?2) RETURNING id`),
      insertSession: p(`INSERT INTO sessions (id, name, scenario, seed, timers, limits, token_hash, passphrase, created_at) VALUES (?,?,?,?,?,?,?,?,?)`),
      session: p(`SELECT * FROM sessions WHERE id = ?`),
      insertRoom: p(`INSERT INTO session_rooms (match_id, session_id, code, position, label, fork_of, created_at) VALUES (?,?,?,?,?,?,?)`),
      rooms: p(`SELECT * FROM session_rooms WHERE session_id = ? ORDER BY position`),
      roomOf: p(`SELECT * FROM session_rooms WHERE match_id = ?`),
      insertLog: p(`INSERT INTO facilitator_log (session_id, match_id, at, op, detail, ok, reason, amount) VALUES (?,?,?,?,?,?,?,?)`),
      flog: p(`SELECT * FROM facilitator_log WHERE session_id = ? ORDER BY id`),
      flogOfMatch: p(`SELECT * FROM facilitator_log WHERE session_id = ? AND match_id = ? ORDER BY id`),
      usage: p(`SELECT match_id, op, COUNT(*) AS n, SUM(amount) AS total FROM facilitator_log
                WHERE session_id = ? AND ok = 1 AND op IN ('pause', 'extend') GROUP BY match_id, op`),
      insertScenario: p(`INSERT INTO uploaded_scenarios (id, original_id, body, created_at, session_id) VALUES (?,?,?,?,?)`),
      scenario: p(`SELECT * FROM uploaded_scenarios WHERE id = ?`),
      claimScenario: p(`UPDATE uploaded_scenarios SET session_id = ? WHERE id = ? AND session_id IS NULL`),
      dropUnclaimed: p(`DELETE FROM uploaded_scenarios WHERE session_id IS NULL AND created_at < ? RETURNING id`),
      unclaimedBytes: p(`SELECT COALESCE(SUM(LENGTH(body)), 0) AS n FROM uploaded_scenarios WHERE session_id IS NULL`),
      logLength: p(`SELECT log_end AS n FROM journal WHERE match_id = ? AND log_end IS NOT NULL ORDER BY seq DESC LIMIT 1`),
    };
  }

  private migrate(): void {
    const version = Number(this.db.prepare('PRAGMA user_version').get()?.user_version ?? 0);
    for (let v = version; v < MIGRATIONS.length; v++) {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        MIGRATIONS[v](this.db);
        this.db.exec(`PRAGMA user_version = ${v + 1}`);
        this.db.exec('COMMIT');
      } catch (e) {
        this.db.exec('ROLLBACK');
        throw e;
      }
    }
  }

  /** Runs `f` in one immediate transaction (the write lock taken at once, or a busy error). */
  private tx<T>(f: () => T): T {
    // Prepared once: `exec` would compile them again for every batch.
    this.q.begin.run();
    try {
      const out = f();
      this.q.commit.run();
      return out;
    } catch (e) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw e;
    }
  }

  // ---- Matches ----

  createMatch(m: NewMatch): void {
    this.q.insertMatch.run(m.id, m.code, m.scenario, m.name, m.seed, JSON.stringify(m.seats), JSON.stringify(m.timers), m.tokenHash, m.createdAt, m.listed ? 1 : 0, m.open ? 1 : 0, JSON.stringify(m.seatKeys));
  }

  setSeatKey(id: string, seat: PlayingSeat, key: { v: number; hash: string }): void {
    this.q.setSeatKey.run(seat, JSON.stringify(key), id);
  }

  findByCode(code: string): MatchRow | null {
    const r = this.q.byCode.get(code);
    return r ? toRow(r) : null;
  }

  readMatch(id: string): MatchRecord | null {
    const r = this.q.byId.get(id);
    if (!r) return null;
    return {
      ...toRow(r),
      participants: this.q.participants.all(id).map(toParticipant),
      ...foldJournal(this.q.journal.all(id).map((x) => ({ at: Number(x.at), body: JSON.parse(String(x.body)) as JournalBody }))),
    };
  }

  listMatches(limit = 100): MatchRow[] {
    return this.q.list.all(limit).map(toRow);
  }

  listOpenMatches(limit = 50): MatchRow[] {
    return this.q.listOpen.all(limit).map(toRow);
  }

  /**
   * The rooms' turns in one transaction. Usually every write goes through: the holders of the
   * batch's matches are read in one statement and the writes applied one after another. When one
   * fails alone (bad data, a match gone), the transaction is undone and the batch applied again
   * with a savepoint per write, so only that one is refused. An error that may have undone the
   * transaction (busy, full, I/O) throws, and the whole batch is tried again.
   */
  commit(writes: MatchWrite[]): WriteOutcome[] {
    try {
      return this.tx(() => this.applyAll(writes));
    } catch (e) {
      if (!(e instanceof OneWriteFailed)) throw e;
    }
    return this.tx(() => writes.map((w) => this.applyAlone(w)));
  }

  /** Every write of the batch, or OneWriteFailed when one of them cannot be applied. */
  private applyAll(writes: MatchWrite[]): WriteOutcome[] {
    const held = new Map(this.q.owners.all(JSON.stringify(writes.map((w) => w.matchId))).map((r) => [String(r.id), r.owner]));
    return writes.map((w): WriteOutcome => {
      if (!held.has(w.matchId)) throw new OneWriteFailed();
      if (heldByAnother(w, held.get(w.matchId))) return { notOwner: true };
      try {
        this.apply(w);
      } catch (e) {
        throw batchError(e) ? e : new OneWriteFailed();
      }
      return null;
    });
  }

  /** One write under its own savepoint: undone alone when it fails. */
  private applyAlone(w: MatchWrite): WriteOutcome {
    this.db.exec('SAVEPOINT w');
    try {
      const held = this.q.ownerOf.get(w.matchId);
      if (!held) throw new Error(`no match ${w.matchId}`);
      if (heldByAnother(w, held.owner)) {
        this.db.exec('ROLLBACK TO w; RELEASE w');
        return { notOwner: true };
      }
      this.apply(w);
      this.db.exec('RELEASE w');
      return null;
    } catch (e) {
      if (batchError(e)) throw e;
      this.db.exec('ROLLBACK TO w; RELEASE w');
      return { failed: e instanceof Error ? e.message : String(e) };
    }
  }

  private apply(w: MatchWrite): void {
    const id = w.matchId;
    const j = journalEntry(w);
    if (j) this.q.append.run(id, w.at, j.logEnd, j.body);
    const s = w.standing;
    if (s) this.q.standing.run(s.round, s.phase, s.ended, s.clock ? JSON.stringify(s.clock) : null, wakeAt(s), id);
    for (const p of w.participants) this.q.insertParticipant.run(id, p.seat, p.name, p.at);
    for (const f of w.facilitatorLog) this.insertLog(f);
  }

  claim(matchId: string, owner: string, leaseMs: number): boolean {
    const now = Date.now();
    return this.tx(() => {
      this.q.beat.run(owner, now + leaseMs);
      return Number(this.q.claim.run(owner, matchId, now).changes) === 1;
    });
  }

  /** One row whatever the process holds; owners gone an hour are dropped on the way. */
  renewOwner(owner: string, leaseMs: number): void {
    const now = Date.now();
    this.tx(() => {
      this.q.forgetOwners.run(now - FORGET_OWNERS_MS);
      this.q.beat.run(owner, now + leaseMs);
    });
  }

  release(matchId: string, owner: string): void {
    this.tx(() => this.q.release.run(matchId, owner));
  }

  releaseAll(): void {
    this.tx(() => this.q.releaseAll.run());
  }

  claimDue(owner: string, now: number, leaseMs: number, limit: number): string[] {
    return this.tx(() => {
      this.q.beat.run(owner, now + leaseMs);
      return this.q.claimDue.all(owner, limit, now).map((r) => String(r.id));
    });
  }

  // ---- Class sessions ----

  createSession(s: SessionRow): void {
    this.q.insertSession.run(s.id, s.name, s.scenario, s.seed, JSON.stringify(s.timers), JSON.stringify(s.limits), s.tokenHash, s.passphrase, s.createdAt);
  }

  readSession(id: string): SessionRow | null {
    const r = this.q.session.get(id);
    return r ? toSession(r) : null;
  }

  addRoom(r: SessionRoom): void {
    this.q.insertRoom.run(r.matchId, r.sessionId, r.code, r.position, r.label, r.forkOf ? JSON.stringify(r.forkOf) : null, r.createdAt);
  }

  rooms(sessionId: string): SessionRoom[] {
    return this.q.rooms.all(sessionId).map(toRoom);
  }

  roomOf(matchId: string): SessionRoom | null {
    const r = this.q.roomOf.get(matchId);
    return r ? toRoom(r) : null;
  }

  log(row: NewLogEntry): FacilitatorLogEntry {
    const id = this.insertLog(row);
    const { amount: _a, ...rest } = row;
    return { ...rest, id };
  }

  private insertLog(row: NewLogEntry): number {
    const r = this.q.insertLog.run(row.sessionId, row.matchId, row.at, row.op, JSON.stringify(row.detail), row.ok ? 1 : 0, row.reason ?? null, row.amount ?? 0);
    return Number(r.lastInsertRowid);
  }

  readLog(sessionId: string, matchId?: string): FacilitatorLogEntry[] {
    return (matchId === undefined ? this.q.flog.all(sessionId) : this.q.flogOfMatch.all(sessionId, matchId)).map(toLog);
  }

  usage(sessionId: string): Map<string, Usage> {
    return toUsage(this.q.usage.all(sessionId));
  }

  saveScenario(s: UploadedScenarioRow): void {
    this.q.insertScenario.run(s.id, s.originalId, s.body, s.createdAt, s.sessionId);
  }

  readScenario(id: string): UploadedScenarioRow | null {
    const r = this.q.scenario.get(id);
    return r ? toScenario(r) : null;
  }

  claimScenario(id: string, sessionId: string): void {
    this.q.claimScenario.run(sessionId, id);
  }

  dropUnclaimedScenarios(before: number): string[] {
    return this.q.dropUnclaimed.all(before).map((r) => String(r.id));
  }

  unclaimedScenarioBytes(): number {
    return Number(this.q.unclaimedBytes.get()?.n ?? 0);
  }

  logLength(matchId: string): number {
    return Number(this.q.logLength.get(matchId)?.n ?? 0);
  }

  /** Whether commits copy the log into the database themselves (off while the checkpointer runs). */
  autoCheckpoints(on: boolean): void {
    if (this.db.isOpen) this.db.exec(`PRAGMA wal_autocheckpoint = ${on ? 1000 : 0}`);
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }
}
