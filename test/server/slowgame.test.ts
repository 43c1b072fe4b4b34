// Slow games: deadlines keep running with nobody connected; a woken room plays the phases that fell due.
import { matchMaker } from '@colyseus/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMatch as newMatch } from '../../shared/engine/index.js';
import { loadScenario } from '../../shared/scenario/files.js';
import { MatchPlay } from '../../server/match/play.js';
import { api, createMatch, Player, startServer, type TestServer } from './helpers.js';

const scenario = loadScenario('august-2022');
const FIVE = { news: 5, planning: 5, demands: 5, negotiation: 5, response: 5, resolution: 5, report: 5 };

describe('catching up with deadlines that passed while no room ran', () => {
  it('plays each phase that fell due, bots moving, and keeps the schedule', () => {
    const play = new MatchPlay(newMatch(scenario, 3), FIVE, new Set(), () => undefined);
    const now = 1_000_000;
    // The news phase ended 12 s ago: news, planning and demands have run out since (5 s each).
    const clock = play.catchUp({ paused: false, endsAt: now - 12_000, remaining: 0 }, now);
    play.clock.clear();
    expect(play.match.phase).toBe('negotiation');
    expect(clock.endsAt).toBe(now - 12_000 + 15_000);
    // Every seat is a bot here: the planning phase was played, not skipped.
    expect(play.match.parties.azerbaijan.plan).not.toBeNull();
    expect(play.match.parties.armenia.plan).not.toBeNull();
    // A paused clock waits.
    expect(play.catchUp({ paused: true, endsAt: 0, remaining: 3000 }, now)).toEqual({ paused: true, endsAt: 0, remaining: 3000 });
  });
});

describe('the waker', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startServer({ idleSeconds: 0.3, wakeEveryMs: 200 });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('advances a match whose room was put away when its deadline falls due', async () => {
    const m = await createMatch(t.url, { seed: 2, timers: { ...FIVE, planning: 3600 }, seats: { armenia: 'human', azerbaijan: 'bot', russia: 'bot', eu: 'bot' } });
    const p = await Player.join(t, m.code, 'armenia', 'Away');
    expect(p.view.phase).toBe('news');
    await p.leave();
    // Nobody is left: the room goes away…
    const gone = Date.now();
    while (matchMaker.getLocalRoomById(m.matchId) && Date.now() - gone < 3000) await new Promise((r) => setTimeout(r, 50));
    expect(matchMaker.getLocalRoomById(m.matchId)).toBeFalsy();
    // …and the news deadline (5 s) still passes: the waker brings the room back and the phase moves on.
    const until = Date.now() + 9000;
    let phase = 'news';
    while (Date.now() < until && phase === 'news') {
      await new Promise((r) => setTimeout(r, 200));
      phase = (await api(t.url, `/api/matches/${m.matchId}`, { token: m.facilitatorToken })).body.phase;
    }
    expect(phase).toBe('planning');
  }, 20_000);
});
