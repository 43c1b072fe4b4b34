// Reconnection within the window keeps the seat; a seat left empty past the grace is played by a
// bot until a human takes it again.
import { matchMaker } from '@colyseus/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMatch, ok, Player, startServer, type TestServer } from './helpers.js';

let t: TestServer;
beforeAll(async () => {
  t = await startServer({ reconnectSeconds: 1.5, graceSeconds: 1 });
});
afterAll(async () => {
  await t?.stop();
});

const long = { news: 3600, planning: 3600, demands: 3600, negotiation: 3600, response: 3600, resolution: 3600, report: 3600 };

/** Cut a client's socket from the server side, as a lost network would. */
function cut(matchId: string, sessionId: string) {
  const room = matchMaker.getLocalRoomById(matchId) as any;
  const client = room.clients.find((c: any) => c.sessionId === sessionId);
  client.ref.terminate();
}

describe('reconnection', () => {
  it('gives a dropped client its seat back within the window', async () => {
    const m = await createMatch(t.url, { seed: 1, timers: long, seats: { russia: 'bot', eu: 'bot' } });
    const arm = await Player.join(t, m.code, 'armenia', 'A');
    const aze = await Player.join(t, m.code, 'azerbaijan', 'B');
    arm.room.reconnection.minUptime = 0;
    arm.room.reconnection.minDelay = 10;
    arm.room.reconnection.delay = 10;
    const sessionId = arm.room.sessionId;
    const views = arm.views.length;
    cut(m.matchId, sessionId);
    await aze.until(() => aze.state.seats.get('armenia').occupants[0]?.connected === false, 3000, 'drop seen');
    // The SDK reconnects by itself; the seat, the session and the name are kept.
    await aze.until(() => aze.state.seats.get('armenia').occupants[0]?.connected === true, 5000, 'reconnect seen');
    await arm.until(() => arm.views.length > views, 3000, 'fresh view');
    expect(arm.room.sessionId).toBe(sessionId);
    expect(aze.state.seats.get('armenia').occupants.length).toBe(1);
    expect(aze.state.seats.get('armenia').occupants[0].name).toBe('A');
    expect(aze.state.seats.get('armenia').botPlaying).toBe(false);
    ok(await arm.act({ type: 'done' }));
    expect(arm.view.seat).toBe('armenia');
  });

  it('lets a bot play a seat left empty past the grace, until a human returns', async () => {
    const m = await createMatch(t.url, { seed: 2, timers: long, seats: { russia: 'bot', eu: 'bot' } });
    const arm = await Player.join(t, m.code, 'armenia', 'A');
    const aze = await Player.join(t, m.code, 'azerbaijan', 'B');
    arm.room.reconnection.enabled = false;
    ok(await aze.act({ type: 'done' }));
    cut(m.matchId, arm.room.sessionId);
    await aze.until(() => aze.state.seats.get('armenia').botPlaying === true, 4000, 'bot takes over');
    expect(aze.messages.some((x) => x.type === 'notice' && x.payload.key === 'seat.botPlaying' && x.payload.params.seat === 'armenia')).toBe(true);
    // Only Azerbaijan is human now, and it was done: the phase moved on; in planning the bot plans.
    await aze.until(() => aze.view.phase === 'planning', 2000, 'planning');
    ok(await aze.act({ type: 'done' }));
    await aze.until(() => aze.view.phase === 'demands', 2000, 'demands');
    const room = matchMaker.getLocalRoomById(m.matchId) as any;
    expect(room.match.log.some((e: any) => e.kind === 'action' && e.seat === 'armenia' && e.action.type === 'plan')).toBe(true);
    // A human takes the seat again (after the reconnection window: a new session).
    await aze.until(() => aze.state.seats.get('armenia').occupants.length === 0, 3000, 'reconnection window closed');
    const back = await Player.join(t, m.code, 'armenia', 'A again');
    await aze.until(() => aze.state.seats.get('armenia').botPlaying === false, 2000, 'human back');
    expect(aze.state.seats.get('armenia').occupants.map((o: any) => o.name)).toEqual(['A again']);
    expect(back.view.seat).toBe('armenia');
  });
});
