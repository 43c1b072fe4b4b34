// `npm run bench:server`: the real server in a child process, R rooms × 4 real SDK clients here
// playing realistic actions at a human-ish pace (bench/load.ts), and in the same invocation a
// bare Colyseus 0.18 room (bench/bareServer.ts) with the same clients and pacing, and the ratios.
// Each server runs several times (fresh processes each time) in ABBA order and the latencies are
// pooled: on this noisy 2-core machine one run of each, back to back, gave p95 ratios from 0.8
// to 6, as the machine's load drifts within a minute.
// The server runs with the V8 flags `npm start` gives it (server/nodeFlags.ts); the bare room with
// Node's defaults.
// Env: BENCH_ROOMS (1000), BENCH_SECONDS (20 of play a run), BENCH_RUNS (4 of each server),
// BENCH_INTERVAL_MS (mean pause between a client's
// messages, 2000), BENCH_PORT (2580; the bare room uses the next port), BENCH_NODE_ARGS (more
// node flags for the server, after the usual ones, e.g. --cpu-prof), BENCH_BARE_NODE_ARGS (the
// same for the bare room), BENCH_DB_DIR,
// BENCH_SERVER_OUTPUT (show the server's stdout, e.g. for --trace-gc), BENCH_BASELINE=0 (skip
// the bare room), BENCH_MARK_SIGNAL (e.g. SIGWINCH; not SIGUSR2, on which Colyseus shuts down):
// sent to the server when the play starts and when it ends, for a profiler preloaded with
// BENCH_NODE_ARGS to sample just the play.
// Latency needs an otherwise idle machine; the CPU per message compares runs on a busy one.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SERVER_NODE_FLAGS } from '../server/nodeFlags.js';
import { bareRoom, details, figures, newTally, parityRoom, playRun, sleep, tallyResult, type Tally } from './load.js';

const ROOMS = Number(process.env.BENCH_ROOMS ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 4));
const INTERVAL = Number(process.env.BENCH_INTERVAL_MS ?? 2000);
const PORT = Number(process.env.BENCH_PORT ?? 2580);
const ROOT = resolve(import.meta.dirname, '..');

/** Node flags given in an environment variable, separated by spaces. */
const nodeArgs = (name: string) => (process.env[name] ?? '').split(' ').filter(Boolean);

async function up(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (child.exitCode !== null) throw new Error('server exited');
    if (await fetch(url).then(() => true, () => false)) return;
    await sleep(50);
  }
  throw new Error('server did not start');
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}

/** The real server, on a fresh database, with `npm start`'s V8 flags. */
async function startParity(dir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...nodeArgs('BENCH_NODE_ARGS'), '--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', PARITY_DB: join(dir, 'parity.db'), PARITY_GRACE: '3600', PARITY_LIMITS: 'off' },
    stdio: ['ignore', process.env.BENCH_SERVER_OUTPUT ? 'inherit' : 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${PORT}`;
  await up(`${url}/api/health`, child);
  return { child, url };
}

async function startBare(): Promise<{ child: ChildProcess; url: string }> {
  const port = PORT + 1;
  const child = spawn(process.execPath, [...nodeArgs('BENCH_BARE_NODE_ARGS'), '--import', 'tsx', 'bench/bareServer.ts'], { cwd: ROOT, env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  await up(`${url}/matchmake/`, child);
  return { child, url };
}

const load = () => `load ${loadavg()[0].toFixed(2)} on ${availableParallelism()} cores`;
const baseline = process.env.BENCH_BASELINE !== '0';
console.log(
  `bench:server: ${ROOMS} rooms × 4 clients, ${RUNS} run${RUNS > 1 ? 's' : ''} of ${SECONDS} s of play${baseline ? ' for each server, Parity and the bare room in ABBA order' : ''}, a message every ${INTERVAL} ms per client; ${load()}`,
);

/** One run on a fresh Parity server and database. */
async function parityRun(t: Tally): Promise<void> {
  const dir = mkdtempSync(join(process.env.BENCH_DB_DIR ?? tmpdir(), 'parity-bench-'));
  const s = await startParity(dir);
  try {
    await sleep(500);
    await playRun(t, { rooms: ROOMS, seconds: SECONDS, intervalMs: INTERVAL, make: parityRoom(() => s.url), pids: [s.child.pid!] });
  } finally {
    await stop(s.child);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One run on a fresh bare Colyseus server. */
async function bareRun(t: Tally): Promise<void> {
  const s = await startBare();
  try {
    await sleep(500);
    await playRun(t, { rooms: ROOMS, seconds: SECONDS, intervalMs: INTERVAL, make: bareRoom(s.url), pids: [s.child.pid!] });
  } finally {
    await stop(s.child);
  }
}

const p = newTally(ROOMS);
const b = newTally(ROOMS);
// Parity, bare, bare, Parity, Parity, bare…: a drift in the machine's load over the invocation
// falls on both alike, and neither always runs first. One server runs at a time: with both up,
// the idle one's heartbeats and timers fell on the other's play.
for (let i = 0; i < RUNS; i++) {
  if (!baseline) await parityRun(p);
  else if (i % 2 === 0) await parityRun(p).then(() => bareRun(b));
  else await bareRun(b).then(() => parityRun(p));
}
const pr = tallyResult(p);
console.log(figures('server', pr));
console.log(details(pr));
if (baseline) {
  const br = tallyResult(b);
  console.log(`${figures('baseline', br)} ratio p95=${(pr.p95 / br.p95).toFixed(2)} p99=${(pr.p99 / br.p99).toFixed(2)} mem=${(pr.memPerRoomKB / br.memPerRoomKB).toFixed(2)} cpu/message=${(pr.cpuPerMessageUs / br.cpuPerMessageUs).toFixed(2)} loop/message=${(pr.loopCpuPerMessageUs / br.loopCpuPerMessageUs).toFixed(2)}`);
  console.log(details(br));
}
console.log(`(${load()} at the end)`);
process.exit(0);
