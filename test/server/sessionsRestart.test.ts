// A class session survives a server restart: the token, the rooms, the limits already used, a
// paused clock and uploaded scenarios are all in the database.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { api, Player, startServer, type TestServer } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'parity-restart-'));
const db = join(dir, 'parity.db');
let t: TestServer | null = null;
afterAll(async () => {
  await t?.stop();
  rmSync(dir, { recursive: true, force: true });
});

it('keeps sessions, limits, paused clocks and uploads across a restart', async () => {
  t = await startServer({ db });
  const text = readFileSync(join(import.meta.dirname, '..', '..', 'scenarios', 'august-2022.json'), 'utf8');
  const up = await fetch(`${t.url}/api/scenarios`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: text });
  const scenario = (await up.json()).id as string;
  const created = await api(t.url, '/api/sessions', { body: { name: 'Slow class', scenario, rooms: 2, timers: { planning: 3 * 86_400 }, limits: { maxPauses: 1 } } });
  expect(created.status).toBe(201);
  const { sessionId, facilitatorToken: token, rooms } = created.body;
  expect((await api(t.url, `/api/sessions/${sessionId}/control`, { body: { op: 'pause', rooms: [rooms[0].matchId] }, token })).status).toBe(200);
  await t.stop();

  t = await startServer({ db });
  // The first request may land on a kept-alive connection to the old server: retry it.
  for (let i = 0; i < 5 && !(await fetch(`${t.url}/api/health`).then((r) => r.ok, () => false)); i++);
  const info = await api(t.url, `/api/sessions/${sessionId}`, { token });
  expect(info.status).toBe(200);
  expect(info.body).toMatchObject({ name: 'Slow class', scenario, limits: { maxPauses: 1 } });
  expect(info.body.timers.planning).toBe(3 * 86_400);
  const o = (await api(t.url, `/api/sessions/${sessionId}/overview`, { token })).body;
  expect(o.rooms.map((r: { live: boolean; paused: boolean; pausesUsed: number }) => [r.live, r.paused, r.pausesUsed])).toEqual([
    [false, true, 1],
    [false, false, 0],
  ]);
  // The limit still holds; the room restarts paused and its player sees the uploaded scenario.
  const again = await api(t.url, `/api/sessions/${sessionId}/control`, { body: { op: 'pause', rooms: [rooms[1].matchId] }, token });
  expect(again.status).toBe(200);
  const resumed = await api(t.url, `/api/sessions/${sessionId}/control`, { body: { op: 'resume', rooms: [rooms[0].matchId] }, token });
  expect(resumed.status).toBe(200);
  const ani = await Player.join(t, rooms[0].code, 'armenia', 'Ani');
  expect(ani.view.scenarioId).toBe(scenario);
  expect(ani.state.paused).toBe(false);
  const refused = await api(t.url, `/api/sessions/${sessionId}/control`, { body: { op: 'pause', rooms: [rooms[0].matchId] }, token });
  expect(refused.body.results[0]).toMatchObject({ code: 'limit_reached' });
  await ani.leave();
  expect((await api(t.url, `/api/scenarios/${scenario}`)).status).toBe(200);
});
