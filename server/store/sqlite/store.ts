// The embedded store: one SQLite file, its connection on a thread of its own (worker.ts → db.ts),
// so that a slow disk or another process's lock never holds up the rooms' event loop. The rooms'
// turns are grouped per batch (writeQueue.ts). For one process: several share a database only
// through PostgreSQL (postgres/store.ts).
import { Worker } from 'node:worker_threads';
import type { FacilitatorLogEntry } from '../../../shared/protocol/index.js';
import { StoreUnavailable, type MatchRecord, type MatchRow, type MatchWrite, type NewMatch } from '../matchStore.js';
import type { NewLogEntry, SessionRoom, SessionRow, Store, UploadedScenarioRow, Usage } from '../sessionStore.js';
import { WriteQueue, type RetryPolicy, type WriteOutcome } from '../writeQueue.js';
import type { SqliteDb, SqliteOptions } from './db.js';
import type { Answer, Call } from './worker.js';

/** SQLite's errors of a database that cannot take the write now (busy, locked, full, I/O …). */
const UNAVAILABLE = new Set([5, 6, 7, 8, 10, 13, 14]);

type Methods = { [K in keyof SqliteDb]: SqliteDb[K] extends (...a: infer A) => infer R ? (...a: A) => R : never };

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly ready: Promise<void>;
  private worker: Worker | null = null;
  private nextId = 1;
  private waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private writes: WriteQueue;
  private closing = false;

  constructor(
    private path: string,
    private options: SqliteOptions = {},
    retry?: RetryPolicy,
  ) {
    this.ready = this.start();
    // The batch travels as one JSON string: stringifying is several times cheaper for this
    // thread than the structured clone of the writes' objects (a profile had postMessage at 13%).
    this.writes = new WriteQueue((batch) => this.call('commitText', JSON.stringify(batch)) as Promise<WriteOutcome[]>, retry);
  }

  /** Starts the thread; resolves once it opened the database (and brought its schema up to date). */
  private start(): Promise<void> {
    // execArgv []: the entry loads tsx itself, under any runner (npm start, tests, benches).
    const worker = new Worker(new URL('./worker.mjs', import.meta.url), { execArgv: [], workerData: { path: this.path, options: this.options } });
    this.worker = worker;
    const ready = new Promise<void>((resolve, reject) => this.waiting.set(0, { resolve: () => resolve(), reject }));
    worker.on('message', (a: Answer) => {
      const w = this.waiting.get(a.id);
      if (!w) return;
      this.waiting.delete(a.id);
      if ('error' in a) w.reject(UNAVAILABLE.has((a.errcode ?? 0) & 0xff) ? new StoreUnavailable(a.error) : new Error(a.error));
      else w.resolve(a.value);
    });
    const gone = (why: string) => {
      if (this.worker !== worker) return;
      this.worker = null;
      for (const w of this.waiting.values()) w.reject(new StoreUnavailable(why));
      this.waiting.clear();
    };
    worker.on('error', (e) => {
      console.error('[store] thread failed', e);
      gone(e.message);
    });
    worker.on('exit', (code) => gone(`the store thread exited (${code})`));
    return ready;
  }

  private call<K extends keyof Methods>(method: K, ...args: Parameters<Methods[K]>): Promise<ReturnType<Methods[K]>> {
    if (!this.worker) {
      if (this.closing) return Promise.reject(new StoreUnavailable('the store is closed'));
      // The thread died (it is started again: whatever it was doing was refused).
      void this.start().catch((e) => console.error('[store] could not restart its thread', e));
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker!.postMessage({ id, method, args } satisfies Call);
    });
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
  claim(matchId: string, owner: string, leaseMs: number): Promise<boolean> {
    return this.call('claim', matchId, owner, leaseMs);
  }
  renewLeases(owner: string, matchIds: string[], leaseMs: number) {
    return this.call('renewLeases', owner, matchIds, leaseMs);
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
  logLength(matchId: string): Promise<number> {
    return this.call('logLength', matchId);
  }

  async close(): Promise<void> {
    if (this.closing) return;
    await this.writes.close();
    this.closing = true;
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise((r) => worker.once('exit', r));
    await this.call('close').catch(() => undefined);
    await exited;
  }
}
