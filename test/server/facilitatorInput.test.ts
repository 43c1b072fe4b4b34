// Hostile input on every facilitator endpoint: a clear 4xx with a reason, and nothing changes.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { api, startServer, type TestServer } from './helpers.js';

let t: TestServer;
beforeAll(async () => {
  t = await startServer();
});
afterAll(async () => {
  await t?.stop();
});

const HOUR = { news: 3600, planning: 3600, demands: 3600, negotiation: 3600, response: 3600, resolution: 3600, report: 3600 };

async function raw(path: string, body: string, token?: string, method = 'POST') {
  const res = await fetch(t.url + path, { method, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: method === 'GET' ? undefined : body });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, json };
}

it('refuses hostile bodies, ids and queries with a 4xx and a reason, and changes nothing', async () => {
  const created = await api(t.url, '/api/sessions', { body: { name: 'Guarded', scenario: 'august-2022', rooms: 2, timers: HOUR, passphrase: 'a long passphrase' } });
  expect(created.status).toBe(201);
  const { sessionId, facilitatorToken: token, rooms } = created.body;
  const m = rooms[0].matchId;
  // Start both rooms, so that "nothing changed" is checked on running rooms too.
  expect((await api(t.url, `/api/sessions/${sessionId}/control`, { body: { op: 'extend', seconds: 1 }, token })).status).toBe(200);
  const snapshot = async () => {
    const o = (await api(t.url, `/api/sessions/${sessionId}/overview`, { token })).body;
    const log = (await api(t.url, `/api/sessions/${sessionId}/log`, { token })).body;
    const chat = (await api(t.url, `/api/sessions/${sessionId}/rooms/${m}/chat`, { token })).body.messages;
    const rooms = o.rooms.map(({ remaining: _r, phaseEndsAt: _p, ...rest }: Record<string, unknown>) => rest);
    return JSON.stringify({ rooms, log: log.length, chat: chat.length, list: (await t.parity.store.listMatches(1000)).length });
  };
  const before = await snapshot();

  const bodies = ['[]', '"pause"', 'null', '42', '{"op": {"$gt": 1}}', '{"a":', '{"__proto__": {"op": "pause"}}', JSON.stringify({ text: 'x'.repeat(40_000) })];
  const posts = ['/control', '/inject', '/broadcast', '/seat', `/rooms/${m}/fork`, '/token'];
  for (const path of posts) {
    for (const body of bodies) {
      const r = await raw(`/api/sessions/${sessionId}${path}`, body, token);
      expect(r.status, `${path} ${body.slice(0, 30)}`).toBeGreaterThanOrEqual(400);
      expect(r.status, `${path} ${body.slice(0, 30)}`).toBeLessThan(500);
      expect(typeof r.json?.error, `${path} ${body.slice(0, 30)}`).toBe('string');
    }
  }
  for (const body of bodies) {
    const r = await raw('/api/sessions', body);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    const s = await raw('/api/scenarios', body);
    expect(s.status).toBeGreaterThanOrEqual(400);
    expect(s.status).toBeLessThan(500);
    expect(s.json.error).toBeTruthy();
  }

  const gets: [string, number][] = [
    [`/api/sessions/${sessionId}/rooms/${m}/chat?after=-1`, 400],
    [`/api/sessions/${sessionId}/rooms/${m}/chat?limit=0`, 400],
    [`/api/sessions/${sessionId}/rooms/${m}/chat?limit=abc`, 400],
    [`/api/sessions/${sessionId}/rooms/${m}/timeline?channels=`, 400],
    [`/api/sessions/${sessionId}/rooms/${'x'.repeat(500)}/timeline`, 404],
    [`/api/sessions/${sessionId}/rooms/${rooms[1].matchId}x/chat`, 404],
    [`/api/sessions/${sessionId}/export.csv?kind=`, 400],
    [`/api/sessions/${sessionId}/export.csv?kind=meters&kind=x`, 200],
    [`/api/sessions/%00/overview`, 404],
    [`/api/sessions/${'s'.repeat(300)}/overview`, 404],
    [`/api/matches/${m}/export.csv?kind=../../etc`, 400],
  ];
  for (const [path, status] of gets) expect((await raw(path, '', token, 'GET')).status, path).toBe(status);
  // Another session's token opens nothing here.
  const other = (await api(t.url, '/api/sessions', { body: { name: 'Other', scenario: 'august-2022', rooms: 1 } })).body;
  expect((await raw(`/api/sessions/${sessionId}/overview`, '', other.facilitatorToken, 'GET')).status).toBe(403);
  expect((await raw(`/api/sessions/${other.sessionId}/rooms/${m}/chat`, '', other.facilitatorToken, 'GET')).status).toBe(404);
  expect((await api(t.url, `/api/sessions/${other.sessionId}/control`, { body: { op: 'pause', rooms: [m] }, token: other.facilitatorToken })).status).toBe(400);
  expect((await raw(`/api/sessions/${other.sessionId}/token`, '{"passphrase": "a long passphrase"}')).status).toBe(400);

  // The other session's creation is the only change in the store's matches.
  const after = JSON.parse(await snapshot());
  const was = JSON.parse(before);
  expect(after.list).toBe(was.list + 1);
  expect({ ...after, list: 0 }).toEqual({ ...was, list: 0 });
});
