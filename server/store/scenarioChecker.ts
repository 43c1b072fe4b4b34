// One worker thread that parses and validates scenario files (scenarioThread.ts), started when
// first needed: an upload or a stored upload being loaded never blocks the rooms' event loop.
import { Worker } from 'node:worker_threads';
import type { Mediator, Scenario, Text } from '../../shared/scenario/schema.js';

export type CheckJob = { id: number; kind: 'upload'; text: string; maxBytes: number } | { id: number; kind: 'load'; body: string };

/** An accepted upload: its new id and the validated scenario as text, ready to store. */
export interface CheckedUpload {
  id: string;
  originalId: string;
  body: string;
  title: Text;
  rounds: number;
  mediators: Mediator[];
}

export type CheckResult = { id: number; ok: true; upload?: CheckedUpload; scenario?: Scenario } | { id: number; ok: false; errors: string[] };

export class ScenarioChecker {
  private worker: Worker | null = null;
  private next = 1;
  private waiting = new Map<number, (r: CheckResult) => void>();
  private idle: NodeJS.Timeout | null = null;

  /** `idleMs`: a thread with nothing to do stops then, giving back the memory its parsing took. */
  constructor(
    private dir?: string,
    private idleMs = 60_000,
  ) {}

  /** Validate an uploaded file's text (or `{"text": …}`). */
  upload(text: string, maxBytes: number): Promise<CheckResult> {
    return this.ask({ id: this.next++, kind: 'upload', text, maxBytes });
  }

  /** Parse and validate a stored upload. */
  load(body: string): Promise<CheckResult> {
    return this.ask({ id: this.next++, kind: 'load', body });
  }

  /** Whether the thread runs now. */
  get running(): boolean {
    return this.worker !== null;
  }

  close(): void {
    if (this.idle) clearTimeout(this.idle);
    void this.worker?.terminate();
    this.worker = null;
  }

  private ask(job: CheckJob): Promise<CheckResult> {
    if (this.idle) clearTimeout(this.idle);
    return new Promise((resolve) => {
      this.waiting.set(job.id, resolve);
      this.thread().postMessage(job);
    });
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    // execArgv []: the entry loads tsx itself, under any runner (npm start, tests, benches).
    const worker = new Worker(new URL('./scenarioWorker.mjs', import.meta.url), { execArgv: [], workerData: { dir: this.dir } });
    worker.unref();
    worker.on('message', (r: CheckResult) => {
      const resolve = this.waiting.get(r.id);
      this.waiting.delete(r.id);
      resolve?.(r);
      if (!this.waiting.size) {
        this.idle = setTimeout(() => this.close(), this.idleMs);
        this.idle.unref();
      }
    });
    const fail = (why: string) => {
      if (this.worker === worker) this.worker = null;
      for (const [id, resolve] of this.waiting) resolve({ id, ok: false, errors: [`(file): the scenario checker stopped (${why}); try again`] });
      this.waiting.clear();
    };
    worker.on('error', (e) => fail(e.message));
    worker.on('exit', (code) => fail(`exit ${code}`));
    this.worker = worker;
    return worker;
  }
}
