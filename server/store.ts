// Where matches live between messages and restarts. One small interface, so a hosted deployment
// can put PostgreSQL behind it later; the embedded implementation is Node's built-in SQLite.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { LogEntry, MatchEvent, RoundMeters, SeatConfig } from '../shared/engine/index.js';
import type { Phase } from '../shared/scenario/schema.js';

export type Timers = Record<Phase, number>;

/** The phase clock as it must survive a restart. */
export interface ClockRecord {
  paused: boolean;
  /** Epoch ms when the running phase ends (0 while paused). */
  endsAt: number;
  /** Ms left while paused. */
  remaining: number;
}

export interface NewMatch {
  id: string;
  code: string;
  scenario: string;
  name: string;
  seed: number;
  seats: SeatConfig;
  timers: Timers;
  tokenHash: string;
  createdAt: number;
  /** Shown in the public list of open matches (casual play); class matches are not. */
  listed?: boolean;
}

export interface MatchRow extends NewMatch {
  round: number;
  phase: Phase;
  ended: string | null;
  clock: ClockRecord | null;
}

export interface ChatMessage {
  id: number;
  channel: string;
  seat: string;
  name: string;
  text: string;
  at: number;
}

export interface StoredEntry<T> {
  seq: number;
  at: number;
  entry: T;
}

export interface MatchRecord extends MatchRow {
  participants: { seat: string; name: string; at: number }[];
  log: StoredEntry<LogEntry>[];
  events: StoredEntry<MatchEvent>[];
  rounds: RoundMeters[];
  chat: ChatMessage[];
}

/** What changed in a match since the last write: appended in one transaction. */
export interface Progress {
  log: LogEntry[];
  logFrom: number;
  events: MatchEvent[];
  eventsFrom: number;
  rounds: RoundMeters[];
  round: number;
  phase: Phase;
  ended: string | null;
  clock: ClockRecord | null;
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
  addParticipant(id: string, seat: string, name: string, at: number): void;
  setClock(id: string, clock: ClockRecord): void;
  close(): void;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS matches (
  id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, scenario TEXT NOT NULL, name TEXT NOT NULL,
  seed INTEGER NOT NULL, seats TEXT NOT NULL, timers TEXT NOT NULL, token_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL, round INTEGER NOT NULL DEFAULT 1, phase TEXT NOT NULL DEFAULT 'news',
  ended TEXT, clock TEXT);
CREATE TABLE IF NOT EXISTS participants (match_id TEXT NOT NULL, seat TEXT NOT NULL, name TEXT NOT NULL, at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS log (match_id TEXT NOT NULL, seq INTEGER NOT NULL, at INTEGER NOT NULL, entry TEXT NOT NULL, PRIMARY KEY (match_id, seq));
CREATE TABLE IF NOT EXISTS events (match_id TEXT NOT NULL, seq INTEGER NOT NULL, at INTEGER NOT NULL, event TEXT NOT NULL, PRIMARY KEY (match_id, seq));
CREATE TABLE IF NOT EXISTS rounds (match_id TEXT NOT NULL, round INTEGER NOT NULL, meters TEXT NOT NULL, PRIMARY KEY (match_id, round));
CREATE TABLE IF NOT EXISTS chat (match_id TEXT NOT NULL, id INTEGER NOT NULL, channel TEXT NOT NULL, seat TEXT NOT NULL,
  name TEXT NOT NULL, text TEXT NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (match_id, id));
CREATE INDEX IF NOT EXISTS participants_match ON participants (match_id);
`;

interface Row {
  id: string;
  code: string;
  scenario: string;
  name: string;
  seed: number;
  seats: string;
  timers: string;
  token_hash: string;
  created_at: number;
  round: number;
  phase: string;
  ended: string | null;
  clock: string | null;
  listed?: number;
}

const toRow = (r: Row): MatchRow => ({
  id: r.id,
  code: r.code,
  scenario: r.scenario,
  name: r.name,
  seed: Number(r.seed),
  seats: JSON.parse(r.seats),
  timers: JSON.parse(r.timers),
  tokenHash: r.token_hash,
  createdAt: Number(r.created_at),
  round: Number(r.round),
  phase: r.phase as Phase,
  ended: r.ended,
  clock: r.clock ? JSON.parse(r.clock) : null,
  listed: Number(r.listed ?? 0) === 1,
});

export class SqliteStore implements MatchStore {
  private db: DatabaseSync;
  private q: Record<string, StatementSync>;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new DatabaseSync(path);
    // WAL: writers don't block readers; NORMAL sync survives a killed process (not a power cut).
    this.db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;');
    this.db.exec(SCHEMA);
    // Databases made before the public list lack its column.
    const columns = this.db.prepare(`PRAGMA table_info(matches)`).all() as { name: string }[];
    if (!columns.some((c) => c.name === 'listed')) this.db.exec('ALTER TABLE matches ADD COLUMN listed INTEGER NOT NULL DEFAULT 0');
    const p = (sql: string) => this.db.prepare(sql);
    this.q = {
      insertMatch: p(`INSERT INTO matches (id, code, scenario, name, seed, seats, timers, token_hash, created_at, listed) VALUES (?,?,?,?,?,?,?,?,?,?)`),
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
    };
  }

  createMatch(m: NewMatch): void {
    this.q.insertMatch.run(m.id, m.code, m.scenario, m.name, m.seed, JSON.stringify(m.seats), JSON.stringify(m.timers), m.tokenHash, m.createdAt, m.listed ? 1 : 0);
  }

  findByCode(code: string): MatchRow | null {
    const r = this.q.byCode.get(code) as Row | undefined;
    return r ? toRow(r) : null;
  }

  readMatch(id: string): MatchRecord | null {
    const r = this.q.byId.get(id) as Row | undefined;
    if (!r) return null;
    type Seq = { seq: number; at: number };
    return {
      ...toRow(r),
      participants: (this.q.participants.all(id) as { seat: string; name: string; at: number }[]).map((x) => ({ ...x, at: Number(x.at) })),
      log: (this.q.log.all(id) as (Seq & { entry: string })[]).map((x) => ({ seq: Number(x.seq), at: Number(x.at), entry: JSON.parse(x.entry) })),
      events: (this.q.events.all(id) as (Seq & { event: string })[]).map((x) => ({ seq: Number(x.seq), at: Number(x.at), entry: JSON.parse(x.event) })),
      rounds: (this.q.rounds.all(id) as { meters: string }[]).map((x) => JSON.parse(x.meters)),
      chat: (this.q.chat.all(id) as unknown as ChatMessage[]).map((x) => ({ ...x, id: Number(x.id), at: Number(x.at) })),
    };
  }

  listOpenMatches(limit = 50): MatchRow[] {
    return (this.q.listOpen.all(limit) as unknown as Row[]).map(toRow);
  }

  listMatches(limit = 100): MatchRow[] {
    return (this.q.list.all(limit) as unknown as Row[]).map(toRow);
  }

  appendProgress(id: string, p: Progress): void {
    const at = Date.now();
    this.transaction(() => {
      p.log.forEach((e, i) => this.q.insertLog.run(id, p.logFrom + i, at, JSON.stringify(e)));
      p.events.forEach((e, i) => this.q.insertEvent.run(id, p.eventsFrom + i, at, JSON.stringify(e)));
      for (const r of p.rounds) this.q.insertRound.run(id, r.round, JSON.stringify(r));
      this.q.updateMatch.run(p.round, p.phase, p.ended, p.clock ? JSON.stringify(p.clock) : null, id);
    });
  }

  appendChat(id: string, m: ChatMessage): void {
    this.q.insertChat.run(id, m.id, m.channel, m.seat, m.name, m.text, m.at);
  }

  addParticipant(id: string, seat: string, name: string, at: number): void {
    this.q.insertParticipant.run(id, seat, name, at);
  }

  setClock(id: string, clock: ClockRecord): void {
    this.q.setClock.run(JSON.stringify(clock), id);
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }

  private transaction(f: () => void): void {
    this.db.exec('BEGIN');
    try {
      f();
      this.db.exec('COMMIT');
    } catch (e) {
      this.db.exec('ROLLBACK');
      throw e;
    }
  }
}
