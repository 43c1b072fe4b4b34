// The facilitator's HTTP API (docs/protocol.md §8): scenario uploads, class sessions, the live
// overview, controls, forks, timelines, the class debrief and the JSON/CSV exports.
import { z } from 'zod';
import { MAX_SCENARIO_BYTES } from '../../shared/scenario/parse.js';
import { channelsOf, checkChat, TABLE } from '../match/chat.js';
import { debriefReader } from '../class/debrief.js';
import { CSV_KINDS, type CsvKind } from '../class/csv.js';
import { act, broadcast, broadcastBody, checkInject, checkSeatChange, control, controlBody, pickRooms, seatBody, type RoomOutcome } from '../class/console.js';
import { forkRoom } from '../class/fork.js';
import { bearer, clientAddress, guarded, HttpError, issuesOf, query, readJson, readText, sendJson, sendText, WindowLimit, type App, type Req, type Res } from './request.js';
import { tokenMatches } from '../store/ids.js';
import { overview, type ReplayCache } from '../class/overview.js';
import { authorizeSession, createSession, roomOfSession, sessionInfo, unseal, type SessionDeps } from '../class/sessions.js';
import type { MatchRecord } from '../store/matchStore.js';

const parse = <T>(schema: z.ZodType<T>, body: unknown, error = 'bad request'): T => {
  const r = schema.safeParse(body);
  if (!r.success) throw new HttpError(400, error, issuesOf(r.error.issues));
  return r.data;
};

/** 200 when a room accepted, 409 when every room refused. */
const sendResults = (res: Res, results: RoomOutcome[]) => sendJson(res, results.some((r) => r.ok) ? 200 : 409, { results });

const attachment = (name: string) => ({ 'content-disposition': `attachment; filename="${name}"` });

function csvKind(req: Req): CsvKind {
  const kind = query(req).get('kind');
  if (!kind || !(CSV_KINDS as readonly string[]).includes(kind)) throw new HttpError(400, 'bad request', [`kind: one of ${CSV_KINDS.join(', ')}${kind ? ` (not "${kind.slice(0, 40)}")` : ''}`]);
  return kind as CsvKind;
}

export function mountSessions(app: App, deps: SessionDeps) {
  const { sessions, library } = deps;
  const uploads = new WindowLimit(20, 60_000);
  const creations = new WindowLimit(30, 60_000);
  const wrongPassphrase = new WindowLimit(5, 60_000);
  const replays: ReplayCache = new Map();

  const { record, roomTimeline, roomExport, csvText, classDebrief } = debriefReader(deps);

  // ---- Scenarios ----

  app.post(
    '/api/scenarios',
    guarded(async (req, res) => {
      if (!uploads.allow(clientAddress(req))) throw new HttpError(429, 'too many uploads; try again in a minute');
      const text = await readText(req, MAX_SCENARIO_BYTES + 64 * 1024);
      const r = library.upload(text);
      if (!r.ok) return sendJson(res, 400, { error: 'invalid scenario', issues: r.errors });
      const s = r.scenario;
      sendJson(res, 201, { id: s.id, originalId: r.originalId, title: s.title, rounds: s.rounds, mediators: s.mediators });
    }),
  );

  app.get(
    '/api/scenarios/:id',
    guarded((req, res) => {
      const id = String(req.params.id ?? '');
      const s = /^[a-z0-9][a-z0-9-]{0,80}$/.test(id) ? library.find(id) : null;
      if (!s) throw new HttpError(404, `no scenario "${id.slice(0, 80)}"`);
      sendJson(res, 200, s);
    }),
  );

  // ---- Sessions ----

  app.post(
    '/api/sessions',
    guarded(async (req, res) => {
      if (!creations.allow(clientAddress(req))) throw new HttpError(429, 'too many sessions created; try again in a minute');
      sendJson(res, 201, createSession(deps, await readJson(req)));
    }),
  );

  app.post(
    '/api/sessions/:id/token',
    guarded(async (req, res) => {
      const session = sessions.readSession(String(req.params.id ?? '').slice(0, 64));
      if (!session) throw new HttpError(404, 'no such session');
      const { passphrase } = parse(z.object({ passphrase: z.string().min(1).max(200) }).strict(), await readJson(req));
      if (!session.passphrase) throw new HttpError(400, 'this session has no passphrase; use the token shown when it was created');
      if (!wrongPassphrase.allow(session.id, Date.now(), false)) throw new HttpError(429, 'too many wrong passphrases; try again in a minute');
      const token = unseal(session.passphrase, passphrase);
      if (!token || !tokenMatches(token, session.tokenHash)) {
        wrongPassphrase.allow(session.id);
        throw new HttpError(403, 'wrong passphrase');
      }
      wrongPassphrase.reset(session.id);
      sessions.log({ sessionId: session.id, matchId: null, at: Date.now(), op: 'token', detail: {}, ok: true });
      sendJson(res, 200, { facilitatorToken: token });
    }),
  );

  app.get(
    '/api/sessions/:id',
    guarded((req, res) => sendJson(res, 200, sessionInfo(deps, authorizeSession(deps, req)))),
  );

  app.get(
    '/api/sessions/:id/overview',
    guarded((req, res) => {
      const session = authorizeSession(deps, req);
      if (replays.size > 200) replays.clear();
      sendJson(res, 200, overview(deps, session, replays));
    }),
  );

  app.post(
    '/api/sessions/:id/control',
    guarded(async (req, res) => {
      const session = authorizeSession(deps, req);
      const b = parse(controlBody, await readJson(req));
      sendResults(res, await control(deps, session, pickRooms(deps, session, b.rooms), b.op, b.seconds));
    }),
  );

  app.post(
    '/api/sessions/:id/inject',
    guarded(async (req, res) => {
      const session = authorizeSession(deps, req);
      const body = await readJson(req);
      const { action } = checkInject(library.get(session.scenario), body);
      const rooms = pickRooms(deps, session, (body as { rooms?: string[] | null }).rooms);
      const detail = 'event' in action ? { event: action.event } : { custom: action.custom };
      sendResults(res, await act(deps, session, rooms, 'inject', action, detail as Record<string, unknown>));
    }),
  );

  app.post(
    '/api/sessions/:id/broadcast',
    guarded(async (req, res) => {
      const session = authorizeSession(deps, req);
      const b = parse(broadcastBody, await readJson(req));
      const checked = checkChat(library.get(session.scenario), 'facilitator', TABLE, b.text);
      if ('code' in checked) throw new HttpError(400, 'bad request', [`text: ${checked.reason}`]);
      sendResults(res, await broadcast(deps, session, pickRooms(deps, session, b.rooms), b.name, b.text));
    }),
  );

  app.post(
    '/api/sessions/:id/seat',
    guarded(async (req, res) => {
      const session = authorizeSession(deps, req);
      const b = parse(seatBody, await readJson(req));
      checkSeatChange(library.get(session.scenario), b.seat, b.strategy);
      const action = { type: 'setSeat', seat: b.seat, controller: b.controller, ...(b.strategy ? { strategy: b.strategy } : {}) };
      sendResults(res, await act(deps, session, pickRooms(deps, session, b.rooms), 'seat', action, { seat: b.seat, controller: b.controller, ...(b.strategy ? { strategy: b.strategy } : {}) }));
    }),
  );

  app.get(
    '/api/sessions/:id/rooms/:matchId/chat',
    guarded((req, res) => {
      const session = authorizeSession(deps, req);
      const room = roomOfSession(deps, session, String(req.params.matchId ?? ''));
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
      sendJson(res, 200, { matchId: rec.id, channels, messages });
    }),
  );

  app.post(
    '/api/sessions/:id/rooms/:matchId/fork',
    guarded(async (req, res) => {
      const session = authorizeSession(deps, req);
      const room = roomOfSession(deps, session, String(req.params.matchId ?? ''));
      sendJson(res, 201, forkRoom(deps, session, room, await readJson(req)));
    }),
  );

  app.get(
    '/api/sessions/:id/rooms/:matchId/timeline',
    guarded((req, res) => {
      const session = authorizeSession(deps, req);
      const room = roomOfSession(deps, session, String(req.params.matchId ?? ''));
      const channels = query(req).get('channels') ?? 'none';
      if (channels !== 'none' && channels !== 'table' && channels !== 'all') throw new HttpError(400, 'bad request', ['channels: one of none, table, all']);
      sendJson(res, 200, roomTimeline(record(room.matchId), room, sessions.readLog(session.id, room.matchId), channels));
    }),
  );

  app.get(
    '/api/sessions/:id/log',
    guarded((req, res) => sendJson(res, 200, sessions.readLog(authorizeSession(deps, req).id))),
  );

  app.get(
    '/api/sessions/:id/debrief',
    guarded((req, res) => sendJson(res, 200, classDebrief(authorizeSession(deps, req)))),
  );

  app.get(
    '/api/sessions/:id/export.json',
    guarded((req, res) => {
      const session = authorizeSession(deps, req);
      const body = {
        exportedAt: Date.now(),
        session: sessionInfo(deps, session),
        debrief: classDebrief(session),
        rooms: sessions.rooms(session.id).map((r) => roomExport(record(r.matchId))),
      };
      sendJson(res, 200, body, attachment(`parity-class-${session.id}.json`));
    }),
  );

  app.get(
    '/api/sessions/:id/export.csv',
    guarded((req, res) => {
      const session = authorizeSession(deps, req);
      const kind = csvKind(req);
      const rooms = sessions.rooms(session.id).map((room) => ({ rec: record(room.matchId), room }));
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
