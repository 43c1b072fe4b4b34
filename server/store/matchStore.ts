// Where matches live between messages and restarts. One small interface, so a hosted deployment
// can put PostgreSQL behind it later; the embedded implementation is Node's built-in SQLite.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLOutputValue, type StatementSync } from 'node:sqlite';
import type { Worker } from 'node:worker_threads';
import type { LogEntry, MatchEvent, RoundMeters, Seat } from '../../shared/engine/index.js';
import type { ChatMessage, ClockRecord, MatchBasics, MatchHistory, MatchStanding } from '../../shared/protocol/index.js';
import type { Phase, PlayingSeat } from '../../shared/scenario/schema.js';
import { startCheckpointer } from './checkpointer.js';

/** Each seat's key as stored: its version (a renewed key has the next) and its hash (server/match/seatKeys.ts). */
export type SeatKeyHashes = Partial<Record<PlayingSeat, { v: number; hash: string }>>;

/** A match as created, with the hashes of its facilitator token and seat keys (which never leave the store). */
export interface NewMatch extends MatchBasics {
  tokenHash: string;
  seatKeys: SeatKeyHashes;
}

export interface MatchRow extends NewMatch, MatchStanding {}

export interface MatchRecord extends MatchRow, MatchHistory {}

/** What changed in a match since the last write: appended in one transaction. */
export interface Progress {
  log: LogEntry[];
  logFrom: number;
  events: MatchEvent[];
  eventsFrom: number;
  /** New round snapshots, or a rewritten last one. */
  rounds: RoundMeters[];
  /** Where the match stands; the four go together, and may be left out when none changed. */
  round?: number;
  phase?: Phase;
  ended?: string | null;
  clock?: ClockRecord | null;
}

export interface MatchStore {
  createMatch(m: NewMatch): void;
  findByCode(code: string): MatchRow | null;
  readMatch(id: string): MatchRecord | null;
  listMatches(limit?: number): MatchRow[];
  /** Unfinished matches their creators chose to list publicly, newest first. */
  listOpenMatches(limit?: number): MatchRow[];
  /** Append accepted actions, advances, events and round snapshots as they happen. */
  appendProgress(id: string, p: Progress): void;
  appendChat(id: string, msg: ChatMessage): void;
  addParticipant(id: string, seat: Seat, name: string, at: number): void;
  /** A seat's new key (written at once: the answer that shows it follows). */
  setSeatKey(id: string, seat: PlayingSeat, key: { v: number; hash: string }): void;
  setClock(id: string, clock: ClockRecord): void;
  /**
   * Calls `f` once everything written so far is durable. Writes are grouped: whatever the server
   * writes in one turn of the event loop is committed together, then these callbacks run, in order.
   * A room tells its clients about a change only from here.
   */
  afterWrite(f: () => void): void;
  close(): void;
}

const SCHEMA = `
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
`;

/** A row as SQLite gives it. */
type Raw = Record<string, SQLOutputValue>;

const toRow = (r: Raw): MatchRow => ({
  id: String(r.id),
  code: String(r.code),
  scenario: String(r.scenario),
  name: String(r.name),
  seed: Number(r.seed),
  seats: JSON.parse(String(r.seats)),
  timers: JSON.parse(String(r.timers)),
  tokenHash: String(r.token_hash),
  createdAt: Number(r.created_at),
  round: Number(r.round),
  phase: String(r.phase) as Phase,
  ended: r.ended === null ? null : String(r.ended),
  clock: r.clock ? JSON.parse(String(r.clock)) : null,
  listed: Number(r.listed ?? 0) === 1,
  open: Number(r.open ?? 0) === 1,
  seatKeys: JSON.parse(String(r.seat_keys ?? '{}')),
});

export class SqliteStore implements MatchStore {
  private db: DatabaseSync;
  private q: Record<string, StatementSync>;
  private checkpointer: Worker | null = null;
  /** Writes of this turn of the event loop, committed together at its end. */
  private pending: (() => void)[] = [];
  private flushing = false;
  private waiting: (() => void)[] = [];

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new DatabaseSync(path);
    // WAL: writers don't block readers; NORMAL sync survives a killed process (not a power cut).
    // busy_timeout first: a previous server's checkpointer may still hold the file for a moment.
    this.db.exec('PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;');
    if (path !== ':memory:') this.checkpointer = startCheckpointer(path, () => this.db.isOpen && this.db.exec('PRAGMA wal_autocheckpoint = 1000'));
    // The checkpointer thread copies the log into the database (and syncs it to disk) off the
    // event loop; here commits only append to the log.
    if (this.checkpointer) this.db.exec('PRAGMA wal_autocheckpoint = 0');
    this.db.exec(SCHEMA);
    // Databases made before the public list lack its column.
    const columns = this.db.prepare(`PRAGMA table_info(matches)`).all() as { name: string }[];
    if (!columns.some((c) => c.name === 'listed')) this.db.exec('ALTER TABLE matches ADD COLUMN listed INTEGER NOT NULL DEFAULT 0');
    // ... and the seat keys: a match made before them has none, and its seats are open.
    if (!columns.some((c) => c.name === 'seat_keys')) this.db.exec(`ALTER TABLE matches ADD COLUMN open INTEGER NOT NULL DEFAULT 1; ALTER TABLE matches ADD COLUMN seat_keys TEXT NOT NULL DEFAULT '{}'`);
    const p = (sql: string) => this.db.prepare(sql);
    this.q = {
      insertMatch: p(`INSERT INTO matches (id, code, scenario, name, seed, seats, timers, token_hash, created_at, listed, open, seat_keys) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`),
      setSeatKey: p(`UPDATE matches SET seat_keys = json_set(seat_keys, '$.' || ?, json(?)) WHERE id = ?`),
      byCode: p(`SELECT * FROM matches WHERE code = ?`),
      byId: p(`SELECT * FROM matches WHERE id = ?`),
      list: p(`SELECT * FROM matches ORDER BY created_at DESC LIMIT ?`),
      listOpen: p(`SELECT * FROM matches WHERE listed = 1 AND ended IS NULL ORDER BY created_at DESC LIMIT ?`),
      participants: p(`SELECT seat, name, at FROM participants WHERE match_id = ? ORDER BY rowid`),
      log: p(`SELECT seq, at, entry FROM log WHERE match_id = ? ORDER BY seq`),
      events: p(`SELECT seq, at, event FROM events WHERE match_id = ? ORDER BY seq`),
      rounds: p(`SELECT meters FROM rounds WHERE match_id = ? ORDER BY round`),
      chat: p(`SELECT id, channel, seat, name, text, at FROM chat WHERE match_id = ? ORDER BY id`),
      insertLog: p(`INSERT OR IGNORE INTO log (match_id, seq, at, entry) VALUES (?,?,?,?)`),
      insertEvent: p(`INSERT OR IGNORE INTO events (match_id, seq, at, event) VALUES (?,?,?,?)`),
      insertRound: p(`INSERT OR REPLACE INTO rounds (match_id, round, meters) VALUES (?,?,?)`),
      updateMatch: p(`UPDATE matches SET round = ?, phase = ?, ended = ?, clock = COALESCE(?, clock) WHERE id = ?`),
      insertChat: p(`INSERT INTO chat (match_id, id, channel, seat, name, text, at) VALUES (?,?,?,?,?,?,?)`),
      insertParticipant: p(`INSERT INTO participants (match_id, seat, name, at) VALUES (?,?,?,?)`),
      setClock: p(`UPDATE matches SET clock = ? WHERE id = ?`),
      begin: p(`BEGIN`),
      commit: p(`COMMIT`),
      savepoint: p(`SAVEPOINT w`),
      release: p(`RELEASE w`),
      rollbackTo: p(`ROLLBACK TO w`),
    };
  }

  createMatch(m: NewMatch): void {
    // The HTTP answer follows at once: this one is written now, not with the turn's batch.
    this.commitPending();
    this.q.insertMatch.run(m.id, m.code, m.scenario, m.name, m.seed, JSON.stringify(m.seats), JSON.stringify(m.timers), m.tokenHash, m.createdAt, m.listed ? 1 : 0, m.open ? 1 : 0, JSON.stringify(m.seatKeys));
  }

  setSeatKey(id: string, seat: PlayingSeat, key: { v: number; hash: string }): void {
    this.commitPending();
    this.q.setSeatKey.run(seat, JSON.stringify(key), id);
  }

  findByCode(code: string): MatchRow | null {
    this.commitPending();
    const r = this.q.byCode.get(code);
    return r ? toRow(r) : null;
  }

  readMatch(id: string): MatchRecord | null {
    this.commitPending();
    const r = this.q.byId.get(id);
    if (!r) return null;
    type Seq = { seq: number; at: number };
    return {
      ...toRow(r),
      participants: (this.q.participants.all(id) as { seat: Seat; name: string; at: number }[]).map((x) => ({ ...x, at: Number(x.at) })),
      log: (this.q.log.all(id) as (Seq & { entry: string })[]).map((x) => ({ seq: Number(x.seq), at: Number(x.at), entry: JSON.parse(x.entry) })),
      events: (this.q.events.all(id) as (Seq & { event: string })[]).map((x) => ({ seq: Number(x.seq), at: Number(x.at), entry: JSON.parse(x.event) })),
      rounds: (this.q.rounds.all(id) as { meters: string }[]).map((x) => JSON.parse(x.meters)),
      chat: this.q.chat.all(id).map((x) => ({ id: Number(x.id), channel: String(x.channel), seat: String(x.seat) as Seat, name: String(x.name), text: String(x.text), at: Number(x.at) })),
    };
  }

  listOpenMatches(limit = 50): MatchRow[] {
    this.commitPending();
    return this.q.listOpen.all(limit).map(toRow);
  }

  listMatches(limit = 100): MatchRow[] {
    this.commitPending();
    return this.q.list.all(limit).map(toRow);
  }

  appendProgress(id: string, p: Progress): void {
    const at = Date.now();
    const log = p.log.map((e) => JSON.stringify(e));
    const events = p.events.map((e) => JSON.stringify(e));
    const rounds = p.rounds.map((r) => [r.round, JSON.stringify(r)] as const);
    const clock = p.clock ? JSON.stringify(p.clock) : null;
    this.write(() => {
      log.forEach((e, i) => this.q.insertLog.run(id, p.logFrom + i, at, e));
      events.forEach((e, i) => this.q.insertEvent.run(id, p.eventsFrom + i, at, e));
      for (const [round, meters] of rounds) this.q.insertRound.run(id, round, meters);
      if (p.phase !== undefined) this.q.updateMatch.run(p.round ?? 1, p.phase, p.ended ?? null, clock, id);
    });
  }

  appendChat(id: string, m: ChatMessage): void {
    this.write(() => this.q.insertChat.run(id, m.id, m.channel, m.seat, m.name, m.text, m.at));
  }

  addParticipant(id: string, seat: Seat, name: string, at: number): void {
    this.write(() => this.q.insertParticipant.run(id, seat, name, at));
  }

  setClock(id: string, clock: ClockRecord): void {
    const text = JSON.stringify(clock);
    this.write(() => this.q.setClock.run(text, id));
  }

  afterWrite(f: () => void): void {
    this.waiting.push(f);
    this.schedule();
  }

  close(): void {
    if (!this.db.isOpen) return;
    this.flush();
    void this.checkpointer?.terminate();
    this.checkpointer = null;
    this.db.close();
  }

  /**
   * Queues a write for this turn's transaction. The transaction runs at the end of the turn in one
   * go, so no lock is held between turns (another connection to the file, like the session store,
   * never waits on us). One write's statements stay all-or-nothing: a savepoint undoes them.
   */
  private write(f: () => void): void {
    this.pending.push(f);
    this.schedule();
  }

  private schedule(): void {
    if (this.flushing) return;
    this.flushing = true;
    setImmediate(() => this.flush());
  }

  /** Run the queued writes in one transaction. Reads call this first, so they see every write. */
  private commitPending(): void {
    if (!this.pending.length) return;
    const pending = this.pending;
    this.pending = [];
    this.q.begin.run();
    for (const f of pending) {
      this.q.savepoint.run();
      try {
        f();
        this.q.release.run();
      } catch (e) {
        this.q.rollbackTo.run();
        this.q.release.run();
        console.error('[store] write failed', e);
      }
    }
    try {
      this.q.commit.run();
    } catch (e) {
      // The batch is lost (a full or failing disk). Rooms still answer, as they did when a single
      // write failed after the match had moved on; the log says why.
      console.error('[store] commit failed', e);
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
    }
  }

  /** Commit this turn's writes, then tell whoever waited for them. */
  private flush(): void {
    this.flushing = false;
    if (!this.db.isOpen) return;
    this.commitPending();
    const waiting = this.waiting;
    this.waiting = [];
    for (const f of waiting) {
      try {
        f();
      } catch (e) {
        console.error('[store] after-write callback failed', e);
      }
    }
  }
}
