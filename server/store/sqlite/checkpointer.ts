// The SQLite checkpointer thread of the embedded store (sqlite/store.ts).
import { Worker } from 'node:worker_threads';

/**
 * A checkpoint copies the write-ahead log into the database file and syncs both to disk: up to
 * several ms with the disk sync, which on the event loop stalled every room (about one commit in
 * 300 paid it). A small thread with its own connection does it every quarter second instead; PASSIVE
 * never waits for the writer. While it runs the writer does not checkpoint; if it dies, the
 * writer does again.
 */
export function startCheckpointer(path: string, writer: { autoCheckpoints(on: boolean): void }): Worker | null {
  const code = `
    const { workerData } = require('node:worker_threads');
    const { DatabaseSync } = require('node:sqlite');
    const db = new DatabaseSync(workerData.path);
    db.exec('PRAGMA busy_timeout = 1000');
    const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
    setInterval(() => { try { checkpoint.get(); } catch {} }, 250);
  `;
  try {
    const worker = new Worker(code, { eval: true, workerData: { path } });
    worker.unref();
    worker.on('error', (e) => {
      console.error('[store] checkpointer failed', e);
      writer.autoCheckpoints(true);
    });
    writer.autoCheckpoints(false);
    return worker;
  } catch (e) {
    console.error('[store] no checkpointer', e);
    return null;
  }
}
