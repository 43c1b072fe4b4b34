// The facilitator's hand on a session's rooms: the clock (within the session's limits), injected
// events, table broadcasts and seat swaps. Each operation goes through the running room (so the
// players see it at once) and is written to the facilitator log, refused ones with their reason.
import { matchMaker } from '@colyseus/core';
import { z } from 'zod';
import { strategiesFor } from '../../shared/bots/index.js';
import { injectEventAction } from '../../shared/engine/actions.js';
import { playingSeats } from '../../shared/engine/index.js';
import { PLAYING_SEATS, textSchema, type Effects, type PlayingSeat, type Scenario } from '../../shared/scenario/schema.js';
import { checkChat, TABLE } from '../match/chat.js';
import { HttpError, issuesOf } from '../http/request.js';
import { deliverChat, type RoomContext } from '../match/messages.js';
import type { ControlOp, MatchPlay, Refusal } from '../match/play.js';
import type { SessionDeps } from './sessions.js';
import type { SessionRoom, SessionRow, SessionStore } from '../store/sessionStore.js';
import type { MatchState } from '../match/state.js';

/** A running match room as the facilitator's operations use it. */
export type LiveRoom = RoomContext & { state: MatchState };

/** The room of a match running in this process, or null. */
export function liveRoom(matchId: string): LiveRoom | null {
  const r = matchMaker.getLocalRoomById(matchId) as unknown as LiveRoom | undefined;
  return r && r.play ? r : null;
}

export interface RoomOutcome {
  matchId: string;
  ok: boolean;
  code?: string;
  reason?: string;
}

const roomsField = z.array(z.string().min(1).max(64)).max(100).nullable().optional();
export const controlBody = z
  .object({ op: z.enum(['pause', 'resume', 'extend', 'advance', 'end']), seconds: z.number().int().min(1).max(604_800).optional(), rooms: roomsField })
  .strict()
  .refine((b) => b.op !== 'extend' || b.seconds !== undefined, { message: 'extend needs seconds (1 … 604800)', path: ['seconds'] });
const text = (max: number) => z.union([z.string().trim().min(1).max(max).transform((en) => ({ en })), textSchema]);
export const injectBody = z
  .object({
    event: z.string().min(1).max(64).optional(),
    custom: z.object({ headline: text(200), text: text(2000), effects: z.unknown() }).strict().optional(),
    rooms: roomsField,
  })
  .strict();
export const broadcastBody = z.object({ text: z.string().max(20_000), name: z.string().trim().min(1).max(40).default('Facilitator'), rooms: roomsField }).strict();
export const seatBody = z
  .object({ seat: z.enum(PLAYING_SEATS), controller: z.enum(['human', 'bot']), strategy: z.string().min(1).max(64).optional(), rooms: roomsField })
  .strict();

/** The session's rooms a request names (`rooms` absent or null: all); an unknown id is a 400. */
export function pickRooms(deps: SessionDeps, session: SessionRow, ids: string[] | null | undefined): SessionRoom[] {
  const all = deps.sessions.rooms(session.id);
  if (!ids) return all;
  const unknown = ids.filter((id) => !all.some((r) => r.matchId === id));
  if (unknown.length) throw new HttpError(400, 'bad request', unknown.map((id) => `rooms: no room "${id}" in this session`));
  return all.filter((r) => ids.includes(r.matchId));
}

/** Check a custom event's effects against the engine's schema and the scenario's regions, suppliers and mediators. */
export function checkInject(scenario: Scenario, raw: unknown): { action: Record<string, unknown> } {
  const parsed = injectBody.safeParse(raw);
  if (!parsed.success) throw new HttpError(400, 'bad event', issuesOf(parsed.error.issues));
  const { event, custom } = parsed.data;
  if ((event === undefined) === (custom === undefined)) throw new HttpError(400, 'bad event', ['(body): give either event (an id from the deck) or custom {headline, text, effects}']);
  if (event !== undefined) {
    if (!scenario.events.some((e) => e.id === event)) throw new HttpError(400, 'bad event', [`event: no event "${event}" in the deck of "${scenario.id}"`]);
    return { action: { type: 'injectEvent', event } };
  }
  const action = { type: 'injectEvent', custom: { headline: custom!.headline, text: custom!.text, effects: custom!.effects } };
  const checked = injectEventAction.safeParse(action);
  if (!checked.success) throw new HttpError(400, 'bad event', issuesOf(checked.error.issues));
  const issues = effectProblems(scenario, checked.data.custom!.effects, 'custom.effects');
  if (issues.length) throw new HttpError(400, 'bad event', issues);
  return { action: checked.data };
}

function effectProblems(s: Scenario, e: Effects, path: string): string[] {
  const issues: string[] = [];
  const regions = new Set(s.regions.map((r) => r.id));
  (e.transfer ?? []).forEach((t, i) => regions.has(t.region) || issues.push(`${path}.transfer.${i}.region: unknown region "${t.region}"`));
  for (const k of ['tension', 'peacekeepers', 'monitors', 'displaced'] as const) {
    for (const r of Object.keys(e[k] ?? {})) if (!regions.has(r)) issues.push(`${path}.${k}.${r}: unknown region "${r}"`);
  }
  if (e.embargo && !s.procurement.some((p) => p.supplier === e.embargo!.supplier)) issues.push(`${path}.embargo.supplier: unknown supplier "${e.embargo.supplier}"`);
  for (const m of Object.keys(e.prestige ?? {})) if (!s.mediators.includes(m as never)) issues.push(`${path}.prestige.${m}: mediator not in this scenario`);
  return issues;
}

export function checkSeatChange(scenario: Scenario, seat: PlayingSeat, strategy: string | undefined): void {
  if (!playingSeats(scenario).includes(seat)) throw new HttpError(400, 'bad request', [`seat: "${seat}" is not a seat in scenario "${scenario.id}"`]);
  if (strategy && !strategiesFor(seat).includes(strategy)) throw new HttpError(400, 'bad request', [`strategy: unknown strategy "${strategy}"; choose from ${strategiesFor(seat).join(', ')}`]);
}

/**
 * A clock operation within the session's limits; writes the log. Does not publish: the caller
 * commits the room when it returns null.
 */
export function limitedControl(sessions: SessionStore, session: SessionRow, room: SessionRoom, play: MatchPlay, op: ControlOp, seconds: number | undefined, via: 'console' | 'room'): Refusal | null {
  let refused: Refusal | null = null;
  if (!play.ended && (op === 'pause' || op === 'extend')) {
    const used = sessions.usage(session.id).get(room.matchId) ?? { pauses: 0, extensionSeconds: 0 };
    const { maxPauses, maxExtensionSeconds } = session.limits;
    if (op === 'pause' && !play.clock.paused && used.pauses >= maxPauses) {
      refused = { code: 'limit_reached', reason: `${room.label} has used its ${used.pauses} pause${used.pauses === 1 ? '' : 's'} (limit ${maxPauses})` };
    } else if (op === 'extend' && seconds !== undefined && used.extensionSeconds + seconds > maxExtensionSeconds) {
      refused = {
        code: 'limit_reached',
        reason: `extending ${room.label} by ${seconds} s would pass its limit: ${used.extensionSeconds} of ${maxExtensionSeconds} s of extensions used`,
      };
    }
  }
  refused ??= play.control(op, seconds);
  sessions.log({
    sessionId: session.id,
    matchId: room.matchId,
    at: Date.now(),
    op,
    detail: { ...(seconds !== undefined ? { seconds } : {}), via, round: play.match.round, phase: play.match.phase },
    ok: !refused,
    ...(refused ? { reason: refused.reason } : {}),
    amount: op === 'extend' && !refused ? seconds : 0,
  });
  return refused;
}

/** Run `f` on each room (started on demand); an ended match refuses without being started. */
export async function eachRoom(deps: SessionDeps, rooms: SessionRoom[], f: (room: SessionRoom, live: LiveRoom) => Refusal | null): Promise<RoomOutcome[]> {
  const out: RoomOutcome[] = [];
  for (const room of rooms) {
    const row = deps.store.findByCode(room.code);
    if (!row || row.ended) {
      out.push({ matchId: room.matchId, ok: false, code: 'match_over', reason: `${room.label} has ended` });
      continue;
    }
    await deps.ensureRoom(room.matchId);
    const live = liveRoom(room.matchId);
    if (!live) {
      out.push({ matchId: room.matchId, ok: false, code: 'unavailable', reason: `${room.label} is not running on this server` });
      continue;
    }
    const r = f(room, live);
    out.push(r ? { matchId: room.matchId, ok: false, code: r.code, reason: r.reason } : { matchId: room.matchId, ok: true });
  }
  return out;
}

export function control(deps: SessionDeps, session: SessionRow, rooms: SessionRoom[], op: ControlOp, seconds?: number): Promise<RoomOutcome[]> {
  return eachRoom(deps, rooms, (room, live) => {
    const r = limitedControl(deps.sessions, session, room, live.play, op, seconds, 'console');
    if (!r) live.commit();
    return r;
  });
}

/** Apply a facilitator action (injectEvent, setSeat) in each room and log it. */
export function act(deps: SessionDeps, session: SessionRow, rooms: SessionRoom[], op: string, action: Record<string, unknown>, detail: Record<string, unknown>): Promise<RoomOutcome[]> {
  return eachRoom(deps, rooms, (room, live) => {
    const where = { round: live.play.match.round, phase: live.play.match.phase };
    const r = live.play.act('facilitator', action);
    deps.sessions.log({ sessionId: session.id, matchId: room.matchId, at: Date.now(), op, detail: { ...detail, ...where }, ok: !r, ...(r ? { reason: r.reason } : {}) });
    if (r) return r;
    // A seat given back to humans: a bot covers it until one joins, after the grace time.
    if (action.type === 'setSeat' && action.controller === 'human') live.roster.seatEmptied(action.seat as PlayingSeat);
    live.commit();
    return null;
  });
}

/** A message on each room's table from the facilitator. */
export function broadcast(deps: SessionDeps, session: SessionRow, rooms: SessionRoom[], name: string, raw: string): Promise<RoomOutcome[]> {
  return eachRoom(deps, rooms, (room, live) => {
    const checked = checkChat(live.play.match.scenario, 'facilitator', TABLE, raw);
    const refused = 'code' in checked ? { code: checked.code, reason: checked.reason } : null;
    deps.sessions.log({ sessionId: session.id, matchId: room.matchId, at: Date.now(), op: 'broadcast', detail: { name, text: raw.slice(0, 2000), round: live.play.match.round, phase: live.play.match.phase }, ok: !refused, ...(refused ? { reason: refused.reason } : {}) });
    if (refused) return refused;
    deliverChat(live, live.chat.append(TABLE, 'facilitator', name, (checked as { text: string }).text));
    return null;
  });
}

/**
 * For the room: the clock rules of the session a match belongs to (limits, log), applied to the
 * in-room `control` message too; null for a match outside any session.
 */
export function sessionControlGuard(sessions: SessionStore) {
  return (matchId: string) => {
    const room = sessions.roomOf(matchId);
    if (!room) return null;
    return (play: MatchPlay, op: ControlOp, seconds?: number): Refusal | null => {
      const session = sessions.readSession(room.sessionId);
      return session ? limitedControl(sessions, session, room, play, op, seconds, 'room') : play.control(op, seconds);
    };
  };
}
