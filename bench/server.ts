// `npm run bench:server`: the real server in a child process, R rooms × 4 real SDK clients here
// playing realistic actions at a human-ish pace (bench/load.ts); then, in the same invocation, a
// bare Colyseus 0.18 room (bench/bareServer.ts) with the same clients and pacing, and the ratios.
// The server runs with the V8 flags `npm start` gives it (server/nodeFlags.ts); the bare room with
// Node's defaults.
// Env: BENCH_ROOMS (1000), BENCH_SECONDS (20), BENCH_INTERVAL_MS (mean pause between a client's
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
import { bareRoom, details, figures, parityRoom, playLoad, sleep } from './load.js';

const ROOMS = Number(process.env.BENCH_ROOMS ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
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
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}

async function parity() {
  const dir = mkdtempSync(join(process.env.BENCH_DB_DIR ?? tmpdir(), 'parity-bench-'));
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...nodeArgs('BENCH_NODE_ARGS'), '--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', PARITY_DB: join(dir, 'parity.db'), PARITY_GRACE: '3600', PARITY_LIMITS: 'off' },
    stdio: ['ignore', process.env.BENCH_SERVER_OUTPUT ? 'inherit' : 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${PORT}`;
  try {
    await up(`${url}/api/health`, child);
    await sleep(500);
    return await playLoad({ rooms: ROOMS, seconds: SECONDS, intervalMs: INTERVAL, make: parityRoom(() => url), pids: [child.pid!] });
  } finally {
    await stop(child);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function bare() {
  const port = PORT + 1;
  const child = spawn(process.execPath, [...nodeArgs('BENCH_BARE_NODE_ARGS'), '--import', 'tsx', 'bench/bareServer.ts'], { cwd: ROOT, env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  try {
    await up(`${url}/matchmake/`, child);
    await sleep(500);
    return await playLoad({ rooms: ROOMS, seconds: SECONDS, intervalMs: INTERVAL, make: bareRoom(url), pids: [child.pid!] });
  } finally {
    await stop(child);
  }
}

const load = () => `load ${loadavg()[0].toFixed(2)} on ${availableParallelism()} cores`;
console.log(`bench:server: ${ROOMS} rooms × 4 clients, ${SECONDS} s, a message every ${INTERVAL} ms per client; ${load()}`);
const p = await parity();
console.log(figures('server', p));
console.log(details(p));
if (process.env.BENCH_BASELINE !== '0') {
  const b = await bare();
  console.log(`${figures('baseline', b)} ratio p95=${(p.p95 / b.p95).toFixed(2)} p99=${(p.p99 / b.p99).toFixed(2)} mem=${(p.memPerRoomKB / b.memPerRoomKB).toFixed(2)} cpu/message=${(p.cpuPerMessageUs / b.cpuPerMessageUs).toFixed(2)} loop/message=${(p.loopCpuPerMessageUs / b.loopCpuPerMessageUs).toFixed(2)}`);
  console.log(details(b));
}
console.log(`(${load()} at the end)`);
process.exit(0);
