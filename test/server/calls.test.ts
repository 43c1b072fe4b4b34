// The one way into a running room from outside it (server/match/calls.ts): matchMaker.remoteRoomCall
// on the room's public methods, which answer plain data and run through the same checks as the
// room's own messages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoomState } from '../../shared/protocol/index.js';
import type { MatchState } from '../../server/match/state.js';
import { callIfRunning, callRoom, roomStarter, type MatchRoomCalls } from '../../server/match/calls.js';
import { HttpError, unwrap } from '../../server/http/request.js';
import { badRequest, refuse } from '../../server/refusal.js';
import { createMatch, localRoom, ok, Player, startServer, type TestServer } from './helpers.js';

let t: TestServer;
beforeAll(async () => {
  t = await startServer({ graceSeconds: 0.3 });
});
afterAll(async () => {
  await t?.stop();
});

const long = { news: 3600, planning: 3600, demands: 3600, negotiation: 3600, response: 3600, resolution: 3600, report: 3600 };

describe('calls into a room', () => {
  it('reach only a running room; a room not running answers null until it is started', async () => {
    const m = await createMatch(t.url, { seed: 1, timers: long, seats: { russia: 'bot', eu: 'bot' } });
    expect(await callIfRunning(m.matchId, 'overviewLine')).toBeNull();
    const ensureRoom = roomStarter();
    await Promise.all([ensureRoom(m.matchId), ensureRoom(m.matchId)]);
    const line = await callIfRunning(m.matchId, 'overviewLine');
    expect(line).toMatchObject({ live: true, round: 1, phase: 'news', paused: false });
    expect(line!.seats.russia).toMatchObject({ controller: 'bot', botPlaying: true });
  });

  it('answer plain data, the same after a trip through JSON (as across processes)', async () => {
    const m = await createMatch(t.url, { seed: 2, timers: long, seats: { russia: 'bot', eu: 'bot' } });
    const arm = await Player.join(t, m.code, 'armenia', 'Ani');
    const answers: Partial<Record<keyof MatchRoomCalls, unknown>> = {
      overviewLine: await callRoom(m.matchId, 'overviewLine'),
      seatControllers: await callRoom(m.matchId, 'seatControllers'),
      outcome: await callRoom(m.matchId, 'outcome'),
      consoleControl: await callRoom(m.matchId, 'consoleControl', { op: 'pause' }),
      consoleAct: await callRoom(m.matchId, 'consoleAct', { type: 'injectEvent', event: 'nope' }),
      consoleBroadcast: await callRoom(m.matchId, 'consoleBroadcast', 'Facilitator', 'hello'),
    };
    for (const [method, answer] of Object.entries(answers)) expect(JSON.parse(JSON.stringify(answer)), method).toEqual(answer);
    expect(answers.seatControllers).toEqual({ armenia: { controller: 'human' }, azerbaijan: { controller: 'human' }, russia: { controller: 'bot' }, eu: { controller: 'bot' } });
    expect((answers.overviewLine as { seats: { armenia: unknown } }).seats.armenia).toMatchObject({ occupants: [{ name: 'Ani', connected: true }] });
    await arm.leave();
  });

  it('run the checks of the room’s messages: a malformed clock operation, an unknown event, an empty broadcast', async () => {
    const m = await createMatch(t.url, { seed: 3, timers: long, seats: { russia: 'bot', eu: 'bot' } });
    const arm = await Player.join(t, m.code, 'armenia', 'Ani');
    for (const bad of [{ op: 'rewind' }, { op: 'extend', seconds: 0 }, { op: 'extend', seconds: 1.5 }]) {
      const a = await callRoom(m.matchId, 'consoleControl', bad as never);
      expect(a.refused?.code, JSON.stringify(bad)).toBe('bad_message');
    }
    expect((await callRoom(m.matchId, 'consoleControl', { op: 'resume' })).refused).toMatchObject({ code: 'bad_control', reason: 'not paused' });
    expect(arm.state.paused).toBe(false);
    const injected = await callRoom(m.matchId, 'consoleAct', { type: 'injectEvent', event: 'no-such-event' });
    expect(injected.refused?.code).toBe('unknown_event');
    expect(injected).toMatchObject({ round: 1, phase: 'news' });
    expect((await callRoom(m.matchId, 'consoleBroadcast', 'Facilitator', '   ')).refused).toMatchObject({ code: 'bad_message', reason: 'empty message' });
    expect((await callRoom(m.matchId, 'consoleBroadcast', 'Facilitator', 'Time to decide.')).refused).toBeNull();
    await arm.until(() => arm.messages.some((x) => x.type === 'chat' && x.payload.seat === 'facilitator' && x.payload.text === 'Time to decide.'), 2000, 'broadcast');
    expect(arm.messages.filter((x) => x.type === 'chat')).toHaveLength(1);
    await arm.leave();
  });

  it('and the room’s messages do what the console does: a seat given back to humans in the room is covered by a bot after the grace', async () => {
    const m = await createMatch(t.url, { seed: 4, timers: long, seats: { armenia: 'bot', russia: 'bot', eu: 'bot' } });
    const fac = await Player.join(t, m.code, 'facilitator', 'Teacher', m.facilitatorToken);
    ok(await fac.act({ type: 'setSeat', seat: 'armenia', controller: 'human' }));
    await fac.until(() => fac.state.seats.get('armenia').controller === 'human', 2000, 'human seat');
    await fac.until(() => fac.state.seats.get('armenia').botPlaying === true, 3000, 'a bot covers the empty seat');
    expect(fac.messages.some((x) => x.type === 'notice' && x.payload.key === 'seat.botPlaying' && x.payload.params.seat === 'armenia')).toBe(true);
    await fac.leave();
  });
});

/** The schema types with plain strings what the protocol names (a phase, a controller). */
type Loose<T> = T extends string ? string : T extends readonly (infer E)[] ? Loose<E>[] : T extends object ? { [K in keyof T]: Loose<T[K]> } : T;
/** Compiles only while the synced state's JSON has every field of shared/protocol's RoomState. */
const asRoomState = (s: ReturnType<MatchState['toJSON']>): Loose<RoomState> => s;
/** …and RoomState every field of the state's JSON. */
const fromRoomState = (s: Omit<Loose<RoomState>, 'seats'>): Omit<ReturnType<MatchState['toJSON']>, 'seats'> => s;

describe('the synced state', () => {
  it('is shared/protocol\'s RoomState, on the server and as the client reads it', async () => {
    const m = await createMatch(t.url, { seed: 5, timers: long, seats: { russia: 'bot', eu: 'bot' } });
    const arm = await Player.join(t, m.code, 'armenia', 'Ani');
    const served = asRoomState(localRoom(m.matchId).state.toJSON());
    expect(fromRoomState(served)).toBe(served);
    expect(arm.state.toJSON()).toEqual(served);
    expect(Object.keys(served.seats!).sort()).toEqual(['armenia', 'azerbaijan', 'eu', 'russia']);
    await arm.leave();
  });
});

describe('refusals over HTTP', () => {
  it('become the status of their code, with the reason and the issues', () => {
    expect(unwrap({ ok: true, value: 5 })).toBe(5);
    const status = (r: Parameters<typeof unwrap>[0]) => {
      try {
        unwrap(r);
      } catch (e) {
        return e instanceof HttpError ? [e.status, e.message, e.issues] : e;
      }
    };
    expect(status(badRequest(['rooms: no room "x" in this session']))).toEqual([400, 'bad request', ['rooms: no room "x" in this session']]);
    expect(status(refuse('no_room', 'no room "x" in this session'))).toEqual([404, 'no room "x" in this session', undefined]);
    expect(status(refuse('no_free_code', 'no free join code'))).toEqual([503, 'no free join code', undefined]);
  });
});
