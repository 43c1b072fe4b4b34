// `npm run bench:scale`: two server processes on PostgreSQL and Redis (private instances,
// scripts/services.ts) with 500 rooms each — each room made and joined through one process or
// the other, its clients connected to the process holding it (its PARITY_PUBLIC_ADDRESS) — and,
// in the same invocation, one process on its embedded SQLite file with all 1,000 rooms; the same
// clients and pacing (bench/load.ts), the same figures, and the ratios. Each runs BENCH_RUNS
// times (fresh processes and services each time) in ABBA order, latencies pooled: single runs
// back to back gave ratios from 1.1 to 2.2 as the machine's load drifted, and two of each still
// 1.7 to 3.4 on unchanged code (one slow run of 24–29 ms could carry the pool); four of each
// (about 6 minutes) cancel more of the drift. The details line says
// where the CPU went (servers, this process's clients, postgres, redis-server) and how busy the
// machine was.
// Env: BENCH_ROOMS (1000 in all), BENCH_SECONDS (20), BENCH_RUNS (4 of each), BENCH_INTERVAL_MS
// (2000), BENCH_PORT (2580: the two processes use the next two ports), BENCH_NODE_ARGS (e.g.
// --cpu-prof), BENCH_VARIANT_ENV (e.g. "PARITY_X=1", or several separated by `;`): the two
// processes once more with each environment, in the same rotation (two, variants, one, then the
// other way round), each printed as `variant:` with its ratios — a change's effect measured in
// one invocation. BENCH_ONE_POSTGRES=1: also one process on PostgreSQL and Redis with all the rooms,
// in the same rotation, with its ratio to SQLite (the store's hop) and the two processes' to it
// (the second process). BENCH_WARMUP_SECONDS (10; 0: none): play on one process first, not counted —
// without it the rotation's first run (always two processes) was the slowest of its kind in each
// of four invocations (p95 22.7 against 15.6, 32.5/21.7, 137/21.7, 24.1/17.1 ms): this process's
// clients, it seems, not yet compiled and its heap not yet grown.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startParity, type ParityProcess } from '../scripts/parityProcess.js';
import { freshDatabase, startPostgres, startRedis } from '../scripts/services.js';
import { details, envWords, figures, newTally, parityRoom, playRun, sleep, tallyResult, variantEnvs, type LoadResult, type Tally } from './load.js';

const ROOMS = Number(process.env.BENCH_ROOMS ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 4));
const INTERVAL = Number(process.env.BENCH_INTERVAL_MS ?? 2000);
const PORT = Number(process.env.BENCH_PORT ?? 2580);
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 10);
const nodeArgs = envWords('BENCH_NODE_ARGS');
const load = () => `load ${loadavg()[0].toFixed(2)} on ${availableParallelism()} cores`;

const variants = variantEnvs(process.env.BENCH_VARIANT_ENV ?? '');
const ONE_POSTGRES = process.env.BENCH_ONE_POSTGRES === '1';

/** `count` processes on a fresh PostgreSQL and Redis, the rooms dealt out between them (room i through process i mod count). */
async function onPostgres(t: Tally, count: number, extra: Record<string, string> = {}) {
  const [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  const env = { DATABASE_URL: await freshDatabase(postgres.url), PARITY_REDIS_URL: redis.url, PARITY_GRACE: '3600', ...extra };
  const ports = Array.from({ length: count }, (_, i) => PORT + 1 + i);
  const procs: ParityProcess[] = [];
  try {
    for (const port of ports) procs.push(await startParity(port, { ...env, PARITY_PUBLIC_ADDRESS: `127.0.0.1:${port}` }, { nodeArgs }));
    await sleep(500);
    await playRun(t, { rooms: ROOMS, seconds: SECONDS, intervalMs: INTERVAL, make: parityRoom((i) => procs[i % count].url), pids: procs.map((p) => p.child.pid!), services: ['postgres', 'redis-server'] });
  } finally {
    await Promise.all(procs.map((p) => p.stop()));
    await Promise.all([postgres.stop(), redis.stop()]);
  }
}

async function oneProcess(t: Tally, seconds = SECONDS) {
  const dir = mkdtempSync(join(tmpdir(), 'parity-scale-'));
  const p = await startParity(PORT + 1, { PARITY_DB: join(dir, 'parity.db'), PARITY_GRACE: '3600' }, { nodeArgs });
  try {
    await sleep(500);
    await playRun(t, { rooms: ROOMS, seconds, intervalMs: INTERVAL, make: parityRoom(() => p.url), pids: [p.child.pid!] });
  } finally {
    await p.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`bench:scale: ${ROOMS} rooms × 4 clients, ${RUNS} run${RUNS > 1 ? 's' : ''} of ${SECONDS} s of each (two processes, ${variants.length ? `${variants.length} variant${variants.length > 1 ? 's' : ''}, ` : ''}${ONE_POSTGRES ? 'one on PostgreSQL, ' : ''}one) in ABBA order after ${WARMUP} s of warm-up, a message every ${INTERVAL} ms per client; ${load()}`);
const t2 = newTally(ROOMS);
const tv = variants.map(() => newTally(ROOMS));
const t1 = newTally(ROOMS);
if (WARMUP > 0) await oneProcess(newTally(ROOMS), WARMUP);
const tp = ONE_POSTGRES ? newTally(ROOMS) : null;
const order = [() => onPostgres(t2, 2), ...variants.map((v, i) => () => onPostgres(tv[i], 2, v.env)), ...(tp ? [() => onPostgres(tp, 1)] : []), () => oneProcess(t1)];
for (let i = 0; i < RUNS; i++) for (const run of i % 2 === 0 ? order : [...order].reverse()) await run();
const one = tallyResult(t1);
const ratios = (r: LoadResult) => `ratio p95=${(r.p95 / one.p95).toFixed(2)} p99=${(r.p99 / one.p99).toFixed(2)} cpu/message=${(r.cpuPerMessageUs / one.cpuPerMessageUs).toFixed(2)}`;
const two = tallyResult(t2);
console.log(`${figures('scale (2 processes, PostgreSQL + Redis)', two)} failedJoins=${two.failedJoins} ${ratios(two)}`);
console.log(details(two));
variants.forEach((variant, i) => {
  const v = tallyResult(tv[i]);
  console.log(`${figures('variant', v)} failedJoins=${v.failedJoins} ${ratios(v)} (${variant.text})`);
  console.log(details(v));
});
if (tp) {
  // The ratio split in two: the store's hop (one process, PostgreSQL against SQLite) and the second process (two against one, both on PostgreSQL).
  const p = tallyResult(tp);
  console.log(`${figures('one process on PostgreSQL + Redis', p)} failedJoins=${p.failedJoins} ${ratios(p)}; two processes against it: p95=${(two.p95 / p.p95).toFixed(2)} p99=${(two.p99 / p.p99).toFixed(2)} cpu/message=${(two.cpuPerMessageUs / p.cpuPerMessageUs).toFixed(2)}`);
  console.log(details(p));
}
console.log(`${figures('single (1 process, SQLite)', one)} failedJoins=${one.failedJoins}`);
console.log(details(one));
console.log(`(${load()} at the end)`);
process.exit(0);
