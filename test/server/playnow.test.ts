// Play now: one human seat, bots (personalities or search) in the rest, and the bots talk.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createMatch, ok, Player, startServer, type TestServer } from './helpers.js';
import { botRun } from '../../shared/sim/botRun.js';
import { loadScenario } from '../../shared/scenario/files.js';

let t: TestServer;
beforeAll(async () => {
  t = await startServer();
});
afterAll(async () => {
  await t?.stop();
});

const quick = { news: 3600, planning: 3600, demands: 3600, negotiation: 3600, response: 3600, resolution: 3600, report: 3600 };

describe('play now against bots', () => {
  it('refuses an unknown bot strategy with the list of known ones', async () => {
    const r = await api(t.url, '/api/matches', { method: 'POST', body: { seats: { azerbaijan: { controller: 'bot', strategy: 'teleport' } } } });
    expect(r.status).toBe(400);
    expect((r.body as { issues: string[] }).issues[0]).toMatch(/seats\.azerbaijan\.strategy: unknown strategy "teleport"; choose from .*search-hard/);
  });

  it('search bots play the other seats and explain their moves at the table', async () => {
    const bot = { controller: 'bot', strategy: 'search-easy' };
    const m = await createMatch(t.url, { seed: 4, timers: quick, seats: { armenia: 'human', azerbaijan: { controller: 'bot', strategy: 'hawk' }, russia: bot, eu: bot } });
    const arm = await Player.join(t, m.code, 'armenia', 'Solo');
    // Armenia is the only human: each `done` ends the phase once the search bots (deciding off the
    // event loop, server/botPool.ts) have moved.
    const at = () => `${arm.view.round}:${arm.view.phase}`;
    const done = async () => {
      const before = at();
      ok(await arm.act({ type: 'done' }));
      await arm.until(() => at() !== before, 20_000, `the end of ${before}`);
    };
    let guard = 0;
    while (!arm.view.demands.some((d) => d.from === 'azerbaijan') && guard++ < 10) await done();
    const demand = arm.view.demands.find((d) => d.from === 'azerbaijan')!;
    expect(demand.status).toBe('open');
    const chats = () => arm.messages.filter((x) => x.type === 'chat').map((x) => x.payload);
    await arm.until(() => chats().some((c) => c.seat === 'azerbaijan' && c.name === 'Bot'), 5000, 'the bot announces its demand');
    expect(chats().find((c) => c.seat === 'azerbaijan')!.channel).toBe('table');
    // Refuse: the hawk presses by force at resolution; the search-bot mediators act meanwhile.
    while (arm.view.phase !== 'negotiation' && arm.view.phase !== 'response') await done();
    ok(await arm.act({ type: 'respond', demand: demand.id, answer: 'refuse' }));
    while (arm.view.round === 1) await done();
    expect(arm.view.events.some((e) => e.key.startsWith('escalation.') && e.params.attacker === 'azerbaijan')).toBe(true);
    expect(chats().some((c) => c.seat === 'russia' || c.seat === 'eu')).toBe(true);
    await arm.leave();
  });

  it('a friend joining a bot’s seat by code replaces the bot (a seat left empty goes back to a bot: see reconnect.test)', async () => {
    const m = await createMatch(t.url, { seed: 5, timers: quick, seats: { armenia: 'human', azerbaijan: 'bot', russia: 'bot', eu: 'bot' } });
    const arm = await Player.join(t, m.code, 'armenia', 'Solo');
    const friend = await Player.join(t, m.code, 'azerbaijan', 'Friend');
    await arm.until(() => arm.view.seats.azerbaijan?.controller === 'human', 3000, 'the seat is handed to the friend');
    expect(arm.view.events.some((e) => e.key === 'seat.changed' && e.params.seat === 'azerbaijan' && e.params.controller === 'human')).toBe(true);
    // The friend plays: the phase waits for both humans now.
    ok(await arm.act({ type: 'done' }));
    expect(arm.view.phase).toBe('news');
    ok(await friend.act({ type: 'done' }));
    await arm.until(() => arm.view.phase === 'planning', 3000, 'both done');
    await arm.leave();
    await friend.leave();
  });

  it('offers the same seed played by bots for the debrief, to the facilitator or after the end', async () => {
    const m = await createMatch(t.url, { seed: 77, timers: quick });
    expect((await api(t.url, `/api/matches/${m.matchId}/botrun`)).status).toBe(403);
    const r = await api(t.url, `/api/matches/${m.matchId}/botrun`, { token: m.facilitatorToken });
    expect(r.status).toBe(200);
    const expected = botRun(loadScenario('august-2022'), 77);
    expect(r.body.seed).toBe(77);
    expect(r.body.ending).toEqual(expected.ending);
    expect(r.body.rounds.map((x: { ratio: number }) => x.ratio)).toEqual(expected.rounds.map((x) => x.ratio));
    expect(r.body.scores.map((x: { seat: string }) => x.seat)).toEqual(['armenia', 'azerbaijan', 'russia', 'eu']);
    expect((await api(t.url, '/api/matches/nope/botrun')).status).toBe(404);
  });

  it('lists only matches created as listed, and only until they end', async () => {
    const listed = await createMatch(t.url, { seed: 8, listed: true, name: 'Open table', seats: { armenia: 'human', azerbaijan: 'bot', russia: 'bot', eu: 'bot' } });
    const hidden = await createMatch(t.url, { seed: 9, name: 'Class 9B' });
    const list = (await api(t.url, '/api/matches')).body as { code: string; name: string; seats: Record<string, string> }[];
    expect(list.some((m) => m.code === listed.code && m.name === 'Open table' && m.seats.azerbaijan === 'bot')).toBe(true);
    expect(list.some((m) => m.code === hidden.code)).toBe(false);
    expect((await api(t.url, '/api/matches', { method: 'POST', body: { listed: 'yes' } })).status).toBe(400);
    const fac = await Player.join(t, listed.code, 'facilitator', 'Host', listed.facilitatorToken);
    ok(await fac.send('control', { op: 'end' }));
    const after = (await api(t.url, '/api/matches')).body as { code: string }[];
    expect(after.some((m) => m.code === listed.code)).toBe(false);
    await fac.leave();
  });
});
