// The embedded store: one SQLite file (db.ts) for one process. Its statements run on the event
// loop's thread but never wait: a locked database fails at once and the write queue tries the
// batch again on a timer, so a lock held elsewhere holds up no room; the rooms' turns are grouped
// per batch (writeQueue.ts), and checkpoints (with their disk syncs) run on a thread of their own.
// (Measured against the connection on a worker thread, back to back at 1,000 rooms on a busy
// 2-core machine: p50 444–525 ms against 893–1,572 ms; the hand-offs between threads cost more
// than the statements.) Several processes share a database only through PostgreSQL.
import type { Worker } from 'node:worker_threads';
import type { FacilitatorLogEntry } from '../../../shared/protocol/index.js';
import type { PlayingSeat } from '../../../shared/scenario/schema.js';
import { StoreUnavailable, type MatchRecord, type MatchRow, type MatchWrite, type NewMatch } from '../matchStore.js';
import type { NewLogEntry, SessionRoom, SessionRow, Store, UploadedScenarioRow, Usage } from '../sessionStore.js';
import { WriteQueue, type RetryPolicy } from '../writeQueue.js';
import { startCheckpointer } from './checkpointer.js';
import { SqliteDb, type SqliteOptions } from './db.js';

/** SQLite's errors of a database that cannot take the write now (busy, locked, full, I/O …). */
const UNAVAILABLE = new Set([5, 6, 7, 8, 10, 13, 14]);

type Methods = { [K in keyof SqliteDb]: SqliteDb[K] extends (...a: infer A) => infer R ? (...a: A) => R : never };

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly ready: Promise<void>;
  private db: SqliteDb | null = null;
  private checkpointer: Worker | null = null;
  private writes: WriteQueue;

  constructor(path: string, options: SqliteOptions = {}, retry?: RetryPolicy) {
    try {
      this.db = new SqliteDb(path, options);
      if (path !== ':memory:') this.checkpointer = startCheckpointer(path, this.db);
      this.ready = Promise.resolve();
    } catch (e) {
      this.ready = Promise.reject(e);
      this.ready.catch(() => undefined);
    }
    this.writes = new WriteQueue(async (batch) => this.run('commit', batch), retry);
  }

  /** A statement's answer; a database that cannot answer now throws StoreUnavailable. */
  private run<K extends keyof Methods>(method: K, ...args: Parameters<Methods[K]>): ReturnType<Methods[K]> {
    if (!this.db) throw new StoreUnavailable('the store is closed');
    try {
      return (this.db[method] as (...a: unknown[]) => ReturnType<Methods[K]>).apply(this.db, args);
    } catch (e) {
      const code = (e as { errcode?: number }).errcode ?? 0;
      throw UNAVAILABLE.has(code & 0xff) ? new StoreUnavailable((e as Error).message) : e;
    }
  }

  /** `run`, tried again on a timer for up to a second while another connection holds a lock (the rooms' batches have their own retries). */
  private async call<K extends keyof Methods>(method: K, ...args: Parameters<Methods[K]>): Promise<ReturnType<Methods[K]>> {
    const until = Date.now() + 1000;
    for (let pause = 10; ; pause = Math.min(100, pause * 2)) {
      try {
        return this.run(method, ...args);
      } catch (e) {
        if (!(e instanceof StoreUnavailable) || !/locked|busy/i.test(e.why) || Date.now() + pause > until) throw e;
        await new Promise((r) => setTimeout(r, pause));
      }
    }
  }

  write(w: MatchWrite): Promise<void> {
    return this.writes.write(w);
  }

  createMatch(m: NewMatch) {
    return this.call('createMatch', m);
  }
  findByCode(code: string): Promise<MatchRow | null> {
    return this.call('findByCode', code);
  }
  readMatch(id: string): Promise<MatchRecord | null> {
    return this.call('readMatch', id);
  }
  listMatches(limit?: number): Promise<MatchRow[]> {
    return this.call('listMatches', limit);
  }
  listOpenMatches(limit?: number): Promise<MatchRow[]> {
    return this.call('listOpenMatches', limit);
  }
  setSeatKey(id: string, seat: PlayingSeat, key: { v: number; hash: string }) {
    return this.call('setSeatKey', id, seat, key);
  }
  claim(matchId: string, owner: string, leaseMs: number): Promise<boolean> {
    return this.call('claim', matchId, owner, leaseMs);
  }
  renewOwner(owner: string, leaseMs: number) {
    return this.call('renewOwner', owner, leaseMs);
  }
  release(matchId: string, owner: string) {
    return this.call('release', matchId, owner);
  }
  releaseAll() {
    return this.call('releaseAll');
  }
  claimDue(owner: string, now: number, leaseMs: number, limit: number): Promise<string[]> {
    return this.call('claimDue', owner, now, leaseMs, limit);
  }

  createSession(s: SessionRow) {
    return this.call('createSession', s);
  }
  readSession(id: string): Promise<SessionRow | null> {
    return this.call('readSession', id);
  }
  addRoom(r: SessionRoom) {
    return this.call('addRoom', r);
  }
  rooms(sessionId: string): Promise<SessionRoom[]> {
    return this.call('rooms', sessionId);
  }
  roomOf(matchId: string): Promise<SessionRoom | null> {
    return this.call('roomOf', matchId);
  }
  log(row: NewLogEntry): Promise<FacilitatorLogEntry> {
    return this.call('log', row);
  }
  readLog(sessionId: string, matchId?: string): Promise<FacilitatorLogEntry[]> {
    return this.call('readLog', sessionId, matchId);
  }
  usage(sessionId: string): Promise<Map<string, Usage>> {
    return this.call('usage', sessionId);
  }
  saveScenario(s: UploadedScenarioRow) {
    return this.call('saveScenario', s);
  }
  readScenario(id: string): Promise<UploadedScenarioRow | null> {
    return this.call('readScenario', id);
  }
  claimScenario(id: string, sessionId: string) {
    return this.call('claimScenario', id, sessionId);
  }
  dropUnclaimedScenarios(before: number): Promise<string[]> {
    return this.call('dropUnclaimedScenarios', before);
  }
  unclaimedScenarioBytes(): Promise<number> {
    return this.call('unclaimedScenarioBytes');
  }
  logLength(matchId: string): Promise<number> {
    return this.call('logLength', matchId);
  }

  async close(): Promise<void> {
    await this.writes.close();
    await this.checkpointer?.terminate();
    this.checkpointer = null;
    this.db?.close();
    this.db = null;
  }
}
