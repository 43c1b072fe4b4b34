// `npm run bench:server`: the real server in a child process, R rooms × 4 real SDK clients here,
// playing realistic actions at a human-ish pace. Latency: action sent → its reply received (the
// reply follows the state patch and the view update on the same connection, so it bounds both).
// The server runs with the V8 flags `npm start` gives it (server/nodeFlags.ts).
// Env: BENCH_ROOMS (1000), BENCH_SECONDS (20), BENCH_INTERVAL_MS (mean pause between a client's
// messages, 2000), BENCH_PORT (2580), BENCH_NODE_ARGS (more node flags for the server, after
// the usual ones, e.g. --cpu-prof),
// BENCH_DB_DIR, BENCH_SERVER_OUTPUT (show the server's stdout, e.g. for --trace-gc).
// Latency needs an otherwise idle machine; the CPU per message line compares runs on a busy one.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Client, type Room } from '@colyseus/sdk';
import { applyViewUpdate } from '../shared/protocol/index.js';
import { SERVER_NODE_FLAGS } from '../server/nodeFlags.js';

const ROOMS = Number(process.env.BENCH_ROOMS ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const INTERVAL = Number(process.env.BENCH_INTERVAL_MS ?? 2000);
const PORT = Number(process.env.BENCH_PORT ?? 2580);
const URL = `http://127.0.0.1:${PORT}`;
const SEATS = ['armenia', 'azerbaijan', 'russia', 'eu'] as const;
const DEMANDS = ['lachin-handover', 'border-delimitation', 'cede-heights', 'route-through-syunik'];
const CLAUSES = ['mutual-recognition', 'border-commission', 'detainees'];
const ROOT = resolve(import.meta.dirname, '..');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** CPU seconds a process has used (user + system). */
const cpuSeconds = (pid: number) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
};
const rssKB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);

async function startServer() {
  const dir = mkdtempSync(join(process.env.BENCH_DB_DIR ?? tmpdir(), 'parity-bench-'));
  const extra = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...extra, '--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', PARITY_DB: join(dir, 'parity.db'), PARITY_GRACE: '3600' },
    stdio: ['ignore', process.env.BENCH_SERVER_OUTPUT ? 'inherit' : 'ignore', 'inherit'],
  });
  for (let i = 0; i < 400; i++) {
    if (await fetch(`${URL}/api/health`).then((r) => r.ok, () => false)) return { child, dir };
    await sleep(50);
  }
  throw new Error('server did not start');
}

/** One seat's client: keeps its latest view and answers its own refs. */
class Seat {
  view: any = null;
  private pending = new Map<string, (ms: number) => void>();
  private n = 0;
  done = '';
  constructor(public room: Room, public seat: (typeof SEATS)[number]) {
    room.onMessage('view', (v) => (this.view = v));
    // As client/net does: updates apply to the last view; one that does not follow asks for a sync.
    room.onMessage('viewUpdate', (u) => {
      if (!this.view) return;
      const next = applyViewUpdate(this.view, u);
      if (next) this.view = next;
      else room.send('sync', {});
    });
    const reply = (r: any) => {
      const f = this.pending.get(r?.ref);
      if (f) this.pending.delete(r.ref), f(performance.now());
    };
    room.onMessage('accepted', reply);
    room.onMessage('refused', reply);
    room.onMessage('*', () => undefined);
  }
  send(type: string, payload: object): Promise<number> {
    const ref = `b${this.n++}`;
    const t0 = performance.now();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('reply timeout')), 10_000);
      this.pending.set(ref, (t1) => (clearTimeout(timer), resolve(t1 - t0)));
      this.room.send(type, { ...payload, ref });
    });
  }
  /** What a player in this seat would plausibly do next in this phase. */
  next(): [string, object] {
    const v = this.view;
    const key = `${v.round}:${v.phase}`;
    const me = this.seat;
    if (this.done === key) return ['chat', { channel: 'table', text: `${me} waits` }];
    const party = me === 'armenia' || me === 'azerbaijan';
    const acted = (this as any)[key];
    (this as any)[key] = true;
    if (!acted) {
      if (v.phase === 'planning' && party) return ['action', { type: 'plan', procure: [{ item: me === 'armenia' ? 'arm-local-drones' : 'aze-drones', qty: 1 }], reform: 0, diplomacy: 0, prepareEscalation: null }];
      if (v.phase === 'demands' && me === 'azerbaijan') return ['action', { type: 'issueDemand', demand: DEMANDS[v.round % DEMANDS.length], deadline: 0 }];
      if (v.phase === 'negotiation' && !party) return ['action', { type: 'propose', clauses: CLAUSES }];
      if (v.phase === 'negotiation') return ['chat', { channel: me === 'armenia' ? 'armenia-russia' : 'azerbaijan-eu', text: 'what would you accept?' }];
      if (v.phase === 'response' && me === 'armenia') {
        const d = v.demands.find((x: any) => x.to === 'armenia' && x.status === 'open');
        if (d) return ['action', { type: 'respond', demand: d.id, answer: v.round % 2 ? 'refuse' : 'accept' }];
      }
      if (v.phase === 'response' && me === 'azerbaijan') {
        const d = v.demands.find((x: any) => x.from === 'azerbaijan' && x.status === 'refused' && x.escalate === null);
        if (d) return ['action', { type: 'chooseEscalation', demand: d.id, escalate: true }];
      }
    }
    this.done = key;
    return ['action', { type: 'done' }];
  }
}

function pct(xs: number[], p: number) {
  if (!xs.length) return NaN;
  return xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
}

async function pool<T>(n: number, width: number, f: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(n);
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < n) {
      const i = next++;
      out[i] = await f(i);
    }
  }));
  return out;
}

async function main() {
  const { child, dir } = await startServer();
  const pid = child.pid!;
  try {
    await sleep(500);
    const idle = rssKB(pid);
    const long = { news: 86400, planning: 86400, demands: 86400, negotiation: 86400, response: 86400, resolution: 86400, report: 86400 };
    const sdk = new Client(URL);
    let failedJoins = 0;
    const t0 = Date.now();
    const rooms = await pool(ROOMS, 32, async (i) => {
      const res = await fetch(`${URL}/api/matches`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ seed: i, timers: long }) });
      const { code } = (await res.json()) as { code: string };
      const info = (await (await fetch(`${URL}/api/join/${code}`)).json()) as { roomId: string };
      const seats: Seat[] = [];
      for (const seat of SEATS) {
        try {
          const room = await sdk.joinById(info.roomId, { seat, name: `${seat}-${i}` });
          room.reconnection.enabled = false;
          seats.push(new Seat(room, seat));
        } catch {
          failedJoins++;
        }
      }
      return seats;
    });
    const clients = rooms.flat();
    console.log(`joined ${clients.length} clients in ${ROOMS} rooms in ${((Date.now() - t0) / 1000).toFixed(1)} s (${failedJoins} failed joins)`);
    await sleep(1000);
    const joinedRss = rssKB(pid);

    let drops = 0;
    for (const c of clients) c.room.onLeave(() => drops++);
    const lat: number[] = [];
    let timeouts = 0;
    const until = Date.now() + SECONDS * 1000;
    const cpu0 = { server: cpuSeconds(pid), bench: cpuSeconds(process.pid) };
    const lag = monitorEventLoopDelay({ resolution: 1 });
    lag.enable();
    let peakRss = joinedRss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssKB(pid))), 1000);
    await Promise.all(
      clients.map(async (c) => {
        await sleep(Math.random() * INTERVAL);
        while (Date.now() < until) {
          if (!c.view) break;
          const [type, payload] = c.next();
          try {
            lat.push(await c.send(type, payload));
          } catch {
            timeouts++;
          }
          await sleep(INTERVAL * (0.5 + Math.random()));
        }
      }),
    );
    clearInterval(sampler);
    const cpu = { server: cpuSeconds(pid) - cpu0.server, bench: cpuSeconds(process.pid) - cpu0.bench };
    lag.disable();
    lat.sort((a, b) => a - b);
    const perRoom = Math.round((Math.max(peakRss, rssKB(pid)) - idle) / ROOMS);
    const rounds = rooms.map((r) => r[0]?.view?.round ?? 0);
    console.log(`messages=${lat.length} (${(lat.length / SECONDS).toFixed(0)}/s) timeouts=${timeouts} drops=${drops} failedJoins=${failedJoins}`);
    console.log(`server RSS: idle ${Math.round(idle / 1024)} MB, joined ${Math.round(joinedRss / 1024)} MB, peak ${Math.round(peakRss / 1024)} MB; rounds reached: max ${Math.max(...rounds)}, mean ${(rounds.reduce((a, b) => a + b, 0) / rounds.length).toFixed(1)}`);
    // CPU per message is what to compare between runs on a busy machine; latency needs a quiet one.
    console.log(`CPU while playing: server ${cpu.server.toFixed(1)} s (${((cpu.server / Math.max(1, lat.length)) * 1e6).toFixed(0)} µs/message), clients ${cpu.bench.toFixed(1)} s, over ${SECONDS} s on ${availableParallelism()} cores`);
    console.log(`clients' event-loop delay: p50 ${(lag.percentile(50) / 1e6).toFixed(1)} ms, p99 ${(lag.percentile(99) / 1e6).toFixed(1)} ms, max ${(lag.max / 1e6).toFixed(1)} ms`);
    console.log(`server: rooms=${ROOMS} clients=${clients.length} p50=${pct(lat, 50).toFixed(1)} ms p95=${pct(lat, 95).toFixed(1)} ms p99=${pct(lat, 99).toFixed(1)} ms mem/room=${perRoom} KB`);
    await Promise.all(clients.map((c) => c.room.leave(true).catch(() => undefined)));
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
  process.exit(0);
}

await main();
