// The HTTP API of matches (docs/protocol.md §1): create a match, resolve a join code, the public
// list, a match's record, its debrief and the bot run beside it.
import { matchMaker } from '@colyseus/core';
import { replay, seatScores } from '../../shared/engine/index.js';
import type { FullMatchInfo, Health, JoinInfo, MatchDebrief, MatchInfo, MatchSummary, OpenMatch, ScenarioSummary } from '../../shared/protocol/index.js';
import type { Scenario } from '../../shared/scenario/schema.js';
import { botRun } from '../../shared/sim/botRun.js';
import { callIfRunning } from '../match/calls.js';
import { seatControllers } from '../match/facts.js';
import { createCasualMatch } from '../match/newMatch.js';
import { isCode, normaliseCode, tokenMatches } from '../store/ids.js';
import type { MatchRecord, MatchRow, MatchStore } from '../store/matchStore.js';
import { AddressBuckets, spend, tooMany, type Limits } from './limits.js';
import { bearer, clientAddress, guarded, HttpError, readJson, sendJson, unwrap, type App, type Req } from './request.js';

export interface MatchRouteDeps {
  store: MatchStore;
  scenario(id: string): Scenario;
  /** The scenario loaded (an upload parsed off the event loop) before a room needs it. */
  loadScenario(id: string): Promise<unknown>;
  scenarioIds(): string[];
  startedAt: number;
  /** Start (or restore) a match's room. */
  ensureRoom(matchId: string): Promise<void>;
  limits: Limits;
}

const summary = (r: MatchRow): MatchSummary => ({
  matchId: r.id,
  code: r.code,
  scenario: r.scenario,
  name: r.name,
  round: r.round,
  phase: r.phase,
  ended: r.ended,
  createdAt: r.createdAt,
});

export function mountMatchRoutes(app: App, deps: MatchRouteDeps) {
  const { store, limits } = deps;
  const creations = new AddressBuckets(limits.matchCreations);
  const lookups = new AddressBuckets(limits.codeLookups);
  const misses = new AddressBuckets(limits.missedLookups);
  const starts = new AddressBuckets(limits.roomStarts);

  app.get(
    '/api/health',
    guarded((_req, res) => sendJson(res, 200, { ok: true, rooms: matchMaker.stats.local.roomCount, uptime: Math.round((Date.now() - deps.startedAt) / 1000) } satisfies Health)),
  );

  app.get(
    '/api/scenarios',
    guarded((_req, res) => {
      const list = deps.scenarioIds().map((id): ScenarioSummary => {
        const s = deps.scenario(id);
        return { id, title: s.title, rounds: s.rounds, mediators: s.mediators, directChannel: s.directChannel, timers: s.timers };
      });
      sendJson(res, 200, list);
    }),
  );

  app.post(
    '/api/matches',
    guarded(async (req, res) => {
      spend(creations, clientAddress(req), 'too many matches created from this address');
      const body = await readJson(req);
      sendJson(res, 201, unwrap(createCasualMatch(store, { ids: deps.scenarioIds, get: deps.scenario }, body)));
    }),
  );

  // Finding a live code by guessing is what the missed lookups' bucket makes slow (docs/protocol.md
  // §9): once an address has used its misses, every lookup from it waits, found or not.
  app.get(
    '/api/join/:code',
    guarded(async (req, res) => {
      const address = clientAddress(req);
      const wait = misses.peek(address);
      if (wait !== null) throw tooMany(wait, 'too many codes that match nothing from this address');
      spend(lookups, address, 'too many code lookups from this address');
      const code = normaliseCode(String(req.params.code ?? ''));
      const row = isCode(code) ? store.findByCode(code) : null;
      if (!row) {
        misses.take(address);
        throw new HttpError(404, 'no match with this code');
      }
      if (!row.ended && !(await matchMaker.getRoomById(row.id))) {
        spend(starts, address, 'too many matches started from this address');
        await deps.loadScenario(row.scenario);
        await deps.ensureRoom(row.id);
      }
      // Seats as they stand (a facilitator may have swapped one), else as created.
      const seats = (await callIfRunning(row.id, 'seatControllers')) ?? seatControllers(row.seats);
      const open = row.open === true || Object.keys(row.seatKeys).length === 0;
      const info: JoinInfo = { matchId: row.id, roomId: row.id, code: row.code, scenario: row.scenario, ended: row.ended !== null, open, seats };
      sendJson(res, 200, info);
    }),
  );

  // The public list: only matches created as listed (class matches' codes stay with the class).
  app.get(
    '/api/matches',
    guarded((_req, res) => {
      const open = store.listOpenMatches(50).map((r): OpenMatch => {
        const seats: OpenMatch['seats'] = {};
        for (const [s, c] of Object.entries(r.seats)) seats[s as keyof OpenMatch['seats']] = c!.controller;
        return { ...summary(r), seats };
      });
      sendJson(res, 200, open);
    }),
  );

  /** Full record for the facilitator, or for anyone once the match is over. */
  const readRecord = (req: Req): { rec: MatchRecord; full: boolean } => {
    const rec = store.readMatch(String(req.params.id ?? '').slice(0, 64));
    if (!rec) throw new HttpError(404, 'no such match');
    return { rec, full: rec.ended !== null || tokenMatches(bearer(req), rec.tokenHash) };
  };

  app.get(
    '/api/matches/:id',
    guarded((req, res) => {
      const { rec, full } = readRecord(req);
      const base: MatchInfo = { ...summary(rec), seats: seatControllers(rec.seats), timers: rec.timers, participants: rec.participants };
      if (!full) return sendJson(res, 200, base);
      const all: FullMatchInfo = { ...base, seed: rec.seed, seatConfig: rec.seats, log: rec.log, events: rec.events, rounds: rec.rounds, chat: rec.chat };
      sendJson(res, 200, all);
    }),
  );

  app.get(
    '/api/matches/:id/debrief',
    guarded((req, res) => {
      const { rec, full } = readRecord(req);
      if (!full) throw new HttpError(403, 'the debrief opens when the match ends, or with the facilitator token');
      const timeline = rec.events.map((e) => ({ ...e.entry, seq: e.seq, at: e.at }));
      const scores = rec.ended ? seatScores(replay(deps.scenario(rec.scenario), rec.seed, rec.seats, rec.log.map((e) => e.entry))) : null;
      const debrief: MatchDebrief = { matchId: rec.id, scenario: rec.scenario, ended: rec.ended, round: rec.round, phase: rec.phase, timeline, rounds: rec.rounds, scores };
      sendJson(res, 200, debrief);
    }),
  );

  /** The same scenario and seed played by bots in every seat, for the debrief's side-by-side. */
  app.get(
    '/api/matches/:id/botrun',
    guarded((req, res) => {
      const { rec, full } = readRecord(req);
      if (!full) throw new HttpError(403, 'the comparison opens when the match ends, or with the facilitator token');
      sendJson(res, 200, botRun(deps.scenario(rec.scenario), rec.seed));
    }),
  );
}
