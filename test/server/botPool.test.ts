// Search bots decide on the bot pool's threads (server/botPool.ts), off the event loop: a thread
// decides what the bot decides inline, a search-bot room plays on, other rooms stay responsive,
// and a match comes out as it would have with every decision made inline.
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { botActions, SEARCH_LEVELS } from '../../shared/bots/index.js';
import { advancePhase, createMatch as newMatch, type Match, type SeatConfig } from '../../shared/engine/index.js';
import { loadScenario } from '../../shared/scenario/files.js';
import type { PlayingSeat } from '../../shared/scenario/schema.js';
import { BotPool } from '../../server/match/botPool.js';
import { botTurns } from '../../shared/bots/turns.js';
import { MatchPlay } from '../../server/match/play.js';
import { createMatch, localRoom, ok, Player, startServer, type TestServer } from './helpers.js';

const scenario = loadScenario('august-2022');
const HOUR = { news: 3600, planning: 3600, demands: 3600, negotiation: 3600, response: 3600, resolution: 3600, report: 3600 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the bot pool', () => {
  it('decides what the bot decides inline, for every seat and phase', async () => {
    const bot = (strategy: string) => ({ controller: 'bot' as const, strategy });
    const seats: SeatConfig = { armenia: bot('search-easy'), azerbaijan: bot('search-easy'), russia: bot('search-easy'), eu: bot('search-easy') };
    // Every (match, seat) a bot decided on along a game played inline, two rounds of phases.
    let m = newMatch(scenario, 11, seats);
    const turns: { match: Match; seat: PlayingSeat }[] = [];
    for (let i = 0; i < 14 && !m.ended; i++) {
      const bots = botTurns(m, ['armenia', 'azerbaijan', 'russia', 'eu']);
      for (let step = bots.next(); ; ) {
        if (step.done) {
          m = step.value;
          break;
        }
        turns.push(step.value);
        step = bots.next(botActions(step.value.match, step.value.seat));
      }
      m = advancePhase(m).match;
    }
    const pool = new BotPool(2);
    // The search stops at a wall-clock cap (SEARCH_LEVELS timeMs), which depends on the machine's
    // load: uncapped here and on the threads (each job carries this process's caps).
    const cap = SEARCH_LEVELS.easy.timeMs;
    SEARCH_LEVELS.easy.timeMs = Number.POSITIVE_INFINITY;
    try {
      let acting = 0;
      for (const { match, seat } of turns) {
        const inline = botActions(match, seat);
        expect(await pool.decide(match, seat)).toEqual(inline);
        if (inline.length) acting++;
      }
      expect(acting).toBeGreaterThan(5);
    } finally {
      SEARCH_LEVELS.easy.timeMs = cap;
      pool.close();
    }
  });

  it('stops an idle thread, and starts one again when needed', async () => {
    const m = newMatch(scenario, 3, { russia: { controller: 'bot', strategy: 'search-easy' } });
    const pool = new BotPool(1, 200);
    try {
      expect(pool.threadCount).toBe(0);
      const first = await pool.decide(m, 'russia');
      expect(pool.threadCount).toBe(1);
      await sleep(600);
      expect(pool.threadCount).toBe(0);
      expect(await pool.decide(m, 'russia')).toEqual(first);
    } finally {
      pool.close();
    }
  });

  it('drops a decision its room no longer wants, and refuses work once closed', async () => {
    const m = newMatch(scenario, 3, { russia: { controller: 'bot', strategy: 'search-easy' } });
    const pool = new BotPool(1);
    expect(await pool.decide(m, 'russia', () => false)).toBeNull();
    pool.close();
    await expect(pool.decide(m, 'russia')).rejects.toThrow(/closed/);
  });
});

describe('a room’s bots and the pool', () => {
  it('decide inline when the pool cannot, and the game goes on', async () => {
    const pool = new BotPool(1);
    pool.close();
    let resumed = 0;
    const seats: SeatConfig = { armenia: { controller: 'human' }, azerbaijan: { controller: 'bot', strategy: 'search-easy' }, russia: { controller: 'bot' }, eu: { controller: 'bot' } };
    const play = new MatchPlay(newMatch(scenario, 5, seats), HOUR, new Set(), () => undefined, { pool, resume: (work) => (work(), resumed++) });
    play.settle();
    expect(play.act('armenia', { type: 'done' })).toBeNull(); // news → planning: the search bot plans
    for (let i = 0; i < 200 && (play.deciding || play.match.phase === 'news'); i++) await sleep(10);
    play.clock.clear();
    expect(resumed).toBeGreaterThan(0);
    expect(play.match.phase).toBe('planning');
    expect(play.match.parties.azerbaijan.plan).not.toBeNull();
  });
});

describe('search bots in rooms', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startServer();
  });
  afterAll(async () => {
    await t?.stop();
  });

  const room = localRoom;
  /** Wait until the room's bots are not deciding (then nothing moves until someone acts). */
  const settled = async (id: string) => {
    for (let i = 0; i < 2000 && room(id).play.deciding; i++) await sleep(10);
    expect(room(id).play.deciding).toBe(false);
  };

  it('plays on, while another room answers at once', async () => {
    const search = { controller: 'bot', strategy: 'search-normal' };
    const a = await createMatch(t.url, { seed: 21, timers: HOUR, seats: { armenia: 'human', azerbaijan: search, russia: search, eu: search } });
    const b = await createMatch(t.url, { seed: 22, timers: HOUR, seats: { armenia: 'human', azerbaijan: 'bot', russia: 'bot', eu: 'bot' } });
    const arm = await Player.join(t, a.code, 'armenia', 'Searcher');
    const other = await Player.join(t, b.code, 'armenia', 'Elsewhere');
    // Room B talks the whole time room A's bots think (an inline search-normal turn took up to ~0.8 s).
    const replies: number[] = [];
    let talking = true;
    const talk = (async () => {
      while (talking) {
        const t0 = performance.now();
        ok(await other.send('chat', { channel: 'table', text: 'ping' }));
        replies.push(performance.now() - t0);
        await sleep(20);
      }
    })();
    const at = () => `${arm.view.round}:${arm.view.phase}`;
    try {
      // news → planning → demands → negotiation: the search bots plan, demand and mediate.
      for (let i = 0; i < 3; i++) {
        const before = at();
        ok(await arm.act({ type: 'done' }));
        await arm.until(() => at() !== before, 30_000, `the end of ${before}`);
      }
      await settled(a.matchId);
    } finally {
      talking = false;
      await talk;
    }
    expect(arm.view.phase).toBe('negotiation');
    expect((arm.view.parties.azerbaijan as { plan?: unknown }).plan).toBeUndefined(); // private, and…
    expect(room(a.matchId).play.match.parties.azerbaijan.plan).not.toBeNull(); // …made by the search bot
    expect(replies.length).toBeGreaterThan(5);
    replies.sort((x, y) => x - y);
    // Generous for a busy test machine; inline, room B waited for whole search turns.
    expect(replies[replies.length - 1]).toBeLessThan(250);
    await arm.leave();
    await other.leave();
  });

  it('comes to the same match as deciding every move inline', async () => {
    // Uncapped, here and on the pool's threads (they take the room's caps): a decision cut off by
    // the wall clock depends on the machine's load, and the two runs would part ways.
    const cap = SEARCH_LEVELS.easy.timeMs;
    SEARCH_LEVELS.easy.timeMs = Number.POSITIVE_INFINITY;
    onTestFinished(() => {
      SEARCH_LEVELS.easy.timeMs = cap;
    });
    const seats = { armenia: 'human', azerbaijan: { controller: 'bot', strategy: 'search-easy' }, russia: { controller: 'bot', strategy: 'search-easy' }, eu: 'bot' } as const;
    const m = await createMatch(t.url, { seed: 31, timers: HOUR, seats });
    const arm = await Player.join(t, m.code, 'armenia', 'Solo');
    const inline = new MatchPlay(newMatch(scenario, 31, { armenia: { controller: 'human' }, azerbaijan: seats.azerbaijan, russia: seats.russia, eu: { controller: 'bot' } }), HOUR, new Set(), () => undefined);
    inline.settle();
    await settled(m.matchId);
    for (let i = 0; i < 8 && !inline.ended; i++) {
      ok(await arm.act({ type: 'done' }));
      expect(inline.act('armenia', { type: 'done' })).toBeNull();
      await settled(m.matchId);
    }
    inline.clock.clear();
    const served = room(m.matchId).play.match;
    expect(served.round).toBe(2);
    expect(served.log).toEqual(inline.match.log);
    expect(served.events).toEqual(inline.match.events);
    await arm.leave();
  });
});
