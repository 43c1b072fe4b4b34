// The one way into a running match room from outside it (the facilitator's console, the overview,
// the HTTP API): Colyseus's matchMaker.remoteRoomCall. It calls a room of this process directly and,
// under Colyseus's Redis presence, a room of another process; so what goes in and out is plain data.
// The room's methods below run through the same checks as its messages.
import { ErrorCode, matchMaker, ServerError } from '@colyseus/core';
import type { ActionOf } from '../../shared/engine/actions.js';
import type { ControlOp, RoomLine, RoomOutcome, RoomRefusal, SeatControllers } from '../../shared/protocol/index.js';
import type { Phase, PlayingSeat } from '../../shared/scenario/schema.js';

/** What the facilitator's console may do in a room besides the clock. */
export type FacilitatorAction = ActionOf<'injectEvent'> | ActionOf<'setSeat'>;

/** A console operation's answer: its refusal, if any, and where the match stood when it was asked. */
export interface ConsoleAnswer {
  refused: RoomRefusal | null;
  round: number;
  phase: Phase;
}

/**
 * The public methods of a match room (server/match/room.ts). Arguments travel as JSON (an
 * `undefined` argument would arrive as null), so optional ones are fields of an object.
 */
export interface MatchRoomCalls {
  /** A clock operation from the console, within the class session's limits (logged as `via: 'console'`). */
  consoleControl(c: { op: ControlOp; seconds?: number }): ConsoleAnswer;
  /** An injected event or a seat swap, as the facilitator's `action` message. */
  consoleAct(action: FacilitatorAction): ConsoleAnswer;
  /** A message on the table from the facilitator, as a `chat` message. */
  consoleBroadcast(name: string, text: string): ConsoleAnswer;
  /** The room's line in the session overview. */
  overviewLine(): RoomLine;
  /** Who plays each seat now (a facilitator may have swapped one). */
  seatControllers(): SeatControllers;
  /** How the match stands, for the class debrief. */
  outcome(): RoomOutcome;
  /** The facilitator removes the participants of a seat with this name: how many left. */
  removeParticipants(seat: PlayingSeat, name: string): number;
  /** A seat's renewed key (its hash, already stored) replaces the old one. */
  setSeatKey(seat: PlayingSeat, stored: { v: number; hash: string }): true;
}

/** Call a room that runs (see `startRoom`); throws when it cannot be reached. */
export async function callRoom<M extends keyof MatchRoomCalls>(matchId: string, method: M, ...args: Parameters<MatchRoomCalls[M]>): Promise<ReturnType<MatchRoomCalls[M]>> {
  return (await matchMaker.remoteRoomCall<MatchRoomCalls, M>(matchId, method, args)) as ReturnType<MatchRoomCalls[M]>;
}

/** Call a match's room if it runs; null when it does not (or went away meanwhile). */
export async function callIfRunning<M extends keyof MatchRoomCalls>(matchId: string, method: M, ...args: Parameters<MatchRoomCalls[M]>): Promise<ReturnType<MatchRoomCalls[M]> | null> {
  if (!(await matchMaker.getRoomById(matchId))) return null;
  try {
    return await callRoom(matchId, method, ...args);
  } catch (e) {
    // A room that was put away between the lookup and the call does not answer.
    if (e instanceof ServerError && e.code === ErrorCode.MATCHMAKE_UNHANDLED) return null;
    throw e;
  }
}

/**
 * Starts a match's room (restored from the store) unless it runs. Two requests at once start it
 * once. One per server.
 */
export function roomStarter(): (matchId: string) => Promise<void> {
  const starting = new Map<string, Promise<unknown>>();
  return async (matchId) => {
    if (await matchMaker.getRoomById(matchId)) return;
    let p = starting.get(matchId);
    if (!p) {
      p = matchMaker.createRoom('match', { matchId }).finally(() => starting.delete(matchId));
      starting.set(matchId, p);
    }
    await p;
  };
}
