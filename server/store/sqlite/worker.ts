// The store's thread: owns the SQLite connection (db.ts) and answers the event loop's calls in
// order, so a slow or locked database holds up this thread, never the rooms.
import { parentPort, workerData } from 'node:worker_threads';
import { startCheckpointer } from './checkpointer.js';
import { SqliteDb, type SqliteOptions } from './db.js';

export interface Call {
  id: number;
  method: keyof SqliteDb;
  args: unknown[];
}

export type Answer = { id: number; value: unknown } | { id: number; error: string; errcode?: number };

const { path, options } = workerData as { path: string; options: SqliteOptions };
let db: SqliteDb;
try {
  db = new SqliteDb(path, options);
} catch (e) {
  parentPort!.postMessage({ id: 0, error: e instanceof Error ? e.message : String(e) } satisfies Answer);
  process.exit(1);
}
// Checkpoints (copying the write-ahead log into the database, with a disk sync) run on their own
// thread, so this one only appends to the log.
if (path !== ':memory:') startCheckpointer(path, db);
parentPort!.postMessage({ id: 0, value: 'ready' } satisfies Answer);

parentPort!.on('message', (call: Call) => {
  let answer: Answer;
  try {
    const value = (db[call.method] as (...a: unknown[]) => unknown).apply(db, call.args);
    answer = { id: call.id, value };
  } catch (e) {
    answer = { id: call.id, error: e instanceof Error ? e.message : String(e), errcode: (e as { errcode?: number }).errcode };
  }
  parentPort!.postMessage(answer);
  if (call.method === 'close') process.exit(0);
});
