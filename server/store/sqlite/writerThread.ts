// The SQLite writer thread (writer.ts): its own connection to the file takes every write — the
// rooms' batches and the rest — in the order they come, so the statements and the commits' log
// appends run beside the rooms' event loop, not on it. Reads stay on the loop's connection.
import { parentPort, workerData } from 'node:worker_threads';
import { startCheckpointer } from './checkpointer.js';
import { SqliteDb, type SqliteOptions } from './db.js';
import type { WriterAnswer, WriterCall } from './writer.js';

const { path, options } = workerData as { path: string; options: SqliteOptions };
let db: SqliteDb;
try {
  db = new SqliteDb(path, options);
} catch (e) {
  parentPort!.postMessage({ id: 0, error: e instanceof Error ? e.message : String(e), errcode: (e as { errcode?: number }).errcode } satisfies WriterAnswer);
  process.exit(1);
}
// Checkpoints (copying the write-ahead log into the database, with a disk sync) run on a thread
// of their own, so this one only appends to the log.
startCheckpointer(path, db);
parentPort!.postMessage({ id: 0, value: 'ready' } satisfies WriterAnswer);

parentPort!.on('message', (call: WriterCall) => {
  let answer: WriterAnswer;
  try {
    const args = call.method === 'commit' ? [JSON.parse(call.args[0] as string)] : call.args;
    answer = { id: call.id, value: (db[call.method] as (...a: unknown[]) => unknown).apply(db, args) };
  } catch (e) {
    answer = { id: call.id, error: e instanceof Error ? e.message : String(e), errcode: (e as { errcode?: number }).errcode };
  }
  parentPort!.postMessage(answer);
});
