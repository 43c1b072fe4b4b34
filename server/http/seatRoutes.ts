// The facilitator's hold on a match's seats (docs/protocol.md §2): show the seats' keys, give a
// seat a new key (the old one stops working), remove a participant from a seat. Each needs the
// match's facilitator token (a class session's token for its rooms); in a session's room each is
// written to the facilitator's log.
import { removeBody, renewKeyBody, type RemoveAnswer, type SeatKeysAnswer } from '../../shared/protocol/index.js';
import { callIfRunning } from '../match/calls.js';
import { currentSeatKeys, renewedSeatKey } from '../match/seatKeys.js';
import { tokenMatches } from '../store/ids.js';
import type { MatchRecord, MatchStore } from '../store/matchStore.js';
import type { SessionStore } from '../store/sessionStore.js';
import { bearer, guarded, HttpError, parseBody, readJson, sendJson, type App, type Req } from './request.js';

export interface SeatRouteDeps {
  store: MatchStore;
  sessions: SessionStore;
}

export function mountSeatRoutes(app: App, deps: SeatRouteDeps) {
  const { store, sessions } = deps;

  /** The match and the token that opens it. */
  const facilitated = (req: Req): { rec: MatchRecord; token: string } => {
    const rec = store.readMatch(String(req.params.id ?? '').slice(0, 64));
    if (!rec) throw new HttpError(404, 'no such match');
    const token = bearer(req);
    if (!token) throw new HttpError(401, "this needs the match's facilitator token: Authorization: Bearer <facilitatorToken>");
    if (!tokenMatches(token, rec.tokenHash)) throw new HttpError(403, 'wrong token for this match');
    return { rec, token };
  };

  const logged = (matchId: string, op: string, detail: Record<string, unknown>) => {
    const room = sessions.roomOf(matchId);
    if (room) sessions.log({ sessionId: room.sessionId, matchId, at: Date.now(), op, detail, ok: true });
  };

  app.get(
    '/api/matches/:id/keys',
    guarded((req, res) => {
      const { rec, token } = facilitated(req);
      sendJson(res, 200, { matchId: rec.id, keys: currentSeatKeys(token, rec.id, rec.seatKeys) } satisfies SeatKeysAnswer);
    }),
  );

  app.post(
    '/api/matches/:id/keys',
    guarded(async (req, res) => {
      const { rec, token } = facilitated(req);
      const { seat } = parseBody(renewKeyBody, await readJson(req));
      if (!Object.hasOwn(rec.seats, seat)) throw new HttpError(400, 'bad request', [`seat: "${seat}" is not a seat of this match`]);
      const { stored } = renewedSeatKey(token, rec.id, seat, rec.seatKeys);
      store.setSeatKey(rec.id, seat, stored);
      // A running room takes the new key at once; one that is not running reads it when it starts.
      await callIfRunning(rec.id, 'setSeatKey', seat, stored);
      logged(rec.id, 'newKey', { seat, version: stored.v, round: rec.round, phase: rec.phase });
      sendJson(res, 200, { matchId: rec.id, keys: currentSeatKeys(token, rec.id, { ...rec.seatKeys, [seat]: stored }) } satisfies SeatKeysAnswer);
    }),
  );

  app.post(
    '/api/matches/:id/remove',
    guarded(async (req, res) => {
      const { rec } = facilitated(req);
      const { seat, name } = parseBody(removeBody, await readJson(req));
      const removed = (await callIfRunning(rec.id, 'removeParticipants', seat, name)) ?? 0;
      logged(rec.id, 'remove', { seat, name: name.slice(0, 40), removed, round: rec.round, phase: rec.phase });
      sendJson(res, 200, { matchId: rec.id, removed } satisfies RemoveAnswer);
    }),
  );
}
