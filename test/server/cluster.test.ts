// Two server processes on one PostgreSQL and one Redis (Colyseus's presence and driver), behind a
// front proxy, as docs/deploy.md runs them: a class session's rooms on both processes reached by
// the console from either; the waker firing each deadline once; and failover — one process
// killed, its matches joined again through the other within 10 s by the real client's own
// reconnection (client/net), every acknowledged action kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@colyseus/sdk';
import { createConnection } from '../../client/net/connection.js';
import { createGameStore } from '../../client/store/game.js';
import { freshDatabase, freePort, startPostgres, startRedis, type Service } from '../../scripts/services.js';
import { startFrontProxy, type FrontProxy } from '../../scripts/frontProxy.js';
import { startParity, type ParityProcess } from '../../scripts/parityProcess.js';
import { replay } from '../../shared/engine/index.js';
import { loadScenario } from '../../shared/scenario/files.js';
import { keepSeatKeys } from '../../client/net/session.js';
import { api, seatKeys, TEST_PORT } from './helpers.js';

let postgres: Service;
let redis: Service;
let proxy: FrontProxy;
const procs: Record<'p1' | 'p2', ParityProcess | null> = { p1: null, p2: null };
const ports = { p1: TEST_PORT, p2: 0, proxy: 0 };
let env: Record<string, string>;

/** Where clients reach a process's rooms: through the front proxy, under the process's name. */
const address = (name: 'p1' | 'p2') => (process.env.DIRECT ? `127.0.0.1:${ports[name]}` : `127.0.0.1:${ports.proxy}/${name}`);

async function boot(name: 'p1' | 'p2') {
  procs[name] = await startParity(ports[name], { ...env, PARITY_PUBLIC_ADDRESS: address(name), ...(process.env.DBG ? { DEBUG: process.env.DBG } : {}) }, { stdout: !!process.env.DBG });
}

beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  ports.p2 = await freePort();
  ports.proxy = await freePort();
  env = { DATABASE_URL: await freshDatabase(postgres.url), PARITY_REDIS_URL: redis.url, PARITY_LEASE_MS: '3000', PARITY_WAKE_MS: '300', PARITY_IDLE_SECONDS: '1', PARITY_RATE: '1000', PARITY_GRACE: '3600' };
  proxy = await startFrontProxy(ports.proxy, [
    { name: 'p1', port: ports.p1 },
    { name: 'p2', port: ports.p2 },
  ]);
  await boot('p1');
  await boot('p2');
}, 120_000);

afterAll(async () => {
  await Promise.all(Object.values(procs).map((p) => p?.kill9()));
  await proxy?.close();
  await Promise.all([postgres?.stop(), redis?.stop()]);
});

const direct = (name: 'p1' | 'p2') => `http://127.0.0.1:${ports[name]}`;
const long = { news: 3600, planning: 3600, demands: 3600, negotiation: 3600, response: 3600, resolution: 3600, report: 3600 };

/** Which process a match's room runs on (from its listing in Redis, as either process sees it). */
async function hostOf(code: string): Promise<string> {
  const info = await api(proxy.url, `/api/join/${code}`);
  expect(info.status).toBe(200);
  const reservation = await fetch(`${proxy.url}/matchmake/joinById/${info.body.roomId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ seat: 'spectator', name: 'probe' }),
  }).then((r) => r.json() as Promise<{ publicAddress?: string }>);
  return reservation.publicAddress ?? '';
}

describe('a class session over two processes', () => {
  it('starts rooms where they are asked for, and the console reaches every room from either process', async () => {
    const created = await api(direct('p1'), '/api/sessions', { body: { name: 'Two hosts', scenario: 'august-2022', rooms: 4, seats: { russia: 'bot', eu: 'bot' }, timers: long } });
    expect(created.status).toBe(201);
    const { sessionId, facilitatorToken: token, rooms } = created.body as { sessionId: string; facilitatorToken: string; rooms: { matchId: string; code: string }[] };
    // Rooms 1 and 3 start on p1, rooms 2 and 4 on p2 (each where its first join came in).
    for (const [i, r] of rooms.entries()) expect((await api(direct(i % 2 ? 'p2' : 'p1'), `/api/join/${r.code}`)).status).toBe(200);
    expect(await hostOf(rooms[0].code)).toBe(address('p1'));
    expect(await hostOf(rooms[1].code)).toBe(address('p2'));

    // A player in a room of p2, joined through the proxy.
    const sdk = new Client(proxy.url);
    const info = await api(proxy.url, `/api/join/${rooms[1].code}`);
    const player = await sdk.joinById(info.body.roomId, { seat: 'armenia', name: 'Ani', key: seatKeys.get(rooms[1].code)!.armenia });
    const heard: string[] = [];
    player.onMessage('chat', (m: { text: string }) => heard.push(m.text));
    player.onMessage('*', () => undefined);

    // From p1: pause every room, broadcast, swap a seat.
    const paused = await api(direct('p1'), `/api/sessions/${sessionId}/control`, { body: { op: 'pause' }, token });
    expect(paused.body.results).toEqual(rooms.map((r) => ({ matchId: r.matchId, ok: true })));
    const said = await api(direct('p1'), `/api/sessions/${sessionId}/broadcast`, { body: { name: 'Teacher', text: 'five minutes left' }, token });
    expect(said.body.results.every((r: { ok: boolean }) => r.ok)).toBe(true);
    const swapped = await api(direct('p1'), `/api/sessions/${sessionId}/seat`, { body: { seat: 'eu', controller: 'human', rooms: [rooms[1].matchId] }, token });
    expect(swapped.body.results).toEqual([{ matchId: rooms[1].matchId, ok: true }]);
    for (let i = 0; i < 100 && !heard.includes('five minutes left'); i++) await new Promise((r) => setTimeout(r, 20));
    expect(heard).toContain('five minutes left');

    // From p2: the overview sees every room paused (the player's live on p2; empty rooms may have
    // been put away, their clocks held); the export holds every room.
    const o = await api(direct('p2'), `/api/sessions/${sessionId}/overview`, { token });
    expect(o.body.rooms.map((r: { paused: boolean }) => r.paused)).toEqual(rooms.map(() => true));
    expect(o.body.rooms[1].live).toBe(true);
    expect(o.body.rooms[1].seats.eu.controller).toBe('human');
    const exported = await api(direct('p2'), `/api/sessions/${sessionId}/export.json`, { token });
    expect(exported.body.rooms).toHaveLength(4);
    const log = await api(direct('p2'), `/api/sessions/${sessionId}/log`, { token });
    expect(log.body.filter((l: { op: string; ok: boolean }) => l.op === 'pause' && l.ok)).toHaveLength(4);
    await player.leave();
  }, 60_000);
});

describe('the waker on both processes', () => {
  it('fires each deadline once', async () => {
    const five = { news: 5, planning: 3600, demands: 3600, negotiation: 3600, response: 3600, resolution: 3600, report: 3600 };
    const made: { matchId: string; code: string; facilitatorToken: string }[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await api(proxy.url, '/api/matches', { body: { seed: 100 + i, timers: five, seats: { armenia: 'bot', azerbaijan: 'bot', russia: 'bot', eu: 'bot' } } });
      made.push(r.body);
      // Started (on either process), then put away after a second with nobody in it.
      expect((await api(proxy.url, `/api/join/${r.body.code}`)).status).toBe(200);
    }
    // The news phase runs out after 5 s, with no room up: one waker claims each match.
    await new Promise((r) => setTimeout(r, 8000));
    const scenario = loadScenario('august-2022');
    for (const m of made) {
      const rec = (await api(direct('p1'), `/api/matches/${m.matchId}`, { token: m.facilitatorToken })).body;
      expect(rec.phase).toBe('planning');
      expect(rec.log.map((e: { seq: number }) => e.seq)).toEqual(rec.log.map((_: unknown, i: number) => i));
      expect(rec.log.filter((e: { entry: { kind: string } }) => e.entry.kind === 'advance')).toHaveLength(1);
      expect(replay(scenario, rec.seed, rec.seatConfig, rec.log.map((e: { entry: unknown }) => e.entry)).phase).toBe('planning');
    }
  }, 60_000);
});

/** A browser's storage, in memory: the real client keeps its seats' keys there. */
class MemoryStorage {
  private items = new Map<string, string>();
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.items.set(k, String(v));
  removeItem = (k: string) => void this.items.delete(k);
}
for (const name of ['localStorage', 'sessionStorage']) Object.defineProperty(globalThis, name, { value: new MemoryStorage(), configurable: true, writable: true });

describe('failover', () => {
  it('a killed process: within 10 s its matches are joined again through the other, clients by themselves, every acknowledged action there', async () => {
    // Relative URLs of the client's HTTP API go to the front proxy, as in a browser.
    const realFetch = globalThis.fetch;
    globalThis.fetch = ((u: string | URL | Request, init?: RequestInit) => realFetch(typeof u === 'string' && u.startsWith('/') ? proxy.url + u : u, init)) as typeof fetch;
    try {
      const matches = [];
      for (let i = 0; i < 4; i++) {
        const r = await api(direct('p1'), '/api/matches', { body: { seed: 200 + i, timers: long, seats: { russia: 'bot', eu: 'bot' } } });
        matches.push(r.body as { matchId: string; code: string; facilitatorToken: string });
        // The browser that created a match keeps its seats' keys.
        keepSeatKeys(r.body.matchId, r.body.seatKeys);
        expect((await api(direct('p1'), `/api/join/${r.body.code}`)).status).toBe(200);
      }
      for (const m of matches) expect(await hostOf(m.code)).toBe(address('p1'));

      // The real client (client/net), one per match, joined through the proxy.
      const clients = await Promise.all(
        matches.map(async (m) => {
          const store = createGameStore();
          const net = createConnection(store, { endpoint: proxy.url });
          await net.join(m.code, 'Ani');
          await net.takeSeat('armenia');
          for (let i = 0; i < 200 && !store.getState().view; i++) await new Promise((r) => setTimeout(r, 20));
          return { m, store, net };
        }),
      );
      const acknowledged: Record<string, string[]> = {};
      for (const c of clients) {
        acknowledged[c.m.matchId] = [];
        for (const text of ['one', 'two']) if (await c.net.chat('table', `${text} ${c.m.matchId}`)) acknowledged[c.m.matchId].push(`${text} ${c.m.matchId}`);
        expect(await c.net.act({ type: 'done' } as never, 'actions.done')).toBe(true);
        expect(acknowledged[c.m.matchId]).toHaveLength(2);
      }

      const killedAt = Date.now();
      await procs.p1!.kill9();
      procs.p1 = null;
      // Each client finds its match again on p2, by itself.
      for (const c of clients) {
        for (; Date.now() - killedAt < 10_000; ) {
          const host = c.store.getState().connection === 'open' ? await hostOf(c.m.code).catch((e) => String(e)) : '';
          // Open again, on p2 (the state is read again: the old connection may not have noticed it died when this started).
          if (host === address('p2') && c.store.getState().connection === 'open') break;
          await new Promise((r) => setTimeout(r, 200));
        }
        expect(c.store.getState().connection, `${c.m.matchId} reconnected`).toBe('open');
      }
      const took = Date.now() - killedAt;
      expect(took).toBeLessThan(10_000);
      console.log(`failover: every client back in ${took} ms`);
      for (const c of clients) {
        const rec = (await api(direct('p2'), `/api/matches/${c.m.matchId}`, { token: c.m.facilitatorToken })).body;
        const texts = rec.chat.map((x: { text: string }) => x.text);
        expect(acknowledged[c.m.matchId].filter((t) => !texts.includes(t))).toEqual([]);
        expect(rec.log.some((e: { entry: { kind: string; seat: string; action?: { type: string } } }) => e.entry.kind === 'action' && e.entry.seat === 'armenia' && e.entry.action?.type === 'done')).toBe(true);
        // And play goes on there.
        expect(await c.net.chat('table', `after ${c.m.matchId}`)).toBe(true);
        c.net.leave();
      }
    } finally {
      globalThis.fetch = realFetch;
      if (!procs.p1) await boot('p1');
    }
  }, 90_000);
});
