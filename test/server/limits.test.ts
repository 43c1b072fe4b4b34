// Limits with the server's default settings: rate, size, proximity talks, join and HTTP refusals.
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIO_DIR } from '../../shared/scenario/files.js';
import { api, createMatch, ok, Player, startServer, type TestServer } from './helpers.js';

// A copy of the base scenario with the direct channel closed: proximity talks.
const scenarioDir = mkdtempSync(join(tmpdir(), 'parity-scen-'));
const base = JSON.parse(readFileSync(join(SCENARIO_DIR, 'august-2022.json'), 'utf8'));
writeFileSync(join(scenarioDir, 'august-2022.json'), JSON.stringify(base));
writeFileSync(join(scenarioDir, 'proximity.json'), JSON.stringify({ ...base, id: 'proximity', directChannel: false }));

let t: TestServer;
beforeAll(async () => {
  t = await startServer({ rate: { perSecond: 20, burst: 40 }, scenarioDir });
});
afterAll(async () => {
  await t?.stop();
});

describe('limits', () => {
  it('rate-limits a client and recovers', async () => {
    const m = await createMatch(t.url, { seed: 1 });
    const p = await Player.join(t, m.code, 'armenia', 'A');
    for (let i = 0; i < 60; i++) p.room.send('sync', { ref: `burst${i}` });
    await p.until(() => p.messages.filter((x) => x.payload?.ref?.toString().startsWith('burst')).length === 60, 3000, 'all answered');
    const codes = p.messages.filter((x) => x.type === 'refused').map((x) => x.payload.code);
    expect(codes.filter((c) => c === 'rate_limited').length).toBeGreaterThanOrEqual(15);
    await new Promise((r) => setTimeout(r, 200)); // the bucket refills
    ok(await p.send('sync'));
  });

  it('refuses oversized payloads and chat, and closes a client over the frame limit', async () => {
    const m = await createMatch(t.url, { seed: 2 });
    const p = await Player.join(t, m.code, 'armenia', 'A');
    expect(await p.send('chat', { channel: 'table', text: 'é'.repeat(2000) })).toMatchObject({ kind: 'accepted' });
    expect(await p.send('chat', { channel: 'table', text: 'x'.repeat(2001) })).toMatchObject({ kind: 'refused', code: 'too_large' });
    expect(await p.send('action', { type: 'plan', junk: 'x'.repeat(9000) })).toMatchObject({ kind: 'refused', code: 'too_large' });
    const other = await Player.join(t, m.code, 'azerbaijan', 'B');
    other.room.reconnection.enabled = false;
    const left = new Promise<number>((r) => other.room.onLeave((code) => r(code)));
    other.room.send('chat', { channel: 'table', text: 'x'.repeat(70_000) });
    expect(await left).not.toBe(4000);
    ok(await p.send('sync')); // the room is fine
  });

  it('closes the direct channel in proximity talks; keeps each channel to its members', async () => {
    const m = await createMatch(t.url, { scenario: 'proximity', seed: 3 });
    const arm = await Player.join(t, m.code, 'armenia', 'A');
    const spec = await Player.join(t, m.code, 'spectator', 'S');
    expect(arm.state.directChannel).toBe(false);
    expect(await arm.send('chat', { channel: 'armenia-azerbaijan', text: 'hello' })).toMatchObject({ kind: 'refused', code: 'channel_closed' });
    expect(await arm.send('chat', { channel: 'azerbaijan-eu', text: 'hello' })).toMatchObject({ kind: 'refused', code: 'not_in_channel' });
    expect(await arm.send('chat', { channel: 'nowhere', text: 'hello' })).toMatchObject({ kind: 'refused', code: 'unknown_channel' });
    expect(await spec.send('chat', { channel: 'table', text: 'hello' })).toMatchObject({ kind: 'refused', code: 'spectator' });
    expect(await spec.act({ type: 'done' })).toMatchObject({ kind: 'refused', code: 'spectator' });
    ok(await arm.send('chat', { channel: 'armenia-eu', text: 'through the mediator' }));
    ok(await arm.send('chat', { channel: 'table', text: '<b>plain</b>\u0007 text' }));
    await spec.until(() => spec.messages.some((x) => x.type === 'chat'), 2000, 'table chat');
    expect(spec.messages.filter((x) => x.type === 'chat').map((x) => x.payload.text)).toEqual(['<b>plain</b> text']);
  });

  it('refuses bad joins', async () => {
    const m = await createMatch(t.url, { seed: 4, seats: { eu: 'bot' } });
    const info = (await api(t.url, `/api/join/${m.code.toLowerCase()}`)).body;
    const sdk = new Client(t.url);
    const tryJoin = (o: object) => sdk.joinById(info.roomId, o).then(() => 'joined', (e: Error) => e.message);
    expect(await tryJoin({ seat: 'facilitator', name: 'F', token: 'wrong' })).toMatch(/^bad_token/);
    expect(await tryJoin({ seat: 'turkey', name: 'T' })).toMatch(/^bad_join/);
    expect(await tryJoin({ seat: 'armenia', name: '' })).toMatch(/^bad_join/);
    for (let i = 0; i < 8; i++) await Player.join(t, m.code, 'armenia', `A${i}`);
    expect(await tryJoin({ seat: 'armenia', name: 'ninth', key: m.seatKeys.armenia })).toMatch(/^seat_full/);
  });

  it('validates the HTTP API', async () => {
    expect((await api(t.url, '/api/matches', { body: { scenario: 'atlantis' } })).status).toBe(400);
    expect((await api(t.url, '/api/matches', { body: { seats: { armenia: 'robot' } } })).status).toBe(400);
    expect((await api(t.url, '/api/matches', { body: { timers: { news: 1 } } })).status).toBe(400);
    expect((await api(t.url, '/api/join/ZZZZZZ')).status).toBe(404);
    expect((await api(t.url, '/api/matches/nope')).status).toBe(404);
    const m = await createMatch(t.url, { seed: 5 });
    const pub = await api(t.url, `/api/matches/${m.matchId}`);
    expect(pub.body.code).toBe(m.code);
    expect(pub.body.log).toBeUndefined();
    expect((await api(t.url, `/api/matches/${m.matchId}/debrief`)).status).toBe(403);
    expect((await api(t.url, `/api/matches/${m.matchId}/debrief`, { token: m.facilitatorToken })).status).toBe(200);
    expect((await api(t.url, '/api/scenarios')).body.map((s: any) => s.id)).toEqual(['august-2022', 'proximity']);
    expect(m.code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
  });
});
