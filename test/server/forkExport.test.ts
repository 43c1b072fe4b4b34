// Scenario uploads, rollback and fork, the room timeline (with what each seat knew), the class
// debrief and the JSON/CSV exports, read back and parsed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createMatch, Player, startServer, type TestServer } from './helpers.js';

let t: TestServer;
beforeAll(async () => {
  // Armenia's human seat stays empty in the forked room: no bot takes it over during the test.
  t = await startServer({ graceSeconds: 3600 });
});
afterAll(async () => {
  await t?.stop();
});

const BASE = readFileSync(join(import.meta.dirname, '..', '..', 'scenarios', 'august-2022.json'), 'utf8');
const HOUR = { news: 3600, planning: 3600, demands: 3600, negotiation: 3600, response: 3600, resolution: 3600, report: 3600 };
const BOTS = { armenia: 'bot', azerbaijan: 'bot', russia: 'bot', eu: 'bot' };

async function upload(body: string, type = 'application/json') {
  const res = await fetch(`${t.url}/api/scenarios`, { method: 'POST', headers: { 'content-type': type }, body });
  return { status: res.status, body: (await res.json()) as any };
}

/** RFC 4180 reader: quoted fields, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const s = text.slice(1);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && s[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  expect(row).toEqual([]);
  return rows;
}

async function csv(path: string, token?: string) {
  const res = await fetch(t.url + path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  // Keep the byte-order mark (text() would drop it).
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
  return { status: res.status, type: res.headers.get('content-type') ?? '', text };
}

describe('scenario uploads', () => {
  it('refuses a bad file with the list of precise errors and stores nothing', async () => {
    const notJson = await upload('{"id": "x",');
    expect(notJson.status).toBe(400);
    expect(notJson.body.issues[0]).toMatch(/^\(file\): not valid JSON/);
    expect((await upload('   ')).body.issues).toEqual(['(file): empty; expected a scenario as JSON']);

    const shape = JSON.parse(BASE);
    shape.rounds = 0;
    delete shape.title;
    shape.timers.news = 1;
    const r1 = await upload(JSON.stringify(shape));
    expect(r1.status).toBe(400);
    expect(r1.body.error).toBe('invalid scenario');
    expect(r1.body.issues).toEqual(expect.arrayContaining([expect.stringMatching(/^rounds: /), expect.stringMatching(/^title: /), expect.stringMatching(/^timers\.news: /)]));

    const refs = JSON.parse(BASE);
    refs.openingEvent = 'nope';
    refs.demands[0].pressure = 'atlantis';
    const r2 = await upload(JSON.stringify(refs));
    expect(r2.status).toBe(400);
    expect(r2.body.issues).toEqual(expect.arrayContaining(['openingEvent: unknown event "nope"', 'demands.0.pressure: unknown region "atlantis"']));

    const huge = await upload('x'.repeat(3 * 1024 * 1024));
    expect(huge.status).toBe(413);
  });

  it('stores a valid file under its own id and serves it whole, like a shipped one', async () => {
    const r = await upload(BASE);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ originalId: 'august-2022', rounds: 12, mediators: ['russia', 'eu'] });
    expect(r.body.id).toMatch(/^august-2022-u[a-z0-9]{8}$/);
    const wrapped = await upload(JSON.stringify({ text: BASE }));
    expect(wrapped.status).toBe(201);
    expect(wrapped.body.id).not.toBe(r.body.id);

    // Usable to create a class session: its rooms play it.
    const session = await api(t.url, '/api/sessions', { body: { name: 'Own scenario', scenario: r.body.id, rooms: 1, seats: { eu: 'bot' }, timers: HOUR } });
    expect(session.status).toBe(201);

    // Whole for the session's facilitator (issue 11: the seats' briefings are not for anyone else).
    const full = await api(t.url, `/api/scenarios/${r.body.id}?session=${session.body.sessionId}`, { token: session.body.facilitatorToken });
    expect(full.status).toBe(200);
    expect(full.body.id).toBe(r.body.id);
    expect(full.body.regions.length).toBe(JSON.parse(BASE).regions.length);
    expect(full.body.seats.armenia.briefing.en.length).toBeGreaterThan(100);
    const shipped = await api(t.url, '/api/scenarios/august-2022');
    expect(shipped.status).toBe(200);
    expect(shipped.body.demands.length).toBe(JSON.parse(BASE).demands.length);
    expect((await api(t.url, '/api/scenarios/nowhere')).status).toBe(404);
    const ani = await Player.join(t, session.body.rooms[0].code, 'armenia', 'Ani');
    expect(ani.view.scenarioId).toBe(r.body.id);
    expect(ani.state.scenarioId).toBe(r.body.id);
    await ani.leave();
    expect((await api(t.url, '/api/scenarios/..%2F..%2Fpackage')).status).toBe(404);
  });
});

describe('fork, timeline, debrief and exports', () => {
  let sessionId: string, token: string, scenario: string;
  let rooms: { matchId: string; code: string; label: string }[];
  const auth = () => ({ token });
  const post = (path: string, body: unknown) => api(t.url, `/api/sessions/${sessionId}${path}`, { body, ...auth() });
  const get = (path: string) => api(t.url, `/api/sessions/${sessionId}${path}`, auth());
  const HEADLINE = 'Talks, "again"\nat the border';

  beforeAll(async () => {
    // A shipped scenario, so that seed 11 plays the same every run (an upload's id, part of the seed, is random).
    scenario = 'august-2022';
    // Armenia is a human seat nobody takes: no settlement can end the room before round 3.
    const r = await api(t.url, '/api/sessions', { body: { name: 'Fork class', scenario, rooms: 2, seats: { ...BOTS, armenia: 'human' }, timers: HOUR, seed: 11 } });
    expect(r.status).toBe(201);
    ({ sessionId, facilitatorToken: token, rooms } = r.body);
    // Room 1: two full rounds, moved on by the facilitator; bots play the other seats.
    for (let i = 0; i < 14; i++) {
      if (i === 2) expect((await post('/inject', { custom: { headline: HEADLINE, text: 'Both sides, again.', effects: { stability: 2 } }, rooms: [rooms[0].matchId] })).status).toBe(200);
      const a = await post('/control', { op: 'advance', rooms: [rooms[0].matchId] });
      expect(a.status, JSON.stringify(a.body)).toBe(200);
    }
  });

  it('forks a room from a resolved round: a new room with its own code, the same past', async () => {
    const o = (await get('/overview')).body;
    expect(o.rooms[0]).toMatchObject({ round: 3, phase: 'news', reported: 2 });

    const notYet = await post(`/rooms/${rooms[0].matchId}/fork`, { round: 3 });
    expect(notYet.status).toBe(400);
    expect(notYet.body.issues).toEqual(['round: round 3 of Room 1 has not been resolved (rounds resolved so far: 1, 2)']);
    expect((await post(`/rooms/${rooms[1].matchId}/fork`, { round: 1 })).body.issues[0]).toMatch(/no round has been resolved yet/);
    expect((await post(`/rooms/${rooms[0].matchId}/fork`, { round: 'one' })).status).toBe(400);
    expect((await post(`/rooms/${rooms[0].matchId}/fork`, { round: 1, seats: { armenia: 'alien' } })).status).toBe(400);
    expect((await post(`/rooms/mNOPE/fork`, { round: 1 })).status).toBe(404);
    expect((await get('/overview')).body.rooms).toHaveLength(2);

    const f = await post(`/rooms/${rooms[0].matchId}/fork`, { round: 1, seats: { armenia: 'human', eu: 'human' } });
    expect(f.status, JSON.stringify(f.body)).toBe(201);
    expect(f.body).toMatchObject({ label: 'Room 1 · fork @1', forkOf: { matchId: rooms[0].matchId, round: 1 } });
    expect(f.body.code).toMatch(/^[A-Z2-9]{6}$/);

    const origin = (await api(t.url, `/api/matches/${rooms[0].matchId}`, auth())).body;
    const fork = (await api(t.url, `/api/matches/${f.body.matchId}`, auth())).body;
    expect(fork).toMatchObject({ round: 1, phase: 'report', ended: null, seed: origin.seed, scenario });
    // Meters: the start (round 0) and round 1's report.
    expect(fork.rounds.map((r: { round: number }) => r.round)).toEqual([0, 1]);
    expect(fork.rounds).toEqual(origin.rounds.slice(0, 2));
    const cut = fork.log.length - 2; // the seat overrides come last
    expect(fork.log.slice(0, cut).map((e: { entry: unknown }) => e.entry)).toEqual(origin.log.slice(0, cut).map((e: { entry: unknown }) => e.entry));
    expect(fork.log.at(-1).entry).toEqual({ kind: 'action', seat: 'facilitator', action: { type: 'setSeat', seat: 'eu', controller: 'human' } });

    // The fork plays on: a student joins Armenia and the facilitator starts round 2.
    const ani = await Player.join(t, f.body.code, 'armenia', 'Ani');
    expect(ani.view).toMatchObject({ round: 1, phase: 'report' });
    expect((await post('/control', { op: 'advance', rooms: [f.body.matchId] })).status).toBe(200);
    await ani.until(() => ani.view.round === 2 && ani.view.phase === 'news', 3000, 'round 2');
    await ani.leave();

    const after = (await get('/overview')).body;
    expect(after.rooms.map((r: { label: string; forkOf: unknown }) => [r.label, r.forkOf])).toEqual([
      ['Room 1', null],
      ['Room 2', null],
      ['Room 1 · fork @1', { matchId: rooms[0].matchId, round: 1 }],
    ]);
  });

  it('gives each room a timeline of decisions with what the deciding seat knew, and the facilitator entries', async () => {
    const r = await get(`/rooms/${rooms[0].matchId}/timeline`);
    expect(r.status).toBe(200);
    const tl = r.body;
    expect(tl).toMatchObject({ matchId: rooms[0].matchId, label: 'Room 1', round: 3, provisional: true });
    expect(tl.chat).toBeUndefined();
    const kinds = new Set(tl.entries.map((e: { kind: string }) => e.kind));
    for (const k of ['news', 'plan', 'resolution', 'report', 'inject', 'facilitator']) expect(kinds, k).toContain(k);
    const plans = tl.entries.filter((e: { kind: string }) => e.kind === 'plan');
    expect(plans.length).toBeGreaterThanOrEqual(2);
    for (const p of plans) {
      expect(p.seat).toBe('azerbaijan');
      expect(p.knew.balance.low).toBeLessThanOrEqual(p.knew.balance.high);
      expect(p.knew.truth).toBeGreaterThan(0);
      expect(p.knew.intel.effective).toHaveLength(2);
      expect(typeof p.knew.support).toBe('number');
      expect(p.knew.news.some((n: { key: string }) => n.key === 'intel.estimate')).toBe(true);
    }
    // A party judges the balance from an estimate; the true figure is beside it.
    expect(plans.some((p: { knew: { balance: { exact: boolean } } }) => !p.knew.balance.exact)).toBe(true);
    const inject = tl.entries.find((e: { kind: string }) => e.kind === 'inject');
    expect(inject).toMatchObject({ seat: 'facilitator', round: 1, events: [{ key: 'event.custom', params: { headline: HEADLINE } }] });
    expect(inject.knew).toBeUndefined();
    const fac = tl.entries.filter((e: { kind: string }) => e.kind === 'facilitator').map((e: { facilitator: { op: string } }) => e.facilitator.op);
    expect(fac.filter((op: string) => op === 'advance')).toHaveLength(14);
    expect(fac).toContain('fork');
    const times = tl.entries.map((e: { at: number }) => e.at);
    expect([...times].sort((a, b) => a - b)).toEqual(times);

    const withChat = (await get(`/rooms/${rooms[0].matchId}/timeline?channels=all`)).body;
    expect(Array.isArray(withChat.chat)).toBe(true);
    expect((await get(`/rooms/${rooms[0].matchId}/timeline?channels=secret`)).status).toBe(400);
  });

  it('shows the class debrief side by side, final once the rooms end', async () => {
    expect((await post('/control', { op: 'end' })).status).toBe(200);
    const d = (await get('/debrief')).body;
    expect(d).toMatchObject({ sessionId, name: 'Fork class', scenario });
    expect(d.rooms).toHaveLength(3);
    for (const room of d.rooms) {
      expect(room.ended.kind).toBe('stopped');
      expect(room.provisional).toBe(false);
      expect(room.finalBalance.ratio).toBeGreaterThan(0);
      expect(room.escalation).toHaveProperty('max');
      expect(room.scores.map((s: { seat: string }) => s.seat)).toEqual(['armenia', 'azerbaijan', 'russia', 'eu']);
      expect(room.scores[0].objectives.length).toBeGreaterThan(0);
      expect(room.scores[0].objectives[0]).toHaveProperty('met');
    }
    // The start, rounds 1 and 2, and round 3 as it stood when it was stopped.
    expect(d.rooms[0].rounds.map((r: { round: number }) => r.round)).toEqual([0, 1, 2, 3]);
    expect(d.log.some((l: { op: string }) => l.op === 'fork')).toBe(true);
  });

  it('exports a room as CSV (meters, decisions) that parses back row by row', async () => {
    const rec = (await api(t.url, `/api/matches/${rooms[0].matchId}/export.json`, auth())).body;
    expect(rec.match.tokenHash).toBeUndefined();
    expect(JSON.stringify(rec)).not.toContain('token');
    expect(rec.session).toMatchObject({ sessionId, label: 'Room 1' });

    const meters = await csv(`/api/matches/${rooms[0].matchId}/export.csv?kind=meters`, token);
    expect(meters.status).toBe(200);
    expect(meters.type).toMatch(/^text\/csv/);
    const [head, ...rows] = parseCsv(meters.text);
    expect(head.slice(0, 6)).toEqual(['matchId', 'code', 'label', 'round', 'ratio', 'effective_armenia']);
    expect(rows).toHaveLength(rec.match.rounds.length);
    rows.forEach((row, i) => {
      const m = Object.fromEntries(head.map((h, j) => [h, row[j]]));
      const r = rec.match.rounds[i];
      expect(m.matchId).toBe(rooms[0].matchId);
      expect(Number(m.round)).toBe(r.round);
      expect(Number(m.ratio)).toBeCloseTo(r.ratio, 3);
      expect(Number(m.support_armenia)).toBeCloseTo(r.support.armenia, 3);
      expect(Number(m.escalation)).toBe(r.escalation);
    });

    const decisions = await csv(`/api/matches/${rooms[0].matchId}/export.csv?kind=decisions`, token);
    const [dh, ...drows] = parseCsv(decisions.text);
    expect(dh).toEqual(['matchId', 'code', 'label', 'at', 'round', 'phase', 'seat', 'action', 'subject', 'detail', 'outcome', 'believed_low', 'believed_high', 'believed_gap', 'exact', 'true_ratio', 'intel_low', 'intel_high']);
    const actions = rec.timeline.entries.filter((e: { action?: { type: string } }) => e.action && e.action.type !== 'done');
    expect(drows).toHaveLength(actions.length);
    expect(drows.every((r) => r.length === dh.length)).toBe(true);
    const col = (name: string) => dh.indexOf(name);
    const inject = drows.find((r) => r[col('action')] === 'injectEvent')!;
    expect(inject[col('detail')]).toBe(`${HEADLINE}: Both sides, again.`);
    expect(inject[col('subject')]).toBe('custom');
    expect(inject[col('believed_low')]).toBe('');
    const plan = drows.find((r) => r[col('action')] === 'plan')!;
    expect(Number(plan[col('believed_low')])).toBeGreaterThan(0);
    expect(Number(plan[col('intel_high')])).toBeGreaterThan(0);
    expect(new Date(plan[col('at')]).getTime()).toBeGreaterThan(Date.now() - 120_000);

    expect((await csv(`/api/matches/${rooms[0].matchId}/export.csv?kind=everything`, token)).status).toBe(400);
    expect((await csv(`/api/matches/${rooms[0].matchId}/export.csv`, token)).status).toBe(400);
  });

  it('exports the class: every room in one CSV and one JSON', async () => {
    const meters = await csv(`/api/sessions/${sessionId}/export.csv?kind=meters`, token);
    const [head, ...rows] = parseCsv(meters.text);
    const json = (await get('/export.json')).body;
    expect(json.rooms).toHaveLength(3);
    expect(json.debrief.rooms).toHaveLength(3);
    expect(json.session.rooms).toHaveLength(3);
    expect(rows).toHaveLength(json.rooms.reduce((n: number, r: { match: { rounds: unknown[] } }) => n + r.match.rounds.length, 0));
    expect(new Set(rows.map((r) => r[head.indexOf('matchId')])).size).toBe(3);
    const decisions = parseCsv((await csv(`/api/sessions/${sessionId}/export.csv?kind=decisions`, token)).text);
    expect(decisions.length).toBeGreaterThan(10);
    expect((await csv(`/api/sessions/${sessionId}/export.csv?kind=meters`)).status).toBe(401);
    expect((await csv(`/api/sessions/${sessionId}/export.csv?kind=meters`, 'wrong')).status).toBe(403);
  });

  it('guards the export of a running match with its token; any match has one', async () => {
    const m = await createMatch(t.url, { seats: BOTS, timers: HOUR });
    expect((await csv(`/api/matches/${m.matchId}/export.csv?kind=meters`)).status).toBe(401);
    expect((await csv(`/api/matches/${m.matchId}/export.csv?kind=meters`, 'wrong')).status).toBe(403);
    const ok = await csv(`/api/matches/${m.matchId}/export.csv?kind=decisions`, m.facilitatorToken);
    expect(ok.status).toBe(200);
    expect(parseCsv(ok.text)).toHaveLength(1); // the header: nothing decided yet
    const json = await api(t.url, `/api/matches/${m.matchId}/export.json`, { token: m.facilitatorToken });
    expect(json.body.session).toBeNull();
    expect((await api(t.url, '/api/matches/mNOPE/export.json', { token })).status).toBe(404);
  });
});
