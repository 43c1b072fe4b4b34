// Where the embedded store's writes run: a thread with its own connection (writerThread.ts). A
// batch's statements and its commit took ~50–90 µs a write on the rooms' event loop (about a
// sixth of the server's time per message at 1,000 rooms); here the loop only hands the batch over
// as one JSON string and reads the answer. Reads stay on the loop's connection (WAL: they never
// wait for the writer), and see every write once its call has resolved.
import { Worker } from 'node:worker_threads';
import { StoreUnavailable } from '../matchStore.js';
import type { SqliteDb, SqliteOptions } from './db.js';

/** SqliteDb's methods that change the database: only the writer thread calls them. */
export const WRITE_METHODS = [
  'commit',
  'createMatch',
  'setSeatKey',
  'claim',
  'renewLeases',
  'release',
  'releaseAll',
  'claimDue',
  'createSession',
  'addRoom',
  'log',
  'saveScenario',
  'claimScenario',
  'dropUnclaimedScenarios',
] as const satisfies readonly (keyof SqliteDb)[];
export type WriteMethod = (typeof WRITE_METHODS)[number];

/** A call to the thread; a batch (`commit`) goes as one JSON string, cheaper to hand over than the objects. */
export interface WriterCall {
  id: number;
  method: WriteMethod;
  args: unknown[];
}

/** The thread's answer (id 0: it is ready, or could not open the database). */
export type WriterAnswer = { id: number; value: unknown } | { id: number; error: string; errcode?: number };

/** An error of a write on the thread, with SQLite's code when it has one (so busy, full … map as on the loop). */
export class WriterError extends Error {
  constructor(
    message: string,
    readonly errcode?: number,
  ) {
    super(message);
  }
}

export class SqliteWriter {
  readonly ready: Promise<void>;
  private worker: Worker | null = null;
  private waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void; worker: Worker }>();
  private next = 1;
  private closed = false;

  constructor(
    private path: string,
    private options: SqliteOptions,
  ) {
    this.ready = this.start();
    this.ready.catch(() => undefined);
  }

  call(method: WriteMethod, args: unknown[]): Promise<unknown> {
    if (this.closed) return Promise.reject(new StoreUnavailable('the store is closed'));
    // A thread that stopped (it crashed) is started again for the next call.
    if (!this.worker) void this.start().catch(() => undefined);
    const id = this.next++;
    const worker = this.worker!;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, worker });
      worker.postMessage({ id, method, args: method === 'commit' ? [JSON.stringify(args[0])] : args } satisfies WriterCall);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const w = this.worker;
    this.worker = null;
    await w?.terminate();
  }

  private start(): Promise<void> {
    const worker = new Worker(new URL('./writerWorker.mjs', import.meta.url), { execArgv: [], workerData: { path: this.path, options: this.options } });
    this.worker = worker;
    return new Promise((ready, failed) => {
      worker.on('message', (a: WriterAnswer) => {
        if (a.id === 0) return 'error' in a ? failed(new WriterError(a.error, a.errcode)) : ready();
        const w = this.waiting.get(a.id);
        this.waiting.delete(a.id);
        if ('error' in a) w?.reject(new WriterError(a.error, a.errcode));
        else w?.resolve(a.value);
      });
      // Its calls are refused as storage unavailable; the next call starts another thread.
      const stopped = (why: string) => {
        if (this.worker === worker) this.worker = null;
        failed(new StoreUnavailable(why));
        for (const [id, w] of this.waiting) {
          if (w.worker !== worker) continue;
          this.waiting.delete(id);
          w.reject(new StoreUnavailable(why));
        }
      };
      worker.on('error', (e) => stopped(`the store's writer failed: ${e.message}`));
      worker.on('exit', () => stopped("the store's writer stopped"));
    });
  }
}
