// Bots whose decision is slow decide on a small pool of threads, off the event loop. The search
// bot plays out many futures for each move (a normal-level decision took about 70 ms at p95):
// inline, every other room on the server waited for it. Personality bots decide in microseconds
// and stay inline (play.ts). A thread runs the same shared/bots code on a copy of the match, so a
// decision is the one the room would have made inline (botActions is a function of the match).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { defaultStrategy, SEARCH_LEVELS, type Difficulty } from '../../shared/bots/index.js';
import type { Action } from '../../shared/engine/actions.js';
import type { Match } from '../../shared/engine/index.js';
import type { PlayingSeat, Scenario } from '../../shared/scenario/schema.js';

/** What a thread is asked: a match without its scenario (sent once per thread under `key`). */
export interface Job {
  id: number;
  key: number;
  scenario?: Scenario;
  match: Omit<Match, 'scenario'> & { scenario: null };
  seat: PlayingSeat;
  /** The search levels' wall-clock caps as this process has them, so a thread stops where inline would. */
  caps: Record<Difficulty, number>;
}
export type JobResult = { id: number; actions: Action[] } | { id: number; error: string };

const searchCaps = () => Object.fromEntries(Object.entries(SEARCH_LEVELS).map(([level, l]) => [level, l.timeMs])) as Record<Difficulty, number>;

/** Decisions that go to the pool: a search strategy's. */
export function slowDecision(m: Match, seat: PlayingSeat): boolean {
  return (m.seats[seat]?.strategy ?? defaultStrategy(seat)).startsWith('search');
}

interface Request {
  match: Match;
  seat: PlayingSeat;
  wanted?: () => boolean;
  resolve(actions: Action[] | null): void;
  reject(e: Error): void;
}

interface Thread {
  worker: Worker;
  busy: Request | null;
  /** Retires the thread when it has been idle for a while. */
  idle: NodeJS.Timeout | null;
  /** Scenario keys this thread holds. */
  sent: Set<number>;
}

/**
 * Threads start when first needed (a server whose rooms have no search bot starts none; the
 * first decision waits about a second for it) and stop after `idleMs` without work: each holds
 * its own copy of the engine and bots, about 50 MB.
 */
export class BotPool {
  private threads: Thread[] = [];
  private queue: Request[] = [];
  private keys = new WeakMap<Scenario, number>();
  private nextKey = 1;
  private nextId = 1;
  private failures = 0;
  private closed = false;

  constructor(
    readonly size = Math.max(1, Math.min(4, availableParallelism() - 1)),
    private idleMs = 5 * 60_000,
  ) {}

  /** Threads running now. */
  get threadCount(): number {
    return this.threads.length;
  }

  /**
   * The actions `seat`'s bot takes in `match`, decided on a thread; null if, when a thread is
   * free for it, the decision is no longer `wanted` (its room moved on).
   */
  decide(match: Match, seat: PlayingSeat, wanted?: () => boolean): Promise<Action[] | null> {
    if (this.closed) return Promise.reject(new Error('the bot pool is closed'));
    if (this.failures >= 3) return Promise.reject(new Error('the bot pool failed to start its threads'));
    return new Promise((resolve, reject) => {
      this.queue.push({ match, seat, wanted, resolve, reject });
      this.pump();
    });
  }

  /** Decisions waiting or under way. */
  get pending(): number {
    return this.queue.length + this.threads.filter((t) => t.busy).length;
  }

  close(): void {
    this.closed = true;
    for (const r of this.queue.splice(0)) r.reject(new Error('the bot pool is closed'));
    for (const t of this.threads.splice(0)) {
      if (t.idle) clearTimeout(t.idle);
      t.busy?.reject(new Error('the bot pool is closed'));
      void t.worker.terminate();
    }
  }

  private pump(): void {
    while (this.queue.length && !this.closed) {
      const thread = this.threads.find((t) => !t.busy) ?? (this.threads.length < this.size ? this.start() : null);
      if (!thread) return;
      const r = this.queue.shift()!;
      if (r.wanted && !r.wanted()) {
        r.resolve(null);
        continue;
      }
      thread.busy = r;
      if (thread.idle) clearTimeout(thread.idle);
      thread.idle = null;
      const scenario = r.match.scenario;
      let key = this.keys.get(scenario);
      if (key === undefined) this.keys.set(scenario, (key = this.nextKey++));
      const job: Job = { id: this.nextId++, key, match: { ...r.match, scenario: null }, seat: r.seat, caps: searchCaps() };
      if (!thread.sent.has(key)) {
        job.scenario = scenario;
        thread.sent.add(key);
      }
      thread.worker.postMessage(job);
    }
  }

  private start(): Thread {
    // execArgv []: the entry loads tsx itself, under any runner (npm start, tests, benches).
    const worker = new Worker(new URL('./botWorker.mjs', import.meta.url), { execArgv: [] });
    worker.unref();
    const thread: Thread = { worker, busy: null, idle: null, sent: new Set() };
    worker.on('message', (out: JobResult) => {
      const r = thread.busy;
      thread.busy = null;
      this.failures = 0;
      if (r) {
        if ('error' in out) r.reject(new Error(out.error));
        else r.resolve(out.actions);
      }
      this.pump();
      if (!thread.busy && !this.closed) {
        thread.idle = setTimeout(() => this.retire(thread), this.idleMs);
        thread.idle.unref();
      }
    });
    const lost = (e: Error) => {
      if (!this.threads.includes(thread)) return;
      this.threads.splice(this.threads.indexOf(thread), 1);
      this.failures++;
      thread.busy?.reject(e);
      thread.busy = null;
      if (!this.closed) console.error('[bots] a bot thread stopped', e);
      if (this.failures >= 3) for (const q of this.queue.splice(0)) q.reject(e);
      else this.pump();
    };
    worker.on('error', lost);
    // A retired thread is out of `threads` before it exits: its exit is not a loss.
    worker.on('exit', (code) => lost(new Error(`bot thread exited with code ${code}`)));
    this.threads.push(thread);
    return thread;
  }

  private retire(thread: Thread): void {
    if (thread.busy || !this.threads.includes(thread)) return;
    this.threads.splice(this.threads.indexOf(thread), 1);
    void thread.worker.terminate();
  }
}
