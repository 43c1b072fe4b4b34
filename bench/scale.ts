// `npm run bench:scale`: two server processes on PostgreSQL and Redis (private instances,
// scripts/services.ts) with 500 rooms each — each room made and joined through one process or
// the other, its clients connected to the process holding it (its PARITY_PUBLIC_ADDRESS) — then,
// in the same invocation, one process on its embedded SQLite file with all 1,000 rooms; the same
// clients and pacing (bench/load.ts), the same figures, and the ratios.
// Env: BENCH_ROOMS (1000 in all), BENCH_SECONDS (20), BENCH_INTERVAL_MS (2000), BENCH_PORT (2580:
// the two processes use the next two ports), BENCH_NODE_ARGS (e.g. --cpu-prof).
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startParity, type ParityProcess } from '../scripts/parityProcess.js';
import { freshDatabase, startPostgres, startRedis } from '../scripts/services.js';
import { details, figures, parityRoom, playLoad, sleep } from './load.js';

const ROOMS = Number(process.env.BENCH_ROOMS ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const INTERVAL = Number(process.env.BENCH_INTERVAL_MS ?? 2000);
const PORT = Number(process.env.BENCH_PORT ?? 2580);
const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
const load = () => `load ${loadavg()[0].toFixed(2)} on ${availableParallelism()} cores`;

async function twoProcesses() {
  const [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  const env = { DATABASE_URL: await freshDatabase(postgres.url), PARITY_REDIS_URL: redis.url, PARITY_GRACE: '3600' };
  const ports = [PORT + 1, PORT + 2];
  const procs: ParityProcess[] = [];
  try {
    for (const port of ports) procs.push(await startParity(port, { ...env, PARITY_PUBLIC_ADDRESS: `127.0.0.1:${port}` }, { nodeArgs }));
    await sleep(500);
    // Room i through process i mod 2: 500 rooms each.
    return await playLoad({ rooms: ROOMS, seconds: SECONDS, intervalMs: INTERVAL, make: parityRoom((i) => procs[i % 2].url), pids: procs.map((p) => p.child.pid!) });
  } finally {
    await Promise.all(procs.map((p) => p.stop()));
    await Promise.all([postgres.stop(), redis.stop()]);
  }
}

async function oneProcess() {
  const dir = mkdtempSync(join(tmpdir(), 'parity-scale-'));
  const p = await startParity(PORT + 1, { PARITY_DB: join(dir, 'parity.db'), PARITY_GRACE: '3600' }, { nodeArgs });
  try {
    await sleep(500);
    return await playLoad({ rooms: ROOMS, seconds: SECONDS, intervalMs: INTERVAL, make: parityRoom(() => p.url), pids: [p.child.pid!] });
  } finally {
    await p.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`bench:scale: ${ROOMS} rooms × 4 clients, ${SECONDS} s, a message every ${INTERVAL} ms per client; ${load()}`);
const two = await twoProcesses();
console.log(`${figures('scale (2 processes, PostgreSQL + Redis)', two)} failedJoins=${two.failedJoins}`);
console.log(details(two));
const one = await oneProcess();
console.log(`${figures('single (1 process, SQLite)', one)} failedJoins=${one.failedJoins} ratio p95=${(two.p95 / one.p95).toFixed(2)} p99=${(two.p99 / one.p99).toFixed(2)}`);
console.log(details(one));
console.log(`(${load()} at the end)`);
process.exit(0);
