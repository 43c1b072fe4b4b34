// `npm run bench:store`: the store alone, as rooms use it — 500 matches held by one process,
// turns of a match (a log entry and its event, a chat line every fourth, a standing every tenth)
// written N at a time, as the write queue gathers them into one batch. For each backend, in the
// same invocation: wall time a batch and CPU a write (this process plus, for PostgreSQL, its
// server processes read from /proc), then the ratio PostgreSQL : SQLite.
// Env: BENCH_BATCHES (1500 per size), BENCH_SIZES (1,5,20).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyWrite, type MatchWrite } from '../server/store/matchStore.js';
import { openStore, type OpenStore } from '../server/store/open.js';
import { freshDatabase, startPostgres } from '../scripts/services.js';
import { cpuSecondsNamed } from './load.js';

const BATCHES = Number(process.env.BENCH_BATCHES ?? 1500);
const SIZES = (process.env.BENCH_SIZES ?? '1,5,20').split(',').map(Number);
const MATCHES = 500;

const ownCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

type Figure = { wallMs: number; cpuUs: number };

async function measure(store: OpenStore, withPostgres: boolean): Promise<Map<number, Figure>> {
  await store.ready;
  const ids = Array.from({ length: MATCHES }, (_, i) => `m-${(i * 7919) % 100000}`);
  for (const [i, id] of ids.entries()) {
    await store.createMatch({ id, code: `C${String(i).padStart(5, '0')}`, scenario: 'august-2022', name: 'bench', seed: 1, seats: {} as never, timers: {} as never, tokenHash: 'h', seatKeys: {}, createdAt: Date.now() });
    await store.claim(id, 'bench', 600_000);
  }
  const logAt = new Map(ids.map((id) => [id, 0]));
  const chatAt = new Map(ids.map((id) => [id, 0]));
  const entry = { kind: 'action', seat: 'armenia', action: { type: 'done' } } as never;
  const event = { key: 'event.x', params: { a: 1 }, round: 1, phase: 'news', to: 'all' } as never;
  let turns = 0;
  const turn = (id: string): MatchWrite => {
    const at = logAt.get(id)!;
    const w = emptyWrite(id, 'bench', at, at);
    w.cut = false; // the room knows where its stored log ends
    if (++turns % 4 === 0) {
      const n = chatAt.get(id)!;
      chatAt.set(id, n + 1);
      w.chat = [{ id: n, channel: 'all', seat: 'armenia', name: 'A', text: 'a chat line of an ordinary length', at: Date.now() } as never];
    } else {
      logAt.set(id, at + 1);
      w.log = { from: at, entries: [entry] };
      w.events = { from: at, entries: [event] };
      if (turns % 10 === 1) w.standing = { round: 1, phase: 'news', ended: null, clock: { paused: false, endsAt: Date.now() + 5000, remaining: 0 } };
    }
    return w;
  };
  const cpu = () => ownCpuMs() + (withPostgres ? cpuSecondsNamed('postgres') * 1000 : 0);
  let next = 0;
  const run = async (size: number, batches: number): Promise<Figure> => {
    const c0 = cpu();
    const t0 = performance.now();
    for (let b = 0; b < batches; b++) {
      const batch = [];
      for (let i = 0; i < size; i++) batch.push(store.write(turn(ids[next++ % MATCHES])));
      await Promise.all(batch);
    }
    return { wallMs: (performance.now() - t0) / batches, cpuUs: ((cpu() - c0) / (batches * size)) * 1000 };
  };
  await run(5, 300); // warm up: plans, pages, JIT
  const out = new Map<number, Figure>();
  for (const size of SIZES) out.set(size, await run(size, BATCHES));
  await store.close();
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'parity-bench-store-'));
let sqlite: Map<number, Figure>;
try {
  sqlite = await measure(openStore({ path: join(dir, 'parity.db') }), false);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const pg = await startPostgres();
let postgres: Map<number, Figure>;
try {
  // No gap between batches: this bench makes its batches itself (with the default 2 ms gap every
  // batch waited it out, and its wall time and CPU were the gap's and the idle wake-ups').
  postgres = await measure(openStore({ path: '', databaseUrl: await freshDatabase(pg.url), batchGapMs: 0 }), true);
} finally {
  await pg.stop();
}
const line = (name: string, f: Figure) => `${f.wallMs.toFixed(2)} ms/batch, ${f.cpuUs.toFixed(0)} µs CPU/write (${name})`;
for (const size of SIZES) {
  const s = sqlite.get(size)!;
  const p = postgres.get(size)!;
  console.log(`store: batch=${size} postgres ${line('client + server', p)}; sqlite ${line('in process', s)}; ratio wall=${(p.wallMs / s.wallMs).toFixed(2)} cpu=${(p.cpuUs / s.cpuUs).toFixed(2)}`);
}
