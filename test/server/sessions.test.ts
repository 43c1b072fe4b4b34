// Class sessions through the facilitator's HTTP API: creation and its refusals, the token and the
// passphrase, the live overview, the clock within the session's limits (from the console and from
// the room), injected events, broadcasts, seat swaps, the channels and the facilitator log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, ok, Player, startServer, type TestServer } from './helpers.js';

let t: TestServer;
beforeAll(async () => {
  t = await startServer();
});
afterAll(async () => {
  await t?.stop();
});

const HOUR = { news: 3600, planning: 3600, demands: 3600, negotiation: 3600, response: 3600, resolution: 3600, report: 3600 };

interface Created {
  sessionId: string;
  facilitatorToken: string;
  rooms: { matchId: string; code: string; label: string; forkOf: null }[];
}

/** Every match in the store (class matches are not in the public list). */
async function openMatches() {
  return (await t.parity.store.listMatches(1000)).length;
}

describe('creating a class session', () => {
  it('refuses bad bodies with precise reasons and creates nothing', async () => {
    const before = await openMatches();
    const bad: [unknown, RegExp][] = [
      [{}, /name: .*|scenario: .*|rooms: /],
      [{ name: 'Class', scenario: 'august-2022', rooms: 13 }, /^rooms: /],
      [{ name: 'Class', scenario: 'august-2022', rooms: 0 }, /^rooms: /],
      [{ name: 'Class', scenario: 'nowhere', rooms: 2 }, /^scenario: no scenario "nowhere"/],
      [{ name: 'Class', scenario: 'august-2022', rooms: 2, seats: [{ armenia: 'bot' }] }, /^seats: 1 seat lists for 2 rooms/],
      [{ name: 'Class', scenario: 'august-2022', rooms: 1, seats: { turkey: 'bot' } }, /^seats: Unrecognized key: "turkey"/],
      [{ name: 'Class', scenario: 'august-2022', rooms: 1, seats: { armenia: { controller: 'bot', strategy: 'genius' } } }, /^seats\.armenia\.strategy: unknown strategy "genius"/],
      [{ name: 'Class', scenario: 'august-2022', rooms: 1, passphrase: 'short' }, /^passphrase: /],
      [{ name: 'Class', scenario: 'august-2022', rooms: 1, timers: { news: 1 } }, /^timers\.news: /],
      [{ name: 'Class', scenario: 'august-2022', rooms: 1, limits: { maxPauses: -1 } }, /^limits\.maxPauses: /],
      [{ name: 'Class', scenario: 'august-2022', rooms: 1, extra: true }, /extra/],
    ];
    for (const [body, issue] of bad) {
      const r = await api(t.url, '/api/sessions', { body });
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.issues.some((i: string) => issue.test(i)), `${JSON.stringify(r.body.issues)} ~ ${issue}`).toBe(true);
    }
    const notJson = await fetch(`${t.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":' });
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error).toMatch(/not JSON/);
    expect(await openMatches()).toBe(before);
  });

  it('creates K rooms with join codes; the token protects the session; the passphrase gives it back', async () => {
    const r = await api<Created>(t.url, '/api/sessions', {
      body: { name: 'Year 11', scenario: 'august-2022', rooms: 3, seats: { eu: 'bot' }, timers: HOUR, passphrase: 'correct horse battery', seed: 5 },
    });
    expect(r.status).toBe(201);
    const s = r.body;
    expect(s.rooms.map((x) => x.label)).toEqual(['Room 1', 'Room 2', 'Room 3']);
    expect(new Set(s.rooms.map((x) => x.code)).size).toBe(3);
    for (const room of s.rooms) {
      const join = await api(t.url, `/api/join/${room.code}`);
      expect(join.body).toMatchObject({ matchId: room.matchId, seats: { armenia: { controller: 'human' }, eu: { controller: 'bot' } } });
    }

    expect((await api(t.url, `/api/sessions/${s.sessionId}`)).status).toBe(401);
    expect((await api(t.url, `/api/sessions/${s.sessionId}`, { token: 'nope' })).status).toBe(403);
    expect((await api(t.url, `/api/sessions/nosuch`, { token: s.facilitatorToken })).status).toBe(404);
    const info = await api(t.url, `/api/sessions/${s.sessionId}`, { token: s.facilitatorToken });
    expect(info.status).toBe(200);
    expect(info.body).toMatchObject({ name: 'Year 11', scenario: 'august-2022', seed: 5, passphrase: true, timers: HOUR, limits: { maxPauses: 10, maxExtensionSeconds: 7 * 3600 } });
    expect(info.body.rooms.map((x: { code: string }) => x.code)).toEqual(s.rooms.map((x) => x.code));

    // The session token is each room's facilitator token.
    const rec = await api(t.url, `/api/matches/${s.rooms[0].matchId}`, { token: s.facilitatorToken });
    expect(rec.body.seed).toBe(5);

    const wrong = await api(t.url, `/api/sessions/${s.sessionId}/token`, { body: { passphrase: 'incorrect horse' } });
    expect(wrong.status).toBe(403);
    const right = await api(t.url, `/api/sessions/${s.sessionId}/token`, { body: { passphrase: 'correct horse battery' } });
    expect(right).toMatchObject({ status: 200, body: { facilitatorToken: s.facilitatorToken } });
    expect((await api(t.url, `/api/sessions/${s.sessionId}/token`, { body: {} })).status).toBe(400);
    for (let i = 0; i < 5; i++) await api(t.url, `/api/sessions/${s.sessionId}/token`, { body: { passphrase: `guess number ${i}` } });
    const locked = await api(t.url, `/api/sessions/${s.sessionId}/token`, { body: { passphrase: 'correct horse battery' } });
    expect(locked.status).toBe(429);
  });
});

describe('running a class session', () => {
  let s: Created;
  let ani: Player, fac: Player;
  const auth = () => ({ token: s.facilitatorToken });
  const post = (path: string, body: unknown) => api(t.url, `/api/sessions/${s.sessionId}${path}`, { body, ...auth() });
  const overview = async () => (await api(t.url, `/api/sessions/${s.sessionId}/overview`, auth())).body;

  beforeAll(async () => {
    s = (
      await api<Created>(t.url, '/api/sessions', {
        body: { name: 'Workshop', scenario: 'august-2022', rooms: 2, seats: { armenia: 'human', azerbaijan: 'bot', russia: 'bot', eu: 'bot' }, timers: HOUR, limits: { maxPauses: 2, maxExtensionSeconds: 100 } },
      })
    ).body;
    ani = await Player.join(t, s.rooms[0].code, 'armenia', 'Ani');
    fac = await Player.join(t, s.rooms[0].code, 'facilitator', 'Teacher', s.facilitatorToken);
  });

  it('shows every room on one screen: live or not, clock, balance, seats and who is connected', async () => {
    const o = await overview();
    expect(o.rooms).toHaveLength(2);
    const [one, two] = o.rooms;
    expect(one).toMatchObject({ matchId: s.rooms[0].matchId, code: s.rooms[0].code, label: 'Room 1', live: true, round: 1, rounds: 12, phase: 'news', paused: false, signed: false, ended: null, facilitators: 1, pausesUsed: 0 });
    expect(one.remaining).toBeGreaterThan(3500_000);
    expect(one.phaseEndsAt).toBeGreaterThan(Date.now());
    expect(one.balance.ratio).toBeGreaterThan(1);
    expect(typeof one.balance.gap).toBe('string');
    expect(one.seats.armenia).toMatchObject({ controller: 'human', botPlaying: false, occupants: [{ name: 'Ani', connected: true }] });
    expect(one.seats.azerbaijan).toMatchObject({ controller: 'bot', botPlaying: true, occupants: [] });
    // Room 2 has not been joined: it is not running, its clock is held.
    expect(two).toMatchObject({ live: false, round: 1, phase: 'news', paused: false, remaining: 3600_000 });
    expect(o.limits).toEqual({ maxPauses: 2, maxExtensionSeconds: 100 });
  });

  it('pauses every room at once (starting room 2), refuses what cannot be done, and keeps to the limits', async () => {
    const all = await post('/control', { op: 'pause' });
    expect(all.status).toBe(200);
    expect(all.body.results).toEqual([
      { matchId: s.rooms[0].matchId, ok: true },
      { matchId: s.rooms[1].matchId, ok: true },
    ]);
    await ani.until(() => ani.state.paused === true, 2000, 'paused');
    let o = await overview();
    expect(o.rooms.map((r: { paused: boolean; live: boolean }) => [r.paused, r.live])).toEqual([
      [true, true],
      [true, true],
    ]);
    expect(o.rooms[0].pausesUsed).toBe(1);

    const again = await post('/control', { op: 'pause' });
    expect(again.status).toBe(409);
    expect(again.body.results.every((r: { code: string }) => r.code === 'bad_control')).toBe(true);

    ok(await fac.send('control', { op: 'resume' }));
    expect((await post('/control', { op: 'resume', rooms: [s.rooms[1].matchId] })).status).toBe(200);
    // The second pause of room 1 comes from the room itself: it counts against the same limit.
    ok(await fac.send('control', { op: 'pause' }));
    ok(await fac.send('control', { op: 'resume' }));
    const third = await post('/control', { op: 'pause', rooms: [s.rooms[0].matchId] });
    expect(third.status).toBe(409);
    expect(third.body.results[0]).toMatchObject({ ok: false, code: 'limit_reached', reason: 'Room 1 has used its 2 pauses (limit 2)' });
    const inRoom = await fac.send('control', { op: 'pause' });
    expect(inRoom).toMatchObject({ kind: 'refused', code: 'limit_reached' });
    expect(ani.state.paused).toBe(false);

    const before = (await overview()).rooms[0].remaining;
    expect((await post('/control', { op: 'extend', seconds: 60, rooms: [s.rooms[0].matchId] })).status).toBe(200);
    const over = await post('/control', { op: 'extend', seconds: 60, rooms: [s.rooms[0].matchId] });
    expect(over.body.results[0]).toMatchObject({ code: 'limit_reached', reason: 'extending Room 1 by 60 s would pass its limit: 60 of 100 s of extensions used' });
    o = await overview();
    expect(o.rooms[0].remaining).toBeGreaterThan(before + 55_000);
    expect(o.rooms[0]).toMatchObject({ pausesUsed: 2, extensionSecondsUsed: 60 });
  });

  it('refuses malformed controls with a 400 and changes nothing', async () => {
    const logBefore = (await api(t.url, `/api/sessions/${s.sessionId}/log`, auth())).body.length;
    const cases: [unknown, RegExp][] = [
      [{ op: 'explode' }, /^op: /],
      [{ op: 'extend' }, /^seconds: extend needs seconds/],
      [{ op: 'extend', seconds: 0 }, /^seconds: /],
      [{ op: 'pause', rooms: ['mNOPE'] }, /^rooms: no room "mNOPE" in this session/],
    ];
    for (const [body, issue] of cases) {
      const r = await post('/control', body);
      expect(r.status).toBe(400);
      expect(r.body.issues.some((i: string) => issue.test(i)), JSON.stringify(r.body)).toBe(true);
    }
    expect((await api(t.url, `/api/sessions/${s.sessionId}/control`, { body: { op: 'pause' } })).status).toBe(401);
    expect((await api(t.url, `/api/sessions/${s.sessionId}/log`, auth())).body.length).toBe(logBefore);
    expect(ani.state.paused).toBe(false);
  });

  it('injects a deck event or a custom one into every room; refuses bad ones with precise errors', async () => {
    const events = () => fac.view.events.length;
    const n = events();
    const deck = await post('/inject', { event: 'gas-partnership' });
    expect(deck.status).toBe(200);
    await ani.until(() => ani.view.events.some((e) => e.key === 'event.drawn' && e.params.id === 'gas-partnership' && e.params.injected === 1), 2000, 'injected event');

    const custom = await post('/inject', { custom: { headline: 'Border talks, "again"', text: 'Both sides meet at the border.', effects: { stability: 5, tension: { syunik: -5 } } }, rooms: [s.rooms[0].matchId] });
    expect(custom.body.results).toEqual([{ matchId: s.rooms[0].matchId, ok: true }]);
    await ani.until(() => ani.view.events.some((e) => e.key === 'event.custom' && e.params.headline === 'Border talks, "again"'), 2000, 'custom event');
    await fac.until(() => fac.view.events.some((e) => e.key === 'event.custom'), 2000, 'custom event (facilitator)');
    const after = events();
    expect(after).toBeGreaterThan(n);

    const bad: [unknown, RegExp][] = [
      [{ event: 'no-such-event' }, /^event: no event "no-such-event" in the deck/],
      [{ custom: { headline: 'x', text: 'y', effects: { support: { armenia: 500 } } } }, /^custom\.effects\.support\.armenia: /],
      [{ custom: { headline: 'x', text: 'y', effects: { tension: { atlantis: 5 } } } }, /^custom\.effects\.tension\.atlantis: unknown region "atlantis"/],
      [{ custom: { headline: 'x', text: 'y', effects: { mood: 1 } } }, /^custom\.effects: /],
      [{ custom: { headline: '', text: 'y', effects: {} } }, /^custom\.headline/],
      [{ custom: { headline: 'x', text: 'y', effects: { embargo: { supplier: 'acme', rounds: 2 } } } }, /^custom\.effects\.embargo\.supplier: unknown supplier "acme"/],
      [{ event: 'gas-partnership', custom: { headline: 'x', text: 'y', effects: {} } }, /either event/],
      [{}, /either event/],
    ];
    for (const [body, issue] of bad) {
      const r = await post('/inject', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error).toBe('bad event');
      expect(r.body.issues.some((i: string) => issue.test(i)), `${JSON.stringify(r.body.issues)} ~ ${issue}`).toBe(true);
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(events()).toBe(after);
  });

  it('broadcasts to the table, swaps a seat to a bot and back, and reads every channel', async () => {
    const b = await post('/broadcast', { text: 'Five minutes left, then we debrief.' });
    expect(b.status).toBe(200);
    await ani.until(() => ani.messages.some((m) => m.type === 'chat' && m.payload.seat === 'facilitator' && m.payload.channel === 'table'), 2000, 'broadcast');
    expect((await post('/broadcast', { text: '   ' })).status).toBe(400);
    expect((await post('/broadcast', { text: 'x'.repeat(2001) })).status).toBe(400);

    ok(await ani.send('chat', { channel: 'armenia-russia', text: 'A private word, Moscow.' }));
    const chat = await api(t.url, `/api/sessions/${s.sessionId}/rooms/${s.rooms[0].matchId}/chat`, auth());
    expect(chat.status).toBe(200);
    expect(chat.body.channels).toContain('armenia-russia');
    expect(chat.body.messages.map((m: { channel: string; text: string }) => [m.channel, m.text])).toEqual(
      expect.arrayContaining([
        ['table', 'Five minutes left, then we debrief.'],
        ['armenia-russia', 'A private word, Moscow.'],
      ]),
    );
    const one = await api(t.url, `/api/sessions/${s.sessionId}/rooms/${s.rooms[0].matchId}/chat?channel=armenia-russia`, auth());
    expect(one.body.messages.every((m: { channel: string }) => m.channel === 'armenia-russia')).toBe(true);
    const last = chat.body.messages.at(-1).id;
    expect((await api(t.url, `/api/sessions/${s.sessionId}/rooms/${s.rooms[0].matchId}/chat?after=${last}`, auth())).body.messages).toEqual([]);
    expect((await api(t.url, `/api/sessions/${s.sessionId}/rooms/${s.rooms[0].matchId}/chat?channel=backroom`, auth())).status).toBe(400);
    expect((await api(t.url, `/api/sessions/${s.sessionId}/rooms/mNOPE/chat`, auth())).status).toBe(404);

    const toBot = await post('/seat', { seat: 'armenia', controller: 'bot', strategy: 'conciliator', rooms: [s.rooms[0].matchId] });
    expect(toBot.status, JSON.stringify(toBot.body)).toBe(200);
    await ani.until(() => ani.state.seats.get('armenia').controller === 'bot', 2000, 'armenia to bot');
    let o = await overview();
    expect(o.rooms[0].seats.armenia).toMatchObject({ controller: 'bot', strategy: 'conciliator', botPlaying: true });
    // The join lookup shows the seat as it stands now.
    expect((await api(t.url, `/api/join/${s.rooms[0].code}`)).body.seats.armenia).toEqual({ controller: 'bot' });
    expect((await post('/seat', { seat: 'armenia', controller: 'human', rooms: [s.rooms[0].matchId] })).status).toBe(200);
    o = await overview();
    expect(o.rooms[0].seats.armenia).toMatchObject({ controller: 'human', botPlaying: false });
    expect((await api(t.url, `/api/join/${s.rooms[0].code}`)).body.seats.armenia).toEqual({ controller: 'human' });
    expect((await post('/seat', { seat: 'armenia', controller: 'bot', strategy: 'genius' })).status).toBe(400);
    expect((await post('/seat', { seat: 'turkey', controller: 'bot' })).status).toBe(400);
  });

  it('logs every operation with its time, refused ones with their reason', async () => {
    const log = (await api(t.url, `/api/sessions/${s.sessionId}/log`, auth())).body as { at: number; op: string; ok: boolean; reason?: string; matchId: string | null; detail: Record<string, unknown> }[];
    expect(log[0]).toMatchObject({ op: 'create', ok: true, matchId: null });
    const ops = log.map((l) => `${l.op}:${l.ok}`);
    expect(ops).toEqual(expect.arrayContaining(['pause:true', 'pause:false', 'resume:true', 'extend:true', 'extend:false', 'inject:true', 'broadcast:true', 'seat:true']));
    expect(log.find((l) => l.op === 'pause' && !l.ok && l.reason?.includes('limit'))).toBeTruthy();
    expect(log.filter((l) => l.op === 'pause' && l.detail.via === 'room').length).toBeGreaterThanOrEqual(1);
    expect(log.every((l) => l.at > Date.now() - 60_000 && l.at <= Date.now())).toBe(true);
  });

  it('ends every room', async () => {
    const end = await post('/control', { op: 'end' });
    expect(end.status).toBe(200);
    await ani.until(() => ani.state.ended === 'stopped', 2000, 'ended');
    const o = await overview();
    expect(o.rooms.every((r: { ended: { kind: string } | null }) => r.ended?.kind === 'stopped')).toBe(true);
    const again = await post('/control', { op: 'pause' });
    expect(again.status).toBe(409);
    expect(again.body.results.every((r: { code: string }) => r.code === 'match_over')).toBe(true);
    await ani.leave();
    await fac.leave();
  });
});
