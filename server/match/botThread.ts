// One bot-pool thread (botPool.ts): decides the moves of bots whose decision is slow (search),
// with the same shared/bots code the room would have run inline.
import { parentPort } from 'node:worker_threads';
import { botActions, SEARCH_LEVELS } from '../../shared/bots/index.js';
import type { Match } from '../../shared/engine/index.js';
import type { Scenario } from '../../shared/scenario/schema.js';
import type { Job, JobResult } from './botPool.js';

/** Scenarios by the pool's key: each is sent once per thread. */
const scenarios = new Map<number, Scenario>();

parentPort!.on('message', (job: Job) => {
  let out: JobResult;
  try {
    if (job.scenario) scenarios.set(job.key, job.scenario);
    for (const [level, ms] of Object.entries(job.caps)) SEARCH_LEVELS[level as keyof typeof SEARCH_LEVELS].timeMs = ms;
    const scenario = scenarios.get(job.key);
    if (!scenario) throw new Error(`scenario ${job.key} was never sent`);
    const match = { ...job.match, scenario } as Match;
    out = { id: job.id, actions: botActions(match, job.seat) };
  } catch (e) {
    out = { id: job.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  parentPort!.postMessage(out);
});
