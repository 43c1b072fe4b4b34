// Seats that belong to their players (issue 11), tried as a stranger with only the join code: a
// held seat takes its key; only an open match lets the code alone take a free or bot-played seat;
// Colyseus's own matchmaking cannot put a client in a room; the facilitator shows and renews keys
// and removes a participant; a team carries no two same names; the same person in a second tab
// replaces their older connection.
import { Client } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinAddressFor } from '../../server/http/joinAddress.js';
import { LEAVE_CODES } from '../../shared/protocol/index.js';
import { api, createMatch, localRoom, ok, Player, seatKeys, startServer, type TestServer } from './helpers.js';

let t: TestServer;
beforeAll(async () => {
  t = await startServer();
});
afterAll(async () => {
  await t?.stop();
});

const HOUR = { news: 3600, planning: 3600, demands: 3600, negotiation: 3600, response: 3600, resolution: 3600, report: 3600 };

/** A join by the room's id as a stranger's browser would try it; the refusal's message, or 'joined'. */
async function tryJoin(code: string, o: Record<string, unknown>): Promise<string> {
  const info = (await api(t.url, `/api/join/${code}`)).body;
  return new Client(t.url).joinById(info.roomId, o).then(
    (r) => (void r.leave(true).catch(() => undefined), 'joined'),
    (e: Error) => e.message,
  );
}

describe('seat keys', () => {
  it('a stranger with only the code cannot enter a held seat, nor read its data', async () => {
    const m = await createMatch(t.url, { seed: 1, timers: HOUR, seats: { russia: 'bot', eu: 'bot' } });
    expect(Object.keys(m.seatKeys).sort()).toEqual(['armenia', 'azerbaijan', 'eu', 'russia']);
    expect(m.seatKeys.armenia).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{20}$/);
    const arm = await Player.join(t, m.code, 'armenia', 'Ani');
    ok(await arm.act({ type: 'done' }));
    // Not open: every playing seat needs its own key, held or not, played by a bot or not.
    for (const seat of ['armenia', 'azerbaijan', 'russia']) expect(await tryJoin(m.code, { seat, name: 'Mallory' })).toMatch(/^needs_key/);
    expect(await tryJoin(m.code, { seat: 'armenia', name: 'Mallory', key: m.seatKeys.azerbaijan })).toMatch(/^bad_key/);
    expect(await tryJoin(m.code, { seat: 'armenia', name: 'Mallory', key: 'A'.repeat(20) })).toMatch(/^bad_key/);
    // A key typed in groups or in lower case is the same key.
    const typed = m.seatKeys.azerbaijan.toLowerCase().replace(/(.{5})/g, '$1-');
    expect(await tryJoin(m.code, { seat: 'azerbaijan', name: 'Elnur', key: typed })).toBe('joined');
    // The code alone still lets a person watch, and spectators see no seat's private data.
    const spec = await Player.join(t, m.code, 'spectator', 'Watcher');
    expect(spec.view.parties.armenia).not.toHaveProperty('budget');
    const wire = JSON.stringify(spec.messages);
    expect(wire).not.toContain(m.seatKeys.armenia);
    // The room's state shows who holds the seat; the stranger is not among them.
    expect(arm.state.seats.get('armenia').occupants.map((o: any) => o.name)).toEqual(['Ani']);
    await arm.leave();
    await spec.leave();
  });

  it('an open match lets the code take a free seat or a bot’s, never one a person holds', async () => {
    const m = await createMatch(t.url, { seed: 2, timers: HOUR, open: true, seats: { armenia: 'human', azerbaijan: 'bot', russia: 'bot', eu: 'human' } });
    expect((await api(t.url, `/api/join/${m.code}`)).body.open).toBe(true);
    const arm = await Player.join(t, m.code, 'armenia', 'Ani', undefined, { key: null });
    expect(await tryJoin(m.code, { seat: 'armenia', name: 'Mallory' })).toMatch(/^needs_key/);
    const friend = await Player.join(t, m.code, 'azerbaijan', 'Friend', undefined, { key: null });
    await arm.until(() => arm.view.seats.azerbaijan?.controller === 'human', 3000, 'the bot’s seat handed over');
    expect(await tryJoin(m.code, { seat: 'azerbaijan', name: 'Mallory' })).toMatch(/^needs_key/);
    // A teammate with the key joins a held seat.
    const mate = await Player.join(t, m.code, 'armenia', 'Hayk');
    expect(mate.view.seat).toBe('armenia');
    // A class session's rooms are never open.
    const s = await api(t.url, '/api/sessions', { body: { name: 'Class', scenario: 'august-2022', rooms: 1, seats: { russia: 'bot' }, timers: HOUR } });
    const code = s.body.rooms[0].code;
    expect((await api(t.url, `/api/join/${code}`)).body.open).toBe(false);
    for (const seat of ['armenia', 'russia']) expect(await tryJoin(code, { seat, name: 'Mallory' })).toMatch(/^needs_key/);
    expect(await tryJoin(code, { seat: 'armenia', name: 'Ani', key: s.body.rooms[0].keys.armenia })).toBe('joined');
    for (const p of [arm, friend, mate]) await p.leave();
  });

  it('refuses Colyseus’s join, joinOrCreate and create of a match room; joinById and reconnect work', async () => {
    const m = await createMatch(t.url, { seed: 3, timers: HOUR, open: true });
    await api(t.url, `/api/join/${m.code}`);
    const sdk = new Client(t.url);
    for (const call of [() => sdk.join('match', { seat: 'armenia', name: 'x' }), () => sdk.joinOrCreate('match', { seat: 'armenia', name: 'x' }), () => sdk.create('match', { seat: 'armenia', name: 'x', matchId: m.matchId })]) {
      expect(await call().then(() => 'joined', (e: Error) => e.message)).toMatch(/bad_method/);
    }
    for (const method of ['join', 'joinOrCreate', 'create']) {
      const r = await fetch(`${t.url}/matchmake/${method}/match`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ seat: 'spectator', name: 'x', matchId: m.matchId }) });
      expect(r.status, method).toBe(403);
    }
    const spec = await Player.join(t, m.code, 'spectator', 'Watcher');
    expect(spec.view.seat).toBe('spectator');
    await spec.leave();
  });

  it('the facilitator shows and renews a seat’s key and removes a participant', async () => {
    const m = await createMatch(t.url, { seed: 4, timers: HOUR, seats: { russia: 'bot', eu: 'bot' } });
    const shown = await api(t.url, `/api/matches/${m.matchId}/keys`, { token: m.facilitatorToken });
    expect(shown.body.keys).toEqual(m.seatKeys);
    expect((await api(t.url, `/api/matches/${m.matchId}/keys`)).status).toBe(401);
    expect((await api(t.url, `/api/matches/${m.matchId}/keys`, { token: 'wrong' })).status).toBe(403);
    const ani = await Player.join(t, m.code, 'armenia', 'Ani');
    const mallory = await Player.join(t, m.code, 'armenia', 'Mallory');
    // A new key: the old one stops working at once, the new one opens the seat.
    const renewed = await api(t.url, `/api/matches/${m.matchId}/keys`, { token: m.facilitatorToken, body: { seat: 'armenia' } });
    expect(renewed.status).toBe(200);
    const next = renewed.body.keys.armenia;
    expect(next).not.toBe(m.seatKeys.armenia);
    expect(renewed.body.keys.azerbaijan).toBe(m.seatKeys.azerbaijan);
    expect(await tryJoin(m.code, { seat: 'armenia', name: 'Eve', key: m.seatKeys.armenia })).toMatch(/^bad_key/);
    expect((await api(t.url, `/api/matches/${m.matchId}/keys`, { token: m.facilitatorToken })).body.keys.armenia).toBe(next);
    // Removed: told so, and the connection closed with the code that keeps the client from joining again by itself.
    const left = new Promise<number>((resolve) => mallory.room.onLeave((code) => resolve(code)));
    const removed = await api(t.url, `/api/matches/${m.matchId}/remove`, { token: m.facilitatorToken, body: { seat: 'armenia', name: 'mallory' } });
    expect(removed.body.removed).toBe(1);
    expect(await left).toBe(LEAVE_CODES.removed);
    expect(mallory.messages.some((x) => x.type === 'notice' && x.payload.key === 'seat.removed')).toBe(true);
    await ani.until(() => ani.state.seats.get('armenia').occupants.length === 1, 3000, 'Mallory gone');
    expect(ani.state.seats.get('armenia').occupants[0].name).toBe('Ani');
    // And with the renewed key only.
    expect(await tryJoin(m.code, { seat: 'armenia', name: 'Mallory', key: m.seatKeys.armenia })).toMatch(/^bad_key/);
    seatKeys.set(m.code, renewed.body.keys);
    const back = await Player.join(t, m.code, 'armenia', 'Hayk');
    expect(back.view.seat).toBe('armenia');
    await ani.leave();
    await back.leave();
  });

  it('keeps the renewed key across a restart of the room', async () => {
    const m = await createMatch(t.url, { seed: 5, timers: HOUR });
    const renewed = await api(t.url, `/api/matches/${m.matchId}/keys`, { token: m.facilitatorToken, body: { seat: 'eu' } });
    await api(t.url, `/api/join/${m.code}`);
    localRoom(m.matchId).disconnect();
    await new Promise((r) => setTimeout(r, 100));
    expect(await tryJoin(m.code, { seat: 'eu', name: 'Claire', key: m.seatKeys.eu })).toMatch(/^bad_key/);
    expect(await tryJoin(m.code, { seat: 'eu', name: 'Claire', key: renewed.body.keys.eu })).toBe('joined');
  });

  it('two members of a team cannot carry the same name, hidden characters or case aside', async () => {
    const m = await createMatch(t.url, { seed: 6, timers: HOUR });
    const ani = await Player.join(t, m.code, 'armenia', 'Ani');
    const key = m.seatKeys.armenia;
    for (const name of ['Ani', ' ani ', 'A\u200Bni', '\u202EAni', 'ＡＮＩ']) expect(await tryJoin(m.code, { seat: 'armenia', name, key }), JSON.stringify(name)).toMatch(/^name_taken/);
    expect(await tryJoin(m.code, { seat: 'armenia', name: 'bot', key })).toMatch(/^name_taken/);
    expect(await tryJoin(m.code, { seat: 'armenia', name: '\u200B\u200D', key })).toMatch(/^bad_join/);
    // Another seat may have its own Ani; the team shows each member's name.
    const other = await Player.join(t, m.code, 'azerbaijan', 'Ani');
    const hayk = await Player.join(t, m.code, 'armenia', 'Hay\u200Bk\u202E');
    await ani.until(() => ani.state.seats.get('armenia').occupants.length === 2, 3000, 'two members');
    expect(ani.state.seats.get('armenia').occupants.map((o: any) => o.name)).toEqual(['Ani', 'Hayk']);
    for (const p of [ani, other, hayk]) await p.leave();
  });

  it('the same person in a second tab replaces their older connection', async () => {
    const m = await createMatch(t.url, { seed: 7, timers: HOUR });
    const member = 'me-1234567890';
    const first = await Player.join(t, m.code, 'armenia', 'Ani', undefined, { member });
    const left = new Promise<number>((resolve) => first.room.onLeave((code) => resolve(code)));
    const second = await Player.join(t, m.code, 'armenia', 'Ani', undefined, { member });
    expect(await left).toBe(LEAVE_CODES.elsewhere);
    await second.until(() => second.state.seats.get('armenia').occupants.length === 1, 3000, 'one member');
    // Someone else with that name (another member id) is still refused.
    expect(await tryJoin(m.code, { seat: 'armenia', name: 'Ani', key: m.seatKeys.armenia, member: 'other-12345678' })).toMatch(/^name_taken/);
    await second.leave();
  });

  it('gives a seat its own briefing, the facilitator every seat’s, a bot’s strategy to nobody but the facilitator', async () => {
    const m = await createMatch(t.url, { seed: 8, timers: HOUR, seats: { russia: { controller: 'bot', strategy: 'passive' } } });
    const arm = await Player.join(t, m.code, 'armenia', 'Ani');
    const fac = await Player.join(t, m.code, 'facilitator', 'F', m.facilitatorToken);
    const briefs = (p: Player) => p.messages.filter((x) => x.type === 'briefing').at(-1)!.payload;
    expect(Object.keys(briefs(arm))).toEqual(['armenia']);
    expect(briefs(arm).armenia.objectives.length).toBeGreaterThan(0);
    expect(Object.keys(briefs(fac)).sort()).toEqual(['armenia', 'azerbaijan', 'eu', 'russia']);
    expect(JSON.stringify(arm.messages)).not.toContain('passive');
    expect(arm.view.seats.russia).toEqual({ controller: 'bot' });
    expect(fac.view.seats.russia).toEqual({ controller: 'bot', strategy: 'passive' });
    // Over HTTP: the public scenario has no seat's briefing; the facilitator's token opens it.
    const pub = (await api(t.url, '/api/scenarios/august-2022')).body;
    expect(pub.seats.armenia).toEqual({ name: expect.any(Object) });
    const full = (await api(t.url, `/api/scenarios/august-2022?match=${m.matchId}`, { token: m.facilitatorToken })).body;
    expect(full.seats.armenia.briefing.en.length).toBeGreaterThan(100);
    expect((await api(t.url, `/api/scenarios/august-2022?match=${m.matchId}`, { token: 'wrong' })).body.seats.armenia.briefing).toBeUndefined();
    await arm.leave();
    await fac.leave();
  });
});

describe('the join sheet’s address', () => {
  const req = (host: string) => ({ headers: { host }, socket: {} }) as any;
  it('points phones at the server’s LAN address when the console was opened at localhost', () => {
    const lan = () => '192.168.1.23';
    expect(joinAddressFor(req('localhost:2567'), { host: '0.0.0.0', port: 2567, lanAddress: lan })).toEqual({ url: 'http://192.168.1.23:2567', source: 'lan' });
    expect(joinAddressFor(req('127.0.0.1:2567'), { host: '0.0.0.0', port: 2567, lanAddress: lan })).toEqual({ url: 'http://192.168.1.23:2567', source: 'lan' });
    // Opened at an address others reach, or a server listening on this machine only: that address.
    expect(joinAddressFor(req('parity.school.example'), { host: '0.0.0.0', port: 2567, lanAddress: lan })).toEqual({ url: 'http://parity.school.example', source: 'request' });
    expect(joinAddressFor(req('127.0.0.1:2567'), { host: '127.0.0.1', port: 2567, lanAddress: lan })).toEqual({ url: 'http://127.0.0.1:2567', source: 'request' });
    expect(joinAddressFor(req('localhost:2567'), { host: '0.0.0.0', port: 2567, lanAddress: () => null }).source).toBe('request');
    // PARITY_PUBLIC_URL wins.
    expect(joinAddressFor(req('localhost:2567'), { publicUrl: 'https://play.example.org/', host: '0.0.0.0', port: 2567, lanAddress: lan })).toEqual({ url: 'https://play.example.org', source: 'configured' });
  });

  it('comes with the session, with each room’s keys', async () => {
    const s = await api(t.url, '/api/sessions', { body: { name: 'Class', scenario: 'august-2022', rooms: 2, timers: HOUR } });
    const info = await api(t.url, `/api/sessions/${s.body.sessionId}`, { token: s.body.facilitatorToken });
    expect(info.body.joinAddress).toEqual({ url: t.url, source: 'request' });
    expect(info.body.rooms.map((r: any) => r.keys)).toEqual(s.body.rooms.map((r: any) => r.keys));
    // The class export carries no keys.
    const exported = await api(t.url, `/api/sessions/${s.body.sessionId}/export.json`, { token: s.body.facilitatorToken });
    expect(JSON.stringify(exported.body)).not.toContain(s.body.rooms[0].keys.armenia);
    expect(JSON.stringify(exported.body)).not.toContain('seatKeys');
    expect(JSON.stringify(exported.body)).not.toContain('tokenHash');
  });
});
