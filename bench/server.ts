// `npm run bench:server`: the real server in a child process, R rooms × 4 real SDK clients here
// playing realistic actions at a human-ish pace (bench/load.ts), and in the same invocation a
// bare Colyseus 0.18 room (bench/bareServer.ts) with the same clients and pacing, and the ratios.
// Each server runs several times (fresh processes each time) in ABBA order and the latencies are
// pooled: on this noisy 2-core machine one run of each, back to back, gave p95 ratios from 0.8
// to 6, as the machine's load drifts within a minute.
// The server runs with the V8 flags `npm start` gives it (server/nodeFlags.ts); the bare room with
// Node's defaults.
// Env: BENCH_ROOMS (1000), BENCH_SECONDS (20 of play a run), BENCH_RUNS (4 of each server),
// BENCH_INTERVAL_MS (mean pause between a client's messages, 2000), BENCH_WARMUP_SECONDS (10 s
// of play on the bare room first, not counted; 0: none), BENCH_PORT (2580; the bare room uses
// the next port), BENCH_NODE_ARGS (more node flags for the server, after the usual ones, e.g.
// --cpu-prof), BENCH_BARE_NODE_ARGS (the same for the bare room), BENCH_DB_DIR,
// BENCH_SERVER_OUTPUT (show the server's stdout, e.g. for --trace-gc), BENCH_BASELINE=0 (skip
// the bare room), BENCH_MARK_SIGNAL (e.g. SIGWINCH; not SIGUSR2, on which Colyseus shuts down):
// sent to the server when the play starts and when it ends, for a profiler preloaded with
// BENCH_NODE_ARGS to sample just the play. BENCH_VARIANT_NODE_ARGS and BENCH_VARIANT_ENV (e.g.
// "PARITY_X=1 PARITY_Y=2"): a second Parity server with these node flags and environment, in the
// same rotation (Parity, variant, bare, then the other way round), printed as `variant:` with its
// ratios to the bare room — a change's effect measured in one invocation, not across two.
// BENCH_VARIANT_ROOT: the variant's server from another checkout (e.g. a `git worktree` of the
// commit before a change), alone or with the two above.
// Latency needs an otherwise idle machine; the CPU per message compares runs on a busy one.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SERVER_NODE_FLAGS } from '../server/nodeFlags.js';
import { bareRoom, details, envPairs, envWords, figures, newTally, parityRoom, playRun, sleep, tallyResult, type LoadResult, type Tally } from './load.js';

const ROOMS = Number(process.env.BENCH_ROOMS ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 4));
const INTERVAL = Number(process.env.BENCH_INTERVAL_MS ?? 2000);
const PORT = Number(process.env.BENCH_PORT ?? 2580);
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 10);
const ROOT = resolve(import.meta.dirname, '..');


/** A second configuration of the server, run beside the usual one. */
interface Variant {
  nodeArgs: string[];
  env: Record<string, string>;
  /** The checkout its server runs from. */
  root: string;
}
const variant: Variant | null =
  process.env.BENCH_VARIANT_NODE_ARGS || process.env.BENCH_VARIANT_ENV || process.env.BENCH_VARIANT_ROOT
    ? {
        nodeArgs: envWords('BENCH_VARIANT_NODE_ARGS'),
        env: envPairs('BENCH_VARIANT_ENV'),
        root: resolve(process.env.BENCH_VARIANT_ROOT ?? ROOT),
      }
    : null;

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
async function startParity(dir: string, variant: Variant | null): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...envWords('BENCH_NODE_ARGS'), ...(variant?.nodeArgs ?? []), '--import', 'tsx', 'server/main.ts'], {
    cwd: variant?.root ?? ROOT,
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', PARITY_DB: join(dir, 'parity.db'), PARITY_GRACE: '3600', PARITY_LIMITS: 'off', ...variant?.env },
    stdio: ['ignore', process.env.BENCH_SERVER_OUTPUT ? 'inherit' : 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${PORT}`;
  await up(`${url}/api/health`, child);
  return { child, url };
}

async function startBare(): Promise<{ child: ChildProcess; url: string }> {
  const port = PORT + 1;
  const child = spawn(process.execPath, [...envWords('BENCH_BARE_NODE_ARGS'), '--import', 'tsx', 'bench/bareServer.ts'], { cwd: ROOT, env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  await up(`${url}/matchmake/`, child);
  return { child, url };
}

const load = () => `load ${loadavg()[0].toFixed(2)} on ${availableParallelism()} cores`;
const baseline = process.env.BENCH_BASELINE !== '0';
console.log(
  `bench:server: ${ROOMS} rooms × 4 clients, ${RUNS} run${RUNS > 1 ? 's' : ''} of ${SECONDS} s of play${baseline ? ' for each server, Parity and the bare room in ABBA order' : ''}${variant ? ', with the variant in the rotation' : ''}, a message every ${INTERVAL} ms per client; ${load()}`,
);

/** One run on a fresh Parity server (or the variant's) and database. */
async function parityRun(t: Tally, as: Variant | null = null): Promise<void> {
  const dir = mkdtempSync(join(process.env.BENCH_DB_DIR ?? tmpdir(), 'parity-bench-'));
  const s = await startParity(dir, as);
  try {
    await sleep(500);
    await playRun(t, { rooms: ROOMS, seconds: SECONDS, intervalMs: INTERVAL, make: parityRoom(() => s.url), pids: [s.child.pid!] });
  } finally {
    await stop(s.child);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One run on a fresh bare Colyseus server. */
async function bareRun(t: Tally, seconds = SECONDS): Promise<void> {
  const s = await startBare();
  try {
    await sleep(500);
    await playRun(t, { rooms: ROOMS, seconds, intervalMs: INTERVAL, make: bareRoom(s.url), pids: [s.child.pid!] });
  } finally {
    await stop(s.child);
  }
}

const p = newTally(ROOMS);
const v = newTally(ROOMS);
const b = newTally(ROOMS);
// A warm-up run first, its figures thrown away: the first run of an invocation was the slowest in
// most invocations (this process's clients and the machine warming up), and it was always
// Parity's. On the bare room, as it starts fastest; the servers under test are fresh processes anyway.
if (WARMUP > 0) {
  const w = newTally(ROOMS);
  await bareRun(w, WARMUP);
  console.log(`warm-up (not counted): ${WARMUP} s on the bare room, p95=${tallyResult(w).p95.toFixed(1)} ms`);
}
// Parity, bare, bare, Parity, Parity, bare… (with a variant: Parity, variant, bare, bare, variant,
// Parity…): a drift in the machine's load over the invocation falls on all alike. Parity's run
// is always the first counted, hence the warm-up before it. One server runs at a time: with
// both up, the idle one's heartbeats and timers fell on the other's play.
const order = [() => parityRun(p), ...(variant ? [() => parityRun(v, variant)] : []), ...(baseline ? [() => bareRun(b)] : [])];
for (let i = 0; i < RUNS; i++) for (const run of i % 2 === 0 ? order : [...order].reverse()) await run();
const pr = tallyResult(p);
console.log(figures('server', pr));
console.log(details(pr));
const br = baseline ? tallyResult(b) : null;
const ratios = (r: LoadResult) =>
  br ? ` ratio p95=${(r.p95 / br.p95).toFixed(2)} p99=${(r.p99 / br.p99).toFixed(2)} mem=${(r.memPerRoomKB / br.memPerRoomKB).toFixed(2)} cpu/message=${(r.cpuPerMessageUs / br.cpuPerMessageUs).toFixed(2)} loop/message=${(r.loopCpuPerMessageUs / br.loopCpuPerMessageUs).toFixed(2)}` : '';
if (br) {
  console.log(`${figures('baseline', br)}${ratios(pr)}`);
  console.log(details(br));
}
if (variant) {
  const vr = tallyResult(v);
  const what = [...variant.nodeArgs, ...Object.entries(variant.env).map(([k, x]) => `${k}=${x}`), ...(variant.root !== ROOT ? [`from ${variant.root}`] : [])];
  console.log(`${figures('variant', vr)}${ratios(vr)} (${what.join(' ')})`);
  console.log(details(vr));
}
console.log(`(${load()} at the end)`);
process.exit(0);
