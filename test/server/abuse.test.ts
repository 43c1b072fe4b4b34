// One anonymous client must not stall or exhaust the server (issue 11), tried as the stranger would:
// huge bodies on every route (Colyseus's /matchmake included), floods of matches, code lookups,
// room starts, joins and spectators, passphrase guesses, uploads, other origins, forged addresses,
// and input built to reach Object's prototype or to pass for another player.
import { scryptSync } from 'node:crypto';
import { connect } from 'node:net';
import { Client } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressOf, limitKey } from '../../server/http/address.js';
import { originAllowed } from '../../server/http/guard.js';
import { DEFAULT_LIMITS } from '../../server/http/limits.js';
import { parseScenarioUpload } from '../../shared/scenario/parse.js';
import { api, createMatch, ok, Player, startServer, TEST_PORT, type TestServer } from './helpers.js';

let t: TestServer;
beforeAll(async () => {
  // The real limits, and one proxy in front: each test speaks from addresses of its own.
  t = await startServer({ limits: DEFAULT_LIMITS, trustProxy: 1, watchers: { spectators: 7, spectatorsPerAddress: 5 } });
});
afterAll(async () => {
  await t?.stop();
});

const HOUR = { news: 3600, planning: 3600, demands: 3600, negotiation: 3600, response: 3600, resolution: 3600, report: 3600 };
let nextAddress = 1;
/** A fresh client address, as the proxy in front would report it. */
const address = () => `198.51.100.${nextAddress++}`;

async function from(ip: string, path: string, init: { method?: string; body?: unknown; token?: string; headers?: Record<string, string> } = {}) {
  const res = await fetch(t.url + path, {
    method: init.method ?? (init.body !== undefined ? 'POST' : 'GET'),
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...init.headers },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
  return { status: res.status, headers: res.headers, body: (await res.json().catch(() => null)) as any };
}

/** Sends headers declaring `declared` bytes, then streams up to `send` bytes; the status line, or null if none came. */
function hugeBody(path: string, declared: number, send: number): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = connect(TEST_PORT, '127.0.0.1');
    const chunk = Buffer.alloc(1024 * 1024, 'x');
    let sent = 0;
    let answer = '';
    socket.on('data', (d) => (answer += d.toString('latin1')));
    const done = () => resolve(answer ? answer.split('\r\n')[0] : null);
    socket.on('close', done);
    socket.on('error', () => undefined);
    socket.write(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${TEST_PORT}\r\nContent-Type: application/json\r\nContent-Length: ${declared}\r\n\r\n`);
    const pump = () => {
      while (sent < send && !socket.destroyed) {
        sent += chunk.length;
        if (!socket.write(chunk)) return void socket.once('drain', pump);
      }
      socket.end();
    };
    pump();
    setTimeout(() => socket.destroy(), 10_000);
  });
}

/** The longest gap between 2 ms ticks of this process's event loop, from now until `stop()`. */
function watchLoopGaps(): { stop(): number } {
  let worst = 0;
  let last = performance.now();
  const tick = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  }, 2);
  return {
    stop() {
      clearInterval(tick);
      return worst;
    },
  };
}

describe('bodies', () => {
  it('answers 413 from the Content-Length on every route, reading none of it: RSS stays flat, the server answers', async () => {
    const before = process.memoryUsage().rss;
    const paths = ['/matchmake/joinById/x', '/matchmake/joinOrCreate/match', '/api/matches', '/api/sessions', '/api/scenarios', '/api/sessions/s1/token', '/api/matches/m1/keys', '/nowhere'];
    const started = Date.now();
    const health = (async () => {
      let worst = 0;
      while (Date.now() - started < 1500) {
        const t0 = Date.now();
        expect((await fetch(`${t.url}/api/health`)).status).toBe(200);
        worst = Math.max(worst, Date.now() - t0);
      }
      return worst;
    })();
    // Eight parallel 500 MB bodies, each pushing up to 64 MB before the server hangs up.
    const answers = await Promise.all(paths.map((p) => hugeBody(p, 500 * 1024 * 1024, 64 * 1024 * 1024)));
    for (const a of answers) expect(a).toMatch(/^HTTP\/1\.1 413/);
    const grew = (process.memoryUsage().rss - before) / 1024 / 1024;
    console.log(`[abuse] 8 × 500 MB bodies: RSS grew ${grew.toFixed(1)} MB; slowest health check ${await health} ms`);
    expect(grew).toBeLessThan(64);
    expect(await health).toBeLessThan(1000);
    // Under the cap a body is read; a scenario upload has its own, larger cap.
    expect((await hugeBody('/api/matches', DEFAULT_LIMITS.bodyBytes + 1, 0))!).toMatch(/413/);
    expect((await hugeBody('/api/scenarios', DEFAULT_LIMITS.bodyBytes + 1, DEFAULT_LIMITS.bodyBytes + 1))!).not.toMatch(/413/);
  });

  it('refuses a body with no length (411)', async () => {
    const answer = await new Promise<string>((resolve) => {
      const s = connect(TEST_PORT, '127.0.0.1');
      let a = '';
      s.on('data', (d) => (a += d));
      s.on('close', () => resolve(a.split('\r\n')[0]));
      s.write(`POST /api/matches HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n`);
      setTimeout(() => s.end(), 300);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 411/);
  });
});

describe('rates per address', () => {
  it('match creation: the burst, then 429 with Retry-After; another address is not held up', async () => {
    const ip = address();
    const { burst } = DEFAULT_LIMITS.matchCreations;
    for (let i = 0; i < burst; i++) expect((await from(ip, '/api/matches', { body: { seed: i } })).status).toBe(201);
    const refused = await from(ip, '/api/matches', { body: {} });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await from(address(), '/api/matches', { body: {} })).status).toBe(201);
  });

  it('code lookups: after the misses an address may make, it finds nothing, not even a live code', async () => {
    const live = await createMatch(t.url, { seed: 1, timers: HOUR });
    const ip = address();
    const { burst, perMinute } = DEFAULT_LIMITS.missedLookups;
    for (let i = 0; i < burst; i++) expect((await from(ip, `/api/join/ZZZZZ${'ABCDEFGHJKMNPQRSTUVWXYZ23456789'[i]}`)).status).toBe(404);
    const blocked = await from(ip, `/api/join/${live.code}`);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBe(Math.ceil(60 / perMinute));
    expect((await from(address(), `/api/join/${live.code}`)).status).toBe(200);
  });

  it('room starts: a lookup that starts a room counts; one that finds it running does not', async () => {
    const { burst } = DEFAULT_LIMITS.roomStarts;
    const codes: string[] = [];
    for (let i = 0; i <= burst; i++) codes.push((await from(address(), '/api/matches', { body: { seed: i, timers: HOUR } })).body.code);
    const ip = address();
    for (const code of codes.slice(0, burst)) expect((await from(ip, `/api/join/${code}`)).status).toBe(200);
    expect((await from(ip, `/api/join/${codes[burst]}`)).status).toBe(429);
    expect((await from(ip, `/api/join/${codes[0]}`)).status).toBe(200);
  });

  it('matchmaking requests: the burst, then 429', async () => {
    const ip = address();
    const { burst } = DEFAULT_LIMITS.matchmake;
    const statuses = await Promise.all(Array.from({ length: burst + 20 }, () => from(ip, '/matchmake/joinById/nope', { body: { seat: 'spectator', name: 'x' } }).then((r) => r.status)));
    expect(statuses.filter((s) => s !== 429).length).toBeGreaterThanOrEqual(burst);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect((await from(address(), '/matchmake/joinById/nope', { body: {} })).status).not.toBe(429);
  });

  it('spectators: at most a few from one address, and so many in a room', async () => {
    const m = await createMatch(t.url, { seed: 2, timers: HOUR });
    await api(t.url, `/api/join/${m.code}`);
    const info = (await api(t.url, `/api/join/${m.code}`)).body;
    const watch = (ip: string) => new Client(t.url, { headers: { 'x-forwarded-for': ip } }).joinById(info.roomId, { seat: 'spectator', name: 'W' }).then(() => 'joined', (e: Error) => e.message);
    const ip = address();
    for (let i = 0; i < 5; i++) expect(await watch(ip)).toBe('joined');
    expect(await watch(ip)).toMatch(/^too_many/);
    expect(await watch(address())).toBe('joined');
    expect(await watch(address())).toBe('joined');
    expect(await watch(address())).toMatch(/^too_many: this room already has 7/);
  });

  it('ignores X-Forwarded-For unless a proxy is trusted; counts IPv6 per /64', () => {
    const req = (xff: string | undefined, socket = '192.0.2.9') => ({ headers: xff ? { 'x-forwarded-for': xff } : {}, socket: { remoteAddress: socket } }) as any;
    expect(addressOf(req('203.0.113.1'), 0)).toBe('192.0.2.9');
    expect(addressOf(req('203.0.113.1, 198.51.100.7'), 1)).toBe('198.51.100.7');
    expect(addressOf(req('203.0.113.1, 198.51.100.7'), 2)).toBe('203.0.113.1');
    expect(addressOf(req(undefined), 1)).toBe('192.0.2.9');
    expect(limitKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(limitKey('2001:db8:1:2:aaaa::1')).toBe(limitKey('2001:0db8:0001:0002:ffff:1:2:3'));
    expect(limitKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
  });
});

describe('the passphrase', () => {
  it('locks out the address that guesses, not the teacher', async () => {
    const teacher = address();
    const s = await from(teacher, '/api/sessions', { body: { name: 'Class', scenario: 'august-2022', rooms: 1, timers: HOUR, passphrase: 'correct horse battery' } });
    const guesser = address();
    for (let i = 0; i < DEFAULT_LIMITS.wrongPassphrases.burst; i++) expect((await from(guesser, `/api/sessions/${s.body.sessionId}/token`, { body: { passphrase: `guess ${i}` } })).status).toBe(403);
    expect((await from(guesser, `/api/sessions/${s.body.sessionId}/token`, { body: { passphrase: 'correct horse battery' } })).status).toBe(429);
    const back = await from(teacher, `/api/sessions/${s.body.sessionId}/token`, { body: { passphrase: 'correct horse battery' } });
    expect(back.status).toBe(200);
    expect(back.body.facilitatorToken).toBe(s.body.facilitatorToken);
    // Guesses sent all at once do not slip past the limit while the key is being derived.
    const rushed = await Promise.all(Array.from({ length: 20 }, (_, i) => from(address(), `/api/sessions/${s.body.sessionId}/token`, { body: { passphrase: `rush ${i}` } }).then((r) => r.status)));
    expect(rushed.filter((x) => x === 403).length).toBe(20);
    const one = address();
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => from(one, `/api/sessions/${s.body.sessionId}/token`, { body: { passphrase: `rush ${i}` } }).then((r) => r.status)));
    expect(burst.filter((x) => x === 403).length).toBe(DEFAULT_LIMITS.wrongPassphrases.burst);
    // A right passphrase costs the address nothing.
    const right = address();
    for (let i = 0; i < DEFAULT_LIMITS.wrongPassphrases.burst + 2; i++) expect((await from(right, `/api/sessions/${s.body.sessionId}/token`, { body: { passphrase: 'correct horse battery' } })).status).toBe(200);
  });

  it('derives the key off the event loop', async () => {
    const s = await from(address(), '/api/sessions', { body: { name: 'Class', scenario: 'august-2022', rooms: 1, timers: HOUR, passphrase: 'correct horse battery' } });
    // What one check cost the loop before: the key derived on it.
    const t0 = performance.now();
    scryptSync('a passphrase', 'a salt of sixteen', 32);
    const inline = performance.now() - t0;
    const gaps = watchLoopGaps();
    await Promise.all(Array.from({ length: 4 }, (_, i) => from(address(), `/api/sessions/${s.body.sessionId}/token`, { body: { passphrase: `wrong ${i}` } })));
    const worst = gaps.stop();
    console.log(`[abuse] 4 passphrase checks at once: longest event-loop gap ${worst.toFixed(1)} ms (one key derived on the loop: ${inline.toFixed(1)} ms)`);
    expect(worst).toBeLessThan(Math.max(40, 2 * inline));
  });
});

describe('other origins', () => {
  it('answers CORS only for the server’s own origin (and PARITY_ORIGINS); refuses other origins’ writes', async () => {
    const own = `http://127.0.0.1:${TEST_PORT}`;
    const pre = await fetch(`${t.url}/matchmake/joinById/x`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    expect(pre.headers.get('access-control-allow-credentials')).toBeNull();
    const get = await fetch(`${t.url}/api/health`, { headers: { origin: 'https://evil.example' } });
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
    const mine = await fetch(`${t.url}/api/health`, { headers: { origin: own } });
    expect(mine.headers.get('access-control-allow-origin')).toBe(own);
    expect((await from(address(), '/api/matches', { body: {}, headers: { origin: 'https://evil.example' } })).status).toBe(403);
    expect(originAllowed('https://school.example', '127.0.0.1:2567', ['https://school.example'])).toBe(true);
    expect(originAllowed('https://evil.example', 'game.example', [])).toBe(false);
    expect(originAllowed('https://game.example', 'game.example', [])).toBe(true);
    // `npm run dev`: Vite's page beside the game server on this machine.
    expect(originAllowed('http://localhost:5173', 'localhost:2567', [])).toBe(true);
  });
});

describe('uploads', () => {
  it('keeps parsed uploads within the cache bounds, and parses them off the event loop', async () => {
    const { readFileSync } = await import('node:fs');
    const base = JSON.parse(readFileSync('scenarios/august-2022.json', 'utf8'));
    // About 1.9 MB (in UTF-8 bytes: the translations' letters take two): many more events than the base has.
    const big = { ...base, events: [...base.events] };
    while (Buffer.byteLength(JSON.stringify(big)) < 1_850_000) big.events.push(...base.events.map((e: any, i: number) => ({ ...e, id: `${e.id}-x${big.events.length}-${i}` })));
    const text = JSON.stringify(big);
    // What the event loop paid per upload before: the file parsed and validated there, twice.
    const t0 = performance.now();
    expect(parseScenarioUpload(text).ok).toBe(true);
    const inline = 2 * (performance.now() - t0);
    const rss = process.memoryUsage().rss;
    const gaps = watchLoopGaps();
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const ip = address();
      const r = await fetch(`${t.url}/api/scenarios`, { method: 'POST', headers: { 'content-type': 'text/plain', 'x-forwarded-for': ip }, body: text });
      expect(r.status).toBe(201);
      const id = ((await r.json()) as { id: string }).id;
      ids.push(id);
      // A session takes it: loaded into the cache (off the loop too).
      expect((await from(ip, '/api/sessions', { body: { name: `Class ${i}`, scenario: id, rooms: 1, timers: HOUR } })).status).toBe(201);
    }
    const worst = gaps.stop();
    const cache = t.parity.library.cacheSize();
    const grew = (process.memoryUsage().rss - rss) / 1e6;
    console.log(
      `[abuse] 10 uploads of ${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB: ${cache.count} parsed in memory (${(cache.bytes / 1e6).toFixed(1)} MB of text); longest event-loop gap ${worst.toFixed(1)} ms (parsing on the loop: ${inline.toFixed(1)} ms per upload); RSS grew ${grew.toFixed(0)} MB`,
    );
    expect(cache.count).toBeLessThanOrEqual(8);
    expect(cache.bytes).toBeLessThanOrEqual(16 * 1024 * 1024);
    // Storing the 2 MB text and the collector remain on the loop; parsing does not.
    expect(worst).toBeLessThan(Math.max(60, inline));
    // An upload over the limit per address.
    const ip = address();
    const statuses: number[] = [];
    for (let i = 0; i <= DEFAULT_LIMITS.uploads.burst; i++) statuses.push((await fetch(`${t.url}/api/scenarios`, { method: 'POST', headers: { 'x-forwarded-for': ip }, body: '{}' })).status);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('input built to reach the prototype or to pass for another player', () => {
  it('refuses a custom event on the region "constructor", and Object stays untouched', async () => {
    const m = await createMatch(t.url, { seed: 3, timers: HOUR });
    const fac = await Player.join(t, m.code, 'facilitator', 'F', m.facilitatorToken);
    for (const region of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const r = await fac.act({ type: 'injectEvent', custom: { headline: { en: 'x' }, text: { en: 'y' }, effects: { tension: { [region]: 5 } } } });
      expect(r.kind, region).toBe('refused');
    }
    // Message types are client-supplied keys too.
    for (const type of ['constructor', '__proto__', 'toString']) expect((await fac.send(type, {})).kind, type).toBe('refused');
    expect(Object.prototype).not.toHaveProperty('tension');
    expect((Object as unknown as { tension?: number }).tension).toBeUndefined();
    expect(({} as { constructor: { tension?: number } }).constructor.tension).toBeUndefined();
    await fac.leave();
  });

  it('strips bidi overrides, zero-width and control characters from names and chat', async () => {
    const m = await createMatch(t.url, { seed: 4, timers: HOUR });
    const arm = await Player.join(t, m.code, 'armenia', '\u202EinA\u200B');
    const aze = await Player.join(t, m.code, 'azerbaijan', 'Elnur');
    ok(await arm.send('chat', { channel: 'table', text: 'I \u2066accept\u2069\u200D\uFEFF the deal\u0007' }));
    await aze.until(() => aze.messages.some((x) => x.type === 'chat'), 2000, 'chat');
    const msg = aze.messages.find((x) => x.type === 'chat')!.payload;
    expect(msg.name).toBe('inA');
    expect(msg.text).toBe('I accept the deal');
    expect(aze.state.seats.get('armenia').occupants[0].name).toBe('inA');
    await arm.leave();
    await aze.leave();
  });
});
