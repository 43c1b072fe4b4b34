// The facilitator's HTTP API (docs/protocol.md §8): scenario uploads, class sessions, the live
// overview, controls, forks, timelines, the class debrief and the JSON/CSV exports.
import {
  broadcastBody,
  controlBody,
  CSV_KINDS,
  seatBody,
  TIMELINE_CHANNELS,
  publicScenario,
  tokenBody,
  type ClassExport,
  type JoinAddress,
  type CsvKind,
  type RoomChat,
  type RoomResult,
  type TimelineChannels,
  type TokenAnswer,
  type UploadedScenario,
} from '../../shared/protocol/index.js';
import { act, broadcast, broadcastText, checkInject, control, pickRooms, seatAction } from '../class/console.js';
import { debriefReader } from '../class/debrief.js';
import { forkRoom } from '../class/fork.js';
import { overview, type ReplayCache } from '../class/overview.js';
import { createSession, roomOfSession, sessionInfo, unseal, type SessionDeps } from '../class/sessions.js';
import { channelsOf } from '../match/chat.js';
import { tokenMatches } from '../store/ids.js';
import type { MatchRecord } from '../store/matchStore.js';
import type { SessionRow } from '../store/sessionStore.js';
import { AddressBuckets, spend, tooMany, type Limits } from './limits.js';
import { bearer, clientAddress, guarded, HttpError, parseBody, query, readJson, readText, sendJson, sendText, unwrap, type App, type Req, type Res } from './request.js';

export interface ClassRouteDeps extends SessionDeps {
  limits: Limits;
  /** Where the join sheet's links point, for a request to this server. */
  joinAddress(req: Req): JoinAddress;
}

/** 200 when a room accepted, 409 when every room refused. */
const sendResults = (res: Res, results: RoomResult[]) => sendJson(res, results.some((r) => r.ok) ? 200 : 409, { results });

const attachment = (name: string) => ({ 'content-disposition': `attachment; filename="${name}"` });

function csvKind(req: Req): CsvKind {
  const kind = query(req).get('kind');
  if (!kind || !(CSV_KINDS as readonly string[]).includes(kind)) throw new HttpError(400, 'bad request', [`kind: one of ${CSV_KINDS.join(', ')}${kind ? ` (not "${kind.slice(0, 40)}")` : ''}`]);
  return kind as CsvKind;
}

/** The session named in the path, when the request carries its token; else the matching error. */
function authorizeSession(deps: SessionDeps, req: Req): SessionRow {
  const session = deps.sessions.readSession(String(req.params.id ?? '').slice(0, 64));
  if (!session) throw new HttpError(404, 'no such session');
  const token = bearer(req);
  if (!token) throw new HttpError(401, 'this needs the session token: Authorization: Bearer <facilitatorToken>');
  if (!tokenMatches(token, session.tokenHash)) throw new HttpError(403, 'wrong token for this session');
  return session;
}

export function mountClassRoutes(app: App, deps: ClassRouteDeps) {
  const { sessions, library, limits } = deps;
  const uploads = new AddressBuckets(limits.uploads);
  const creations = new AddressBuckets(limits.sessionCreations);
  // Per client address, not per session: a stranger's wrong guesses do not lock the teacher out.
  const wrongPassphrase = new AddressBuckets(limits.wrongPassphrases);
  const replays: ReplayCache = new Map();
  /** The session named in the path, for its token; its scenario loaded (off the event loop for an upload). */
  const authorized = async (req: Req): Promise<SessionRow> => {
    const session = authorizeSession(deps, req);
    await library.load(session.scenario);
    return session;
  };

  const { roomRecords, roomTimeline, roomExport, csvText, classDebrief } = debriefReader(deps);
  const record = (matchId: string): MatchRecord => {
    const rec = deps.store.readMatch(matchId);
    if (!rec) throw new HttpError(404, 'no such match');
    return rec;
  };
  /** One of the session's rooms, named in the path. */
  const roomIn = (session: SessionRow, req: Req) => unwrap(roomOfSession(deps, session, String(req.params.matchId ?? '')));

  // ---- Scenarios ----

  app.post(
    '/api/scenarios',
    guarded(async (req, res) => {
      spend(uploads, clientAddress(req), 'too many uploads from this address');
      const text = await readText(req, limits.uploadBytes);
      const r = await library.upload(text);
      if (!r.ok && r.full) throw tooMany(600, 'too many uploads wait for a class session');
      if (!r.ok) return sendJson(res, 400, { error: 'invalid scenario', issues: r.errors });
      const u = r.upload;
      sendJson(res, 201, { id: u.id, originalId: u.originalId, title: u.title, rounds: u.rounds, mediators: u.mediators } satisfies UploadedScenario);
    }),
  );

  // The public part for anyone; every seat's briefing and objectives for the facilitator (the
  // token of a session or match using it, named by ?session= or ?match=) or once that match ended.
  app.get(
    '/api/scenarios/:id',
    guarded(async (req, res) => {
      const id = String(req.params.id ?? '');
      const s = /^[a-z0-9][a-z0-9-]{0,80}$/.test(id) ? await library.load(id) : null;
      if (!s) throw new HttpError(404, `no scenario "${id.slice(0, 80)}"`);
      sendJson(res, 200, opensScenario(req, id) ? s : publicScenario(s));
    }),
  );

  /** Whether this request may read every seat's secrets of scenario `id`. */
  const opensScenario = (req: Req, id: string): boolean => {
    const q = query(req);
    const token = bearer(req);
    const sessionId = q.get('session');
    if (sessionId) {
      const session = sessions.readSession(sessionId.slice(0, 64));
      return !!session && session.scenario === id && tokenMatches(token, session.tokenHash);
    }
    const matchId = q.get('match');
    if (matchId) {
      const rec = deps.store.readMatch(matchId.slice(0, 64));
      return !!rec && rec.scenario === id && (rec.ended !== null || tokenMatches(token, rec.tokenHash));
    }
    return false;
  };

  // ---- Sessions ----

  app.post(
    '/api/sessions',
    guarded(async (req, res) => {
      spend(creations, clientAddress(req), 'too many sessions created from this address');
      sendJson(res, 201, unwrap(await createSession(deps, await readJson(req))));
    }),
  );

  app.post(
    '/api/sessions/:id/token',
    guarded(async (req, res) => {
      const session = sessions.readSession(String(req.params.id ?? '').slice(0, 64));
      if (!session) throw new HttpError(404, 'no such session');
      const { passphrase } = parseBody(tokenBody, await readJson(req));
      if (!session.passphrase) throw new HttpError(400, 'this session has no passphrase; use the token shown when it was created');
      // Every try takes a token before the (slow, asynchronous) check, so that tries sent at once
      // cannot all pass; a right passphrase gives it back.
      const address = clientAddress(req);
      spend(wrongPassphrase, address, 'too many wrong passphrases from this address');
      const token = await unseal(session.passphrase, passphrase);
      if (!token || !tokenMatches(token, session.tokenHash)) throw new HttpError(403, 'wrong passphrase');
      wrongPassphrase.refund(address);
      sessions.log({ sessionId: session.id, matchId: null, at: Date.now(), op: 'token', detail: {}, ok: true });
      sendJson(res, 200, { facilitatorToken: token } satisfies TokenAnswer);
    }),
  );

  app.get(
    '/api/sessions/:id',
    guarded(async (req, res) => sendJson(res, 200, sessionInfo(deps, await authorized(req), bearer(req)!, deps.joinAddress(req)))),
  );

  app.get(
    '/api/sessions/:id/overview',
    guarded(async (req, res) => {
      const session = await authorized(req);
      if (replays.size > 200) replays.clear();
      sendJson(res, 200, await overview(deps, session, replays));
    }),
  );

  app.post(
    '/api/sessions/:id/control',
    guarded(async (req, res) => {
      const session = await authorized(req);
      const b = parseBody(controlBody, await readJson(req));
      sendResults(res, await control(deps, unwrap(pickRooms(sessions, session, b.rooms)), b.op, b.seconds));
    }),
  );

  app.post(
    '/api/sessions/:id/inject',
    guarded(async (req, res) => {
      const session = await authorized(req);
      const { action, rooms } = unwrap(checkInject(library.get(session.scenario), await readJson(req)));
      const picked = unwrap(pickRooms(sessions, session, rooms));
      const detail = action.event !== undefined ? { event: action.event } : { custom: action.custom };
      sendResults(res, await act(deps, session, picked, 'inject', action, detail));
    }),
  );

  app.post(
    '/api/sessions/:id/broadcast',
    guarded(async (req, res) => {
      const session = await authorized(req);
      const b = parseBody(broadcastBody, await readJson(req));
      unwrap(broadcastText(library.get(session.scenario), b.text));
      sendResults(res, await broadcast(deps, session, unwrap(pickRooms(sessions, session, b.rooms)), b.name, b.text));
    }),
  );

  app.post(
    '/api/sessions/:id/seat',
    guarded(async (req, res) => {
      const session = await authorized(req);
      const b = parseBody(seatBody, await readJson(req));
      const action = unwrap(seatAction(library.get(session.scenario), b.seat, b.controller, b.strategy));
      const { type: _type, ...detail } = action;
      sendResults(res, await act(deps, session, unwrap(pickRooms(sessions, session, b.rooms)), 'seat', action, detail));
    }),
  );

  app.get(
    '/api/sessions/:id/rooms/:matchId/chat',
    guarded(async (req, res) => {
      const room = roomIn(await authorized(req), req);
      const q = query(req);
      const rec = record(room.matchId);
      const channels = channelsOf(library.get(rec.scenario));
      const channel = q.get('channel');
      const issues: string[] = [];
      if (channel !== null && !channels.includes(channel)) issues.push(`channel: no channel "${channel.slice(0, 40)}" (channels: ${channels.join(', ')})`);
      const after = q.get('after') === null ? 0 : Number(q.get('after'));
      if (!Number.isInteger(after) || after < 0) issues.push('after: a message id, a whole number ≥ 0');
      const limit = q.get('limit') === null ? 500 : Number(q.get('limit'));
      if (!Number.isInteger(limit) || limit < 1 || limit > 2000) issues.push('limit: a whole number from 1 to 2000');
      if (issues.length) throw new HttpError(400, 'bad request', issues);
      const messages = rec.chat.filter((c) => c.id > after && (channel === null || c.channel === channel)).slice(0, limit);
      sendJson(res, 200, { matchId: rec.id, channels, messages } satisfies RoomChat);
    }),
  );

  app.post(
    '/api/sessions/:id/rooms/:matchId/fork',
    guarded(async (req, res) => {
      const session = await authorized(req);
      const room = roomIn(session, req);
      sendJson(res, 201, unwrap(forkRoom(deps, session, bearer(req)!, room, await readJson(req))));
    }),
  );

  app.get(
    '/api/sessions/:id/rooms/:matchId/timeline',
    guarded(async (req, res) => {
      const session = await authorized(req);
      const room = roomIn(session, req);
      const channels = (query(req).get('channels') ?? 'none') as TimelineChannels;
      if (!TIMELINE_CHANNELS.includes(channels)) throw new HttpError(400, 'bad request', [`channels: one of ${TIMELINE_CHANNELS.join(', ')}`]);
      sendJson(res, 200, roomTimeline(record(room.matchId), room, sessions.readLog(session.id, room.matchId), channels));
    }),
  );

  app.get(
    '/api/sessions/:id/log',
    guarded(async (req, res) => sendJson(res, 200, sessions.readLog((await authorized(req)).id))),
  );

  app.get(
    '/api/sessions/:id/debrief',
    guarded(async (req, res) => sendJson(res, 200, await classDebrief(await authorized(req)))),
  );

  app.get(
    '/api/sessions/:id/export.json',
    guarded(async (req, res) => {
      const session = await authorized(req);
      const body: ClassExport = {
        exportedAt: Date.now(),
        // Without the seats' keys: an export may travel further than the console.
        session: sessionInfo(deps, session, null, deps.joinAddress(req)),
        debrief: await classDebrief(session),
        rooms: roomRecords(session).map(({ rec }) => roomExport(rec)),
      };
      sendJson(res, 200, body, attachment(`parity-class-${session.id}.json`));
    }),
  );

  app.get(
    '/api/sessions/:id/export.csv',
    guarded(async (req, res) => {
      const session = await authorized(req);
      const kind = csvKind(req);
      const rooms = roomRecords(session);
      sendText(res, 200, csvText(kind, rooms), 'text/csv; charset=utf-8', attachment(`parity-class-${session.id}-${kind}.csv`));
    }),
  );

  // ---- Exports of one match (a session's room, or any match) ----

  /** The record, for its facilitator token (a session's token for its rooms) or once ended. */
  const exportable = (req: Req): MatchRecord => {
    const rec = record(String(req.params.id ?? '').slice(0, 64));
    if (rec.ended !== null) return rec;
    const token = bearer(req);
    if (!token) throw new HttpError(401, 'the export opens when the match ends, or with the facilitator token');
    if (!tokenMatches(token, rec.tokenHash)) throw new HttpError(403, 'wrong token for this match');
    return rec;
  };

  app.get(
    '/api/matches/:id/export.json',
    guarded((req, res) => {
      const rec = exportable(req);
      sendJson(res, 200, roomExport(rec), attachment(`parity-${rec.id}.json`));
    }),
  );

  app.get(
    '/api/matches/:id/export.csv',
    guarded((req, res) => {
      const rec = exportable(req);
      const kind = csvKind(req);
      sendText(res, 200, csvText(kind, [{ rec, room: sessions.roomOf(rec.id) }]), 'text/csv; charset=utf-8', attachment(`parity-${rec.id}-${kind}.csv`));
    }),
  );
}
