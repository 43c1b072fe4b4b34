// The clients of bench:server and bench:scale: R rooms × 4 real SDK clients in this process,
// playing realistic actions at a human-ish pace against one or more server processes. Latency:
// action sent → its reply received (the reply follows the state patch and the view update on the
// same connection, so it bounds both).
import { readdirSync, readFileSync } from 'node:fs';
import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { Client, type Room } from '@colyseus/sdk';
import { applyViewUpdate } from '../shared/protocol/index.js';

export const SEATS = ['armenia', 'azerbaijan', 'russia', 'eu'] as const;
const DEMANDS = ['lachin-handover', 'border-delimitation', 'cede-heights', 'route-through-syunik'];
const CLAUSES = ['mutual-recognition', 'border-commission', 'detainees'];

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Words of an environment variable, separated by spaces (node flags, `K=V` pairs). */
export const envWords = (name: string) => (process.env[name] ?? '').split(' ').filter(Boolean);
/** `K=V K2=V2` as an environment (a value may hold `=`). */
export const pairs = (text: string): Record<string, string> =>
  Object.fromEntries(text.split(' ').filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
/** `K=V K2=V2` in an environment variable, as an environment. */
export const envPairs = (name: string) => pairs(process.env[name] ?? '');
/** Environments separated by `;` (`K=V K2=V2; K=W`), each with the text it was given as. */
export const variantEnvs = (text: string) =>
  text
    .split(';')
    .map((v) => v.trim())
    .filter(Boolean)
    .map((v) => ({ text: v, env: pairs(v) }));
/** CPU seconds a process (or one of its threads) has used (user + system). */
export const cpuSeconds = (pid: number, thread?: number) => {
  const f = readFileSync(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
};
/** Seconds a thread has waited for a core while ready to run (/proc/…/schedstat): the machine's queueing, not its own work. */
export const runQueueSeconds = (pid: number, thread = pid) => Number(readFileSync(`/proc/${pid}/task/${thread}/schedstat`, 'utf8').split(' ')[1]) / 1e9;
/** CPU seconds of every process with this name (e.g. `postgres`: the server and each connection's backend). */
export const cpuSecondsNamed = (name: string, measure: (pid: number) => number = cpuSeconds) => {
  let s = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) === name) s += measure(Number(pid));
    } catch {
      // it ended between the listing and the read
    }
  }
  return s;
};
/** The machine's CPU seconds busy and in all, over every core (/proc/stat). */
const machineCpu = () => {
  const [user, nice, system, idle, iowait, irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number);
  const busy = user + nice + system + irq + softirq + steal;
  return { busy: busy / 100, all: (busy + idle + iowait) / 100 };
};
export const rssKB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);

/** One seat's client: keeps its latest view and answers its own refs. */
export class BenchSeat {
  view: any = null;
  private pending = new Map<string, (ms: number) => void>();
  private n = 0;
  done = '';
  constructor(
    public room: Room,
    public seat: (typeof SEATS)[number],
  ) {
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
        const d = v.demands?.find((x: any) => x.to === 'armenia' && x.status === 'open');
        if (d) return ['action', { type: 'respond', demand: d.id, answer: v.round % 2 ? 'refuse' : 'accept' }];
      }
      if (v.phase === 'response' && me === 'azerbaijan') {
        const d = v.demands?.find((x: any) => x.from === 'azerbaijan' && x.status === 'refused' && x.escalate === null);
        if (d) return ['action', { type: 'chooseEscalation', demand: d.id, escalate: true }];
      }
    }
    this.done = key;
    return ['action', { type: 'done' }];
  }
}

export function pct(xs: number[], p: number) {
  if (!xs.length) return NaN;
  return xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
}

export async function pool<T>(n: number, width: number, f: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < n) {
        const i = next++;
        out[i] = await f(i);
      }
    }),
  );
  return out;
}

/** How a bench makes room `i` and joins its four seats. */
export type RoomMaker = (i: number) => Promise<{ seats: BenchSeat[]; failed: number }>;

const long = { news: 86400, planning: 86400, demands: 86400, negotiation: 86400, response: 86400, resolution: 86400, report: 86400 };

/** A Parity match through `url`'s HTTP API, its seats joined through Colyseus. */
export function parityRoom(url: (i: number) => string): RoomMaker {
  const sdks = new Map<string, Client>();
  return async (i) => {
    const base = url(i);
    const sdk = sdks.get(base) ?? sdks.set(base, new Client(base)).get(base)!;
    let failed = 0;
    const seats: BenchSeat[] = [];
    try {
      const res = await fetch(`${base}/api/matches`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ seed: i, timers: long }) });
      const { code, seatKeys } = (await res.json()) as { code: string; seatKeys: Record<string, string> };
      const info = (await (await fetch(`${base}/api/join/${code}`)).json()) as { roomId: string };
      for (const seat of SEATS) {
        try {
          const room = await sdk.joinById(info.roomId, { seat, name: `${seat}-${i}`, key: seatKeys[seat] });
          room.reconnection.enabled = false;
          seats.push(new BenchSeat(room, seat));
        } catch {
          failed++;
        }
      }
    } catch {
      failed = SEATS.length - seats.length;
    }
    return { seats, failed };
  };
}

/** A bare Colyseus room (bareServer.ts), made by its first seat and joined by the others. */
export function bareRoom(url: string): RoomMaker {
  const sdk = new Client(url);
  return async (i) => {
    let failed = 0;
    const seats: BenchSeat[] = [];
    let roomId = '';
    for (const seat of SEATS) {
      try {
        const room = roomId ? await sdk.joinById(roomId, { name: `${seat}-${i}` }) : await sdk.create('bare', { name: `${seat}-${i}` });
        roomId = room.roomId;
        room.reconnection.enabled = false;
        seats.push(new BenchSeat(room, seat));
      } catch {
        failed++;
      }
    }
    return { seats, failed };
  };
}

export interface LoadResult {
  rooms: number;
  /** Per run. */
  clients: number;
  failedJoins: number;
  messages: number;
  timeouts: number;
  drops: number;
  p50: number;
  p95: number;
  p99: number;
  /** The p95 of each run (one for a single run). */
  runP95: number[];
  /** Peak RSS over the processes' idle RSS, per room (the largest of the runs). */
  memPerRoomKB: number;
  /** Server CPU per message, over all processes. */
  cpuPerMessageUs: number;
  /** The part of it on the processes' event-loop threads (what a message waits behind). */
  loopCpuPerMessageUs: number;
  serverCpuSeconds: number;
  clientsCpuSeconds: number;
  clientLagP99Ms: number;
  /** Milliseconds this process's clients stood in garbage collection during each run's play (all of it; the major part). */
  clientsGcMs: { all: number; major: number }[];
  /** CPU seconds of the services named in the runs (e.g. postgres, redis-server). */
  servicesCpuSeconds: Record<string, number>;
  /** The share of the machine's CPU (all cores) busy during play. */
  machineBusy: number;
  /** Seconds spent ready to run but waiting for a core: the servers' event loops, this process's clients, each named service. */
  runQueue: { loops: number; clients: number; services: Record<string, number> };
  /** Per run. */
  joinSeconds: number;
  rounds: { max: number; mean: number };
  /** Latency by what was sent (an action's type, or the message type). */
  kinds: { kind: string; n: number; p50: number; p95: number; p99: number }[];
}

/** What the runs of one kind of server measured so far (each run: fresh processes, rooms joined, a stretch of play). */
export interface Tally {
  rooms: number;
  /** Clients joined, over all runs. */
  clients: number;
  failedJoins: number;
  joinSeconds: number;
  /** The largest peak RSS over idle RSS, per room, of any run. */
  memPerRoomKB: number;
  drops: number;
  lat: number[];
  byKind: Map<string, number[]>;
  /** Each run's p95, to show the spread between them. */
  runP95: number[];
  timeouts: number;
  serverCpu: number;
  serverLoopCpu: number;
  benchCpu: number;
  servicesCpu: Record<string, number>;
  machine: { busy: number; all: number };
  runQueue: { loops: number; clients: number; services: Record<string, number> };
  lag: ReturnType<typeof monitorEventLoopDelay>;
  clientsGcMs: { all: number; major: number }[];
  rounds: number[];
}

export const newTally = (rooms: number): Tally => ({
  rooms,
  clients: 0,
  failedJoins: 0,
  joinSeconds: 0,
  memPerRoomKB: 0,
  drops: 0,
  lat: [],
  byKind: new Map(),
  runP95: [],
  timeouts: 0,
  serverCpu: 0,
  serverLoopCpu: 0,
  benchCpu: 0,
  servicesCpu: {},
  machine: { busy: 0, all: 0 },
  runQueue: { loops: 0, clients: 0, services: {} },
  lag: monitorEventLoopDelay({ resolution: 1 }),
  clientsGcMs: [],
  rounds: [],
});

const rssOf = (pids: number[]) => pids.reduce((s, p) => s + rssKB(p), 0);

/** Join `rooms` rooms on the servers `pids`, play `seconds` at `intervalMs` per client, leave; add what was measured to `t`. */
export async function playRun(t: Tally, o: { rooms: number; seconds: number; intervalMs: number; make: RoomMaker; pids: number[]; services?: string[] }): Promise<void> {
  const idle = rssOf(o.pids);
  const t0 = Date.now();
  const made = await pool(o.rooms, 32, o.make);
  t.joinSeconds += (Date.now() - t0) / 1000;
  const clients = made.flatMap((r) => r.seats);
  t.clients += clients.length;
  t.failedJoins += made.reduce((s, r) => s + r.failed, 0);
  await sleep(1000);
  let peak = rssOf(o.pids);
  let drops = 0;
  for (const c of clients) c.room.onLeave(() => drops++);
  const until = Date.now() + o.seconds * 1000;
  // The event loop's thread has the process's id; the rest is its helper threads (GC, the SQLite checkpointer…).
  const loopCpu = () => o.pids.reduce((s, p) => s + cpuSeconds(p, p), 0);
  const serverCpu = () => o.pids.reduce((s, p) => s + cpuSeconds(p), 0);
  const servicesCpu = () => Object.fromEntries((o.services ?? []).map((n) => [n, cpuSecondsNamed(n)]));
  const waits = () => ({
    loops: o.pids.reduce((s, p) => s + runQueueSeconds(p), 0),
    clients: runQueueSeconds(process.pid),
    services: Object.fromEntries((o.services ?? []).map((n) => [n, cpuSecondsNamed(n, runQueueSeconds)])),
  });
  const cpu0 = { server: serverCpu(), loop: loopCpu(), bench: cpuSeconds(process.pid), services: servicesCpu(), machine: machineCpu(), waits: waits() };
  const lat: number[] = [];
  t.lag.enable();
  // The clients' own pauses: a run whose load generator collected more garbage measures slower replies.
  const gc = { all: 0, major: 0 };
  const addGc = (entries: PerformanceEntry[]) => {
    for (const e of entries) {
      gc.all += e.duration;
      if ((e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) gc.major += e.duration;
    }
  };
  const gcSeen = new PerformanceObserver((list) => addGc(list.getEntries()));
  gcSeen.observe({ entryTypes: ['gc'] });
  // For a profiler preloaded in the server (BENCH_NODE_ARGS): the play starts now, and ends below.
  const mark = () => process.env.BENCH_MARK_SIGNAL && o.pids.forEach((p) => process.kill(p, process.env.BENCH_MARK_SIGNAL as NodeJS.Signals));
  mark();
  const sampler = setInterval(() => (peak = Math.max(peak, rssOf(o.pids))), 1000);
  await Promise.all(
    clients.map(async (c) => {
      await sleep(Math.random() * o.intervalMs);
      while (Date.now() < until) {
        if (!c.view) break;
        const [type, payload] = c.next();
        const kind = type === 'action' ? (payload as { type: string }).type : type;
        try {
          const ms = await c.send(type, payload);
          lat.push(ms);
          (t.byKind.get(kind) ?? t.byKind.set(kind, []).get(kind)!).push(ms);
        } catch {
          t.timeouts++;
        }
        await sleep(o.intervalMs * (0.5 + Math.random()));
      }
    }),
  );
  clearInterval(sampler);
  mark();
  t.serverCpu += serverCpu() - cpu0.server;
  t.serverLoopCpu += loopCpu() - cpu0.loop;
  t.benchCpu += cpuSeconds(process.pid) - cpu0.bench;
  for (const [n, x] of Object.entries(servicesCpu())) t.servicesCpu[n] = (t.servicesCpu[n] ?? 0) + x - cpu0.services[n];
  const w = waits();
  t.runQueue.loops += w.loops - cpu0.waits.loops;
  t.runQueue.clients += w.clients - cpu0.waits.clients;
  for (const [n, x] of Object.entries(w.services)) t.runQueue.services[n] = (t.runQueue.services[n] ?? 0) + x - cpu0.waits.services[n];
  const m = machineCpu();
  t.machine.busy += m.busy - cpu0.machine.busy;
  t.machine.all += m.all - cpu0.machine.all;
  t.lag.disable();
  // Entries not yet delivered to the callback (it runs later) belong to this run too.
  addGc(gcSeen.takeRecords());
  gcSeen.disconnect();
  t.clientsGcMs.push(gc);
  t.memPerRoomKB = Math.max(t.memPerRoomKB, Math.round((Math.max(peak, rssOf(o.pids)) - idle) / o.rooms));
  t.rounds.push(...made.map((r) => r.seats[0]?.view?.round ?? 0));
  t.drops += drops;
  t.runP95.push(pct(lat.sort((a, b) => a - b), 95));
  t.lat.push(...lat);
  await Promise.all(clients.map((c) => c.room.leave(true).catch(() => undefined)));
}

/** The figures of every run in `t`, latencies pooled. */
export function tallyResult(t: Tally): LoadResult {
  const lat = [...t.lat].sort((a, b) => a - b);
  return {
    rooms: t.rooms,
    clients: Math.round(t.clients / Math.max(1, t.runP95.length)),
    failedJoins: t.failedJoins,
    messages: lat.length,
    timeouts: t.timeouts,
    drops: t.drops,
    p50: pct(lat, 50),
    p95: pct(lat, 95),
    p99: pct(lat, 99),
    runP95: t.runP95,
    memPerRoomKB: t.memPerRoomKB,
    cpuPerMessageUs: Math.round((t.serverCpu / Math.max(1, lat.length)) * 1e6),
    loopCpuPerMessageUs: Math.round((t.serverLoopCpu / Math.max(1, lat.length)) * 1e6),
    serverCpuSeconds: t.serverCpu,
    clientsCpuSeconds: t.benchCpu,
    clientLagP99Ms: t.lag.percentile(99) / 1e6,
    clientsGcMs: t.clientsGcMs,
    servicesCpuSeconds: t.servicesCpu,
    machineBusy: t.machine.busy / Math.max(1e-9, t.machine.all),
    runQueue: t.runQueue,
    joinSeconds: t.joinSeconds / Math.max(1, t.runP95.length),
    rounds: { max: Math.max(...t.rounds), mean: t.rounds.reduce((a, b) => a + b, 0) / Math.max(1, t.rounds.length) },
    kinds: [...t.byKind].map(([kind, xs]) => (xs.sort((a, b) => a - b), { kind, n: xs.length, p50: pct(xs, 50), p95: pct(xs, 95), p99: pct(xs, 99) })).sort((a, b) => b.n - a.n),
  };
}

/** The figures line: `server: rooms=R clients=C p50=… p95=… p99=… mem/room=… KB`. */
export const figures = (label: string, r: LoadResult) =>
  `${label}: rooms=${r.rooms} clients=${r.clients} p50=${r.p50.toFixed(1)} ms p95=${r.p95.toFixed(1)} ms p99=${r.p99.toFixed(1)} ms mem/room=${r.memPerRoomKB} KB`;

/** The details line under it. */
export const details = (r: LoadResult) =>
  `  messages=${r.messages} timeouts=${r.timeouts} drops=${r.drops} failedJoins=${r.failedJoins}; joined in ${r.joinSeconds.toFixed(1)} s; server CPU ${r.serverCpuSeconds.toFixed(1)} s (${r.cpuPerMessageUs} µs/message, ${r.loopCpuPerMessageUs} on the event loop), clients ${r.clientsCpuSeconds.toFixed(1)} s, clients' event-loop p99 ${r.clientLagP99Ms.toFixed(1)} ms, clients' GC ${r.clientsGcMs.map((g) => `${Math.round(g.all)} (major ${Math.round(g.major)})`).join(', ')} ms a run;${Object.entries(r.servicesCpuSeconds).map(([n, x]) => ` ${n} ${x.toFixed(1)} s,`).join('')} machine ${(r.machineBusy * 100).toFixed(0)}% busy; waited for a core: servers' event loops ${r.runQueue.loops.toFixed(1)} s (${Math.round((r.runQueue.loops / Math.max(1, r.messages)) * 1e6)} µs/message), clients ${r.runQueue.clients.toFixed(1)} s${Object.entries(r.runQueue.services).map(([n, x]) => `, ${n} ${x.toFixed(1)} s`).join('')}; rounds max ${r.rounds.max}, mean ${r.rounds.mean.toFixed(1)}${r.runP95.length > 1 ? `; p95 by run ${r.runP95.map((x) => x.toFixed(1)).join(', ')} ms` : ''}\n  by kind: ${r.kinds.map((k) => `${k.kind} ${k.n} p50/p95/p99 ${k.p50.toFixed(1)}/${k.p95.toFixed(1)}/${k.p99.toFixed(1)}`).join('; ')}`;
