// The HTTP API: create a match, resolve a join code, read the record and the debrief.
import { strategiesFor } from '../../shared/bots/index.js';
import { botRun } from '../../shared/sim/botRun.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { matchMaker } from '@colyseus/core';
import { z } from 'zod';
import { replay, seatScores } from '../../shared/engine/index.js';
import { PHASES, PLAYING_SEATS, type Scenario } from '../../shared/scenario/schema.js';
import { hashToken, isCode, newCode, newMatchId, newToken, normaliseCode, tokenMatches } from '../store/ids.js';
import type { MatchRecord, MatchRow, MatchStore, Timers } from '../store/matchStore.js';
import { liveRoom } from '../class/console.js';

type Req = IncomingMessage & { params: Record<string, string>; body?: unknown };
type Res = ServerResponse & { json?: unknown };
type Handler = (req: Req, res: Res) => void | Promise<void>;
interface App {
  get(path: string, h: Handler): void;
  post(path: string, h: Handler): void;
}

export interface ApiDeps {
  store: MatchStore;
  scenario(id: string): Scenario;
  scenarioIds(): string[];
  startedAt: number;
}

const strategy = z.string().min(1).max(64).regex(/^[a-z0-9][a-z0-9-]*$/);
const seatChoice = z.union([
  z.enum(['human', 'bot']).transform((controller) => ({ controller })),
  z.object({ controller: z.enum(['human', 'bot']), strategy: strategy.optional() }).strict(),
]);
const createSchema = z
  .object({
    scenario: z.string().max(64).default('august-2022'),
    seats: z.partialRecord(z.enum(PLAYING_SEATS), seatChoice).default({}),
    timers: z.partialRecord(z.enum(PHASES), z.number().int().min(5).max(30 * 86_400)).default({}),
    seed: z.number().int().min(0).max(2 ** 32 - 1).optional(),
    name: z.string().trim().max(80).default(''),
    /** Show it in the public list of open matches (casual play). */
    listed: z.boolean().default(false),
  })
  .strict();

const MAX_BODY = 16 * 1024;

/** Who plays each seat, without the bots' strategies (those stay with the facilitator's record). */
const controllers = (seats: MatchRow['seats']): Record<string, { controller: string }> =>
  Object.fromEntries(Object.entries(seats).map(([s, c]) => [s, { controller: c!.controller }]));

function send(res: Res, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(text);
}

async function readJson(req: Req): Promise<unknown> {
  if (req.body !== undefined && typeof req.body === 'object') return req.body;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

const bearer = (req: Req) => {
  const h = req.headers.authorization;
  return typeof h === 'string' && h.startsWith('Bearer ') ? h.slice(7) : undefined;
};

const summary = (r: MatchRow) => ({
  matchId: r.id,
  code: r.code,
  scenario: r.scenario,
  name: r.name,
  round: r.round,
  phase: r.phase,
  ended: r.ended,
  createdAt: r.createdAt,
});

/** Routes on Colyseus's Express app; `ensureRoom` starts (or restores) a match's room. */
export function mountApi(app: App, deps: ApiDeps) {
  const { store } = deps;
  // In-flight room restores, so two joins at once don't create the room twice.
  const restoring = new Map<string, Promise<unknown>>();

  async function ensureRoom(matchId: string) {
    if (matchMaker.getLocalRoomById(matchId)) return;
    const cached = await matchMaker.getRoomById(matchId);
    if (cached) return;
    let p = restoring.get(matchId);
    if (!p) {
      p = matchMaker.createRoom('match', { matchId }).finally(() => restoring.delete(matchId));
      restoring.set(matchId, p);
    }
    await p;
  }

  const guarded = (h: Handler): Handler => async (req, res) => {
    try {
      await h(req, res);
    } catch (e) {
      console.error('[api]', e);
      if (!res.headersSent) send(res, 500, { error: 'internal error' });
    }
  };

  app.get('/api/health', guarded((_req, res) => send(res, 200, { ok: true, rooms: matchMaker.stats.local.roomCount, uptime: Math.round((Date.now() - deps.startedAt) / 1000) })));

  app.get(
    '/api/scenarios',
    guarded((_req, res) => {
      const list = deps.scenarioIds().map((id) => {
        const s = deps.scenario(id);
        return { id, title: s.title, rounds: s.rounds, mediators: s.mediators, directChannel: s.directChannel, timers: s.timers };
      });
      send(res, 200, list);
    }),
  );

  app.post(
    '/api/matches',
    guarded(async (req, res) => {
      let body: unknown;
      try {
        body = await readJson(req);
      } catch (e) {
        return send(res, 400, { error: `bad body: ${(e as Error).message}` });
      }
      const parsed = createSchema.safeParse(body);
      if (!parsed.success) return send(res, 400, { error: 'bad request', issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
      const b = parsed.data;
      if (!deps.scenarioIds().includes(b.scenario)) return send(res, 400, { error: `no scenario "${b.scenario}"` });
      const scenario = deps.scenario(b.scenario);
      const seats: MatchRow['seats'] = {};
      for (const s of [...PLAYING_SEATS].filter((x) => x === 'armenia' || x === 'azerbaijan' || scenario.mediators.includes(x))) {
        seats[s] = b.seats[s] ?? { controller: 'human' };
        const strategy = seats[s]!.strategy;
        if (strategy && !strategiesFor(s).includes(strategy)) {
          return send(res, 400, { error: 'bad request', issues: [`seats.${s}.strategy: unknown strategy "${strategy}"; choose from ${strategiesFor(s).join(', ')}`] });
        }
      }
      const timers = { ...scenario.timers, ...b.timers } as Timers;
      const token = newToken();
      const id = newMatchId();
      for (let attempt = 0; ; attempt++) {
        const code = newCode();
        if (store.findByCode(code)) {
          if (attempt > 20) return send(res, 503, { error: 'no free join code' });
          continue;
        }
        store.createMatch({ id, code, scenario: b.scenario, name: b.name, seed: b.seed ?? Math.floor(Math.random() * 2 ** 32), seats, timers, tokenHash: hashToken(token), createdAt: Date.now(), listed: b.listed });
        return send(res, 201, { matchId: id, code, facilitatorToken: token });
      }
    }),
  );

  app.get(
    '/api/join/:code',
    guarded(async (req, res) => {
      const code = normaliseCode(String(req.params.code ?? ''));
      const row = isCode(code) ? store.findByCode(code) : null;
      if (!row) return send(res, 404, { error: 'no match with this code' });
      if (!row.ended) await ensureRoom(row.id);
      // Seats as they stand (a facilitator may have swapped one), else as created.
      const seats = controllers(liveRoom(row.id)?.play.match.seats ?? row.seats);
      send(res, 200, { matchId: row.id, roomId: row.id, code: row.code, scenario: row.scenario, ended: row.ended !== null, seats });
    }),
  );

  // The public list: only matches created as listed (class matches' codes stay with the class).
  app.get(
    '/api/matches',
    guarded((_req, res) => {
      const open = store.listOpenMatches(50).map((r) => {
        const seats: Record<string, string> = {};
        for (const [s, c] of Object.entries(r.seats)) seats[s] = c!.controller;
        return { ...summary(r), seats };
      });
      send(res, 200, open);
    }),
  );

  /** Full record for the facilitator, or for anyone once the match is over. */
  const readRecord = (req: Req, res: Res): { rec: MatchRecord; full: boolean } | null => {
    const rec = store.readMatch(String(req.params.id ?? '').slice(0, 64));
    if (!rec) return send(res, 404, { error: 'no such match' }), null;
    return { rec, full: rec.ended !== null || tokenMatches(bearer(req), rec.tokenHash) };
  };

  app.get(
    '/api/matches/:id',
    guarded((req, res) => {
      const r = readRecord(req, res);
      if (!r) return;
      const { rec, full } = r;
      const base = { ...summary(rec), seats: controllers(rec.seats), timers: rec.timers, participants: rec.participants };
      if (!full) return send(res, 200, base);
      send(res, 200, { ...base, seed: rec.seed, seatConfig: rec.seats, log: rec.log, events: rec.events, rounds: rec.rounds, chat: rec.chat });
    }),
  );

  app.get(
    '/api/matches/:id/debrief',
    guarded((req, res) => {
      const r = readRecord(req, res);
      if (!r) return;
      if (!r.full) return send(res, 403, { error: 'the debrief opens when the match ends, or with the facilitator token' });
      const { rec } = r;
      const timeline = rec.events.map((e) => ({ ...e.entry, seq: e.seq, at: e.at }));
      let scores: unknown = null;
      if (rec.ended) scores = seatScores(replay(deps.scenario(rec.scenario), rec.seed, rec.seats, rec.log.map((e) => e.entry)));
      send(res, 200, { matchId: rec.id, scenario: rec.scenario, ended: rec.ended, round: rec.round, phase: rec.phase, timeline, rounds: rec.rounds, scores });
    }),
  );

  /** The same scenario and seed played by bots in every seat, for the debrief's side-by-side. */
  app.get(
    '/api/matches/:id/botrun',
    guarded((req, res) => {
      const r = readRecord(req, res);
      if (!r) return;
      if (!r.full) return send(res, 403, { error: 'the comparison opens when the match ends, or with the facilitator token' });
      send(res, 200, botRun(deps.scenario(r.rec.scenario), r.rec.seed));
    }),
  );

  return { ensureRoom };
}
