// The facilitator's console on a session's rooms: the clock (within the session's limits), injected
// events, table broadcasts and seat swaps. Each operation is a call into the running room
// (match/calls.ts), which checks it as it checks its own messages, so the players see it at once.
// Each is written to the facilitator log, refused ones with their reason.
import { strategiesFor } from '../../shared/bots/index.js';
import type { ActionOf } from '../../shared/engine/actions.js';
import { injectEventAction } from '../../shared/engine/actions.js';
import { playingSeats } from '../../shared/engine/index.js';
import { injectBody, type ControlOp, type RoomRefusal, type RoomResult } from '../../shared/protocol/index.js';
import type { Effects, PlayingSeat, Scenario } from '../../shared/scenario/schema.js';
import { callRoom, type ConsoleAnswer, type FacilitatorAction } from '../match/calls.js';
import { checkChat, TABLE } from '../match/chat.js';
import type { MatchPlay } from '../match/play.js';
import type { ControlGuard } from '../match/room.js';
import { accept, badRequest, issuesOf, refuse, type Result } from '../refusal.js';
import type { NewLogEntry, SessionRoom, SessionRow, SessionStore, Usage } from '../store/sessionStore.js';
import type { SessionDeps } from './sessions.js';

/** The session's rooms a request names (`ids` absent or null: all). */
export async function pickRooms(sessions: SessionStore, session: SessionRow, ids: string[] | null | undefined): Promise<Result<SessionRoom[], 'bad_request'>> {
  const all = await sessions.rooms(session.id);
  if (!ids) return accept(all);
  const unknown = ids.filter((id) => !all.some((r) => r.matchId === id));
  if (unknown.length) return badRequest(unknown.map((id) => `rooms: no room "${id}" in this session`));
  return accept(all.filter((r) => ids.includes(r.matchId)));
}

/** An inject request checked: a deck event, or a custom one against the engine's schema and the scenario's regions, suppliers and mediators. */
export function checkInject(scenario: Scenario, raw: unknown): Result<{ action: ActionOf<'injectEvent'>; rooms: string[] | null | undefined }, 'bad_event'> {
  const badEvent = (issues: string[]) => refuse('bad_event', 'bad event', issues);
  const parsed = injectBody.safeParse(raw);
  if (!parsed.success) return badEvent(issuesOf(parsed.error.issues));
  const { event, custom, rooms } = parsed.data;
  if ((event === undefined) === (custom === undefined)) return badEvent(['(body): give either event (an id from the deck) or custom {headline, text, effects}']);
  if (event !== undefined) {
    if (!scenario.events.some((e) => e.id === event)) return badEvent([`event: no event "${event}" in the deck of "${scenario.id}"`]);
    return accept({ action: { type: 'injectEvent', event }, rooms });
  }
  const checked = injectEventAction.safeParse({ type: 'injectEvent', custom: { headline: custom!.headline, text: custom!.text, effects: custom!.effects } });
  if (!checked.success) return badEvent(issuesOf(checked.error.issues));
  const issues = effectProblems(scenario, checked.data.custom!.effects, 'custom.effects');
  return issues.length ? badEvent(issues) : accept({ action: checked.data, rooms });
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

/** A seat swap checked against the scenario: its seats, known strategies. */
export function seatAction(scenario: Scenario, seat: PlayingSeat, controller: 'human' | 'bot', strategy: string | undefined): Result<ActionOf<'setSeat'>, 'bad_request'> {
  if (!playingSeats(scenario).includes(seat)) return badRequest([`seat: "${seat}" is not a seat in scenario "${scenario.id}"`]);
  if (strategy && !strategiesFor(seat).includes(strategy)) return badRequest([`strategy: unknown strategy "${strategy}"; choose from ${strategiesFor(seat).join(', ')}`]);
  return accept({ type: 'setSeat', seat, controller, ...(strategy ? { strategy } : {}) });
}

/** A broadcast's text, checked as the table's chat is. */
export function broadcastText(scenario: Scenario, text: string): Result<string, 'bad_request'> {
  const checked = checkChat(scenario, 'facilitator', TABLE, text);
  return 'code' in checked ? badRequest([`text: ${checked.reason}`]) : accept(checked.text);
}

/**
 * A clock operation within the session's limits, with its line for the facilitator's log (the
 * room writes it with the change). Does not publish: the room commits when it is not refused.
 */
function limitedControl(session: SessionRow, room: SessionRoom, used: Usage, play: MatchPlay, op: ControlOp, seconds: number | undefined, via: 'console' | 'room'): { refused: RoomRefusal | null; line: NewLogEntry } {
  let refused: RoomRefusal | null = null;
  if (!play.ended && (op === 'pause' || op === 'extend')) {
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
  const line: NewLogEntry = {
    sessionId: session.id,
    matchId: room.matchId,
    at: Date.now(),
    op,
    detail: { ...(seconds !== undefined ? { seconds } : {}), via, round: play.match.round, phase: play.match.phase },
    ok: !refused,
    ...(refused ? { reason: refused.reason } : {}),
    amount: op === 'extend' && !refused ? seconds : 0,
  };
  return { refused, line };
}

/**
 * For the room: the clock rules of the session a match belongs to (limits, log), applied to the
 * in-room `control` message and the console alike; null for a match outside any session. Every
 * pause and extension of a match goes through its room, so the room keeps the count from the log.
 */
export function sessionControlGuard(sessions: SessionStore) {
  return async (matchId: string): Promise<ControlGuard | null> => {
    const room = await sessions.roomOf(matchId);
    const session = room ? await sessions.readSession(room.sessionId) : null;
    if (!room || !session) return null;
    const used = (await sessions.usage(session.id)).get(matchId) ?? { pauses: 0, extensionSeconds: 0 };
    return {
      control: (play, op, seconds, via) => limitedControl(session, room, used, play, op, seconds, via),
      written(line) {
        if (!line.ok) return;
        if (line.op === 'pause') used.pauses++;
        if (line.op === 'extend') used.extensionSeconds += line.amount ?? 0;
      },
    };
  };
}

/**
 * Ask each room in turn (started on demand); an ended match refuses without being started, and
 * one room refusing does not stop the others. `logged` writes an answered operation to the log.
 */
async function eachRoom(deps: SessionDeps, rooms: SessionRoom[], ask: (room: SessionRoom) => Promise<ConsoleAnswer>, logged?: (room: SessionRoom, a: ConsoleAnswer) => Promise<unknown>): Promise<RoomResult[]> {
  const out: RoomResult[] = [];
  for (const room of rooms) {
    const row = await deps.store.findByCode(room.code);
    if (!row || row.ended) {
      out.push({ matchId: room.matchId, ok: false, code: 'match_over', reason: `${room.label} has ended` });
      continue;
    }
    await deps.ensureRoom(room.matchId);
    let answer: ConsoleAnswer;
    try {
      answer = await ask(room);
    } catch (e) {
      console.error(`[console ${room.matchId}]`, e);
      out.push({ matchId: room.matchId, ok: false, code: 'unavailable', reason: `${room.label} could not be reached` });
      continue;
    }
    await logged?.(room, answer);
    const r = answer.refused;
    out.push(r ? { matchId: room.matchId, ok: false, code: r.code, reason: r.reason } : { matchId: room.matchId, ok: true });
  }
  return out;
}

/** A clock operation in each room (the room's guard applies the limits and writes the log). */
export function control(deps: SessionDeps, rooms: SessionRoom[], op: ControlOp, seconds?: number): Promise<RoomResult[]> {
  return eachRoom(deps, rooms, (room) => callRoom(room.matchId, 'consoleControl', { op, ...(seconds !== undefined ? { seconds } : {}) }));
}

/** A facilitator action (injectEvent, setSeat) in each room, logged as `op` with `detail`. */
export function act(deps: SessionDeps, session: SessionRow, rooms: SessionRoom[], op: 'inject' | 'seat', action: FacilitatorAction, detail: Record<string, unknown>): Promise<RoomResult[]> {
  return eachRoom(
    deps,
    rooms,
    (room) => callRoom(room.matchId, 'consoleAct', action),
    (room, a) => deps.sessions.log({ sessionId: session.id, matchId: room.matchId, at: Date.now(), op, detail: { ...detail, round: a.round, phase: a.phase }, ok: !a.refused, ...(a.refused ? { reason: a.refused.reason } : {}) }),
  );
}

/** A message on each room's table from the facilitator. */
export function broadcast(deps: SessionDeps, session: SessionRow, rooms: SessionRoom[], name: string, text: string): Promise<RoomResult[]> {
  return eachRoom(
    deps,
    rooms,
    (room) => callRoom(room.matchId, 'consoleBroadcast', name, text),
    (room, a) =>
      deps.sessions.log({
        sessionId: session.id,
        matchId: room.matchId,
        at: Date.now(),
        op: 'broadcast',
        detail: { name, text: text.slice(0, 2000), round: a.round, phase: a.phase },
        ok: !a.refused,
        ...(a.refused ? { reason: a.refused.reason } : {}),
      }),
  );
}
