// The store a server runs on: PostgreSQL when a database URL is given (several processes share
// it), else the embedded SQLite file (one process).
import { PostgresStore } from './postgres/store.js';
import type { Store } from './sessionStore.js';
import { SqliteStore } from './sqlite/store.js';
import type { RetryPolicy } from './writeQueue.js';

export interface StoreConfig {
  /** The SQLite file (default data/parity.db). */
  path: string;
  /** A PostgreSQL connection string (DATABASE_URL): used instead of the file. */
  databaseUrl?: string;
  /** SQLite only: cap the file at this many 4 KiB pages (writes past it are refused, as on a full disk). */
  maxPages?: number;
  /** PostgreSQL only: the least time between the starts of two batches (default BATCH_GAP_MS). */
  batchGapMs?: number;
  retry?: RetryPolicy;
}

export interface OpenStore extends Store {
  /** Resolves once the database is open and its schema up to date. */
  readonly ready: Promise<void>;
  readonly kind: 'sqlite' | 'postgres';
}

export function openStore(c: StoreConfig): OpenStore {
  if (c.databaseUrl) return new PostgresStore(c.databaseUrl, c.retry, c.batchGapMs);
  return new SqliteStore(c.path, { maxPages: c.maxPages }, c.retry);
}
