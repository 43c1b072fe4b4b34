// Group commit, for either backend: the rooms' turns queued while one batch is being committed go
// together in the next, in one transaction. A batch that fails as a whole (a lock, a full disk, a
// lost connection) is tried again for a while; past that every write in it is refused
// (StoreUnavailable) and nothing of it is kept. One write that fails alone (its match is held by
// another process) is refused without holding the others back.
import { NotOwner, StoreUnavailable, type MatchWrite } from './matchStore.js';

/** Why one write of a batch was left out; null when it was kept. */
export type WriteOutcome = null | { notOwner: true } | { failed: string };

/** Commits a batch in one transaction, each write all-or-nothing; throws when the batch failed. */
export type CommitBatch = (writes: MatchWrite[]) => Promise<WriteOutcome[]>;

export interface RetryPolicy {
  /** How long a failing batch is tried again before its writes are refused. */
  retryForMs: number;
  /** The first pause between tries; it doubles up to a quarter of a second. */
  firstPauseMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retryForMs: 2500, firstPauseMs: 25 };

/**
 * A room has one write under way at a time, so batches in flight together never hold two writes
 * of one match: a database with several connections (PostgreSQL) takes the next batch while one
 * is still on its way, and a write waits for at most one batch before its own.
 */
export interface QueueOptions extends Partial<RetryPolicy> {
  /** Batches in flight at once (1 for SQLite's single connection). */
  inFlight?: number;
}

interface Queued {
  write: MatchWrite;
  resolve(): void;
  reject(e: Error): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class WriteQueue {
  private queued: Queued[] = [];
  private flying = 0;
  private scheduled = false;
  private idle: (() => void)[] = [];
  private closed = false;
  private policy: RetryPolicy;
  private inFlight: number;

  constructor(
    private commit: CommitBatch,
    o: QueueOptions = {},
  ) {
    this.policy = { ...DEFAULT_RETRY, ...o };
    this.inFlight = o.inFlight ?? 1;
  }

  write(w: MatchWrite): Promise<void> {
    if (this.closed) return Promise.reject(new StoreUnavailable('the store is closed'));
    return new Promise((resolve, reject) => {
      this.queued.push({ write: w, resolve, reject });
      // Rooms write in one callback (match/publish.ts): start once it is over, so every room of
      // that turn is in the batch.
      if (!this.scheduled && this.flying < this.inFlight) {
        this.scheduled = true;
        queueMicrotask(() => {
          this.scheduled = false;
          this.pump();
        });
      }
    });
  }

  /** Resolves once every write queued so far has been committed or refused. */
  drain(): Promise<void> {
    if (!this.queued.length && !this.flying && !this.scheduled) return Promise.resolve();
    return new Promise((r) => this.idle.push(r));
  }

  async close(): Promise<void> {
    await this.drain();
    this.closed = true;
  }

  private pump(): void {
    while (this.queued.length && this.flying < this.inFlight) {
      const batch = this.queued;
      this.queued = [];
      this.flying++;
      void this.attempt(batch.map((q) => q.write)).then((outcomes) => {
        batch.forEach((q, i) => {
          const o = outcomes instanceof Error ? outcomes : outcomes[i];
          if (o === null) q.resolve();
          else if (o instanceof Error) q.reject(o);
          else q.reject('notOwner' in o ? new NotOwner(q.write.matchId) : new StoreUnavailable(o.failed));
        });
        this.flying--;
        this.pump();
        if (!this.queued.length && !this.flying && !this.scheduled) for (const r of this.idle.splice(0)) r();
      });
    }
  }

  private async attempt(writes: MatchWrite[]): Promise<WriteOutcome[] | StoreUnavailable> {
    const until = Date.now() + this.policy.retryForMs;
    let pause = this.policy.firstPauseMs;
    for (let tries = 1; ; tries++) {
      try {
        return await this.commit(writes);
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        const left = until - Date.now();
        if (left <= 0) {
          console.error(`[store] ${writes.length} writes refused after ${tries} tries: ${why}`);
          return new StoreUnavailable(why);
        }
        // The last try comes at the end of the window.
        await sleep(Math.min(pause, left));
        pause = Math.min(250, pause * 2);
      }
    }
  }
}
