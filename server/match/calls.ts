// The one way into a running match room from outside it (the facilitator's console, the overview,
// the HTTP API): Colyseus's matchMaker.remoteRoomCall. It calls a room of this process directly and,
// under Colyseus's Redis presence, a room of another process; so what goes in and out is plain data.
// The room's methods below run through the same checks as its messages.
import { ErrorCode, LocalDriver, matchMaker, ServerError } from '@colyseus/core';
import type { ActionOf } from '../../shared/engine/actions.js';
import type { ControlOp, RoomLine, RoomOutcome, RoomRefusal, SeatControllers } from '../../shared/protocol/index.js';
import type { Phase, PlayingSeat } from '../../shared/scenario/schema.js';
import { asDamaged } from './record.js';

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
  /** A clock operation from the console, within the class session's limits (logged as `via: 'console'`); answered once stored. */
  consoleControl(c: { op: ControlOp; seconds?: number }): Promise<ConsoleAnswer>;
  /** An injected event or a seat swap, as the facilitator's `action` message; answered once stored. */
  consoleAct(action: FacilitatorAction): Promise<ConsoleAnswer>;
  /** A message on the table from the facilitator, as a `chat` message; answered once stored. */
  consoleBroadcast(name: string, text: string): Promise<ConsoleAnswer>;
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

/**
 * How long a call waits for a room of another process: a console operation is answered once the
 * store kept it, and the store tries a failing write again for a few seconds first.
 */
const CALL_TIMEOUT_MS = 10_000;

/** Call a room that runs (see `roomStarter`); throws when it cannot be reached. */
export async function callRoom<M extends keyof MatchRoomCalls>(matchId: string, method: M, ...args: Parameters<MatchRoomCalls[M]>): Promise<Awaited<ReturnType<MatchRoomCalls[M]>>> {
  return (await matchMaker.remoteRoomCall<MatchRoomCalls, M>(matchId, method, args, CALL_TIMEOUT_MS)) as Awaited<ReturnType<MatchRoomCalls[M]>>;
}

/** Call a match's room if it runs; null when it does not (or went away meanwhile). */
export async function callIfRunning<M extends keyof MatchRoomCalls>(matchId: string, method: M, ...args: Parameters<MatchRoomCalls[M]>): Promise<Awaited<ReturnType<MatchRoomCalls[M]>> | null> {
  if (!(await matchMaker.getRoomById(matchId))) return null;
  try {
    return await callRoom(matchId, method, ...args);
  } catch (e) {
    // A room that was put away between the lookup and the call does not answer.
    if (e instanceof ServerError && e.code === ErrorCode.MATCHMAKE_UNHANDLED) return null;
    throw e;
  }
}

/** Whether a match's room runs on a live process (this one, or another that answers Colyseus's health check). */
export async function runsSomewhere(matchId: string): Promise<boolean> {
  if (matchMaker.getLocalRoomById(matchId)) return true;
  // One process (Colyseus's local driver): not here is nowhere, without the driver's scan of every room.
  if (matchMaker.driver instanceof LocalDriver) return false;
  const listing = await matchMaker.getRoomById(matchId);
  if (!listing) return false;
  if (listing.processId === matchMaker.processId) return true;
  // A process killed without warning leaves its rooms listed: the health check removes them.
  return (await matchMaker.healthCheckProcessId(listing.processId)) === true;
}

/**
 * Starts a match's room (restored from the store) unless it runs, on this process: the one the
 * request (or the waker) reached. Across processes the match's lease (store/leases.ts) lets one
 * room only start; two requests at once on one process start it once. One per server.
 * A damaged record is thrown as a Trouble that says so (record.ts).
 */
export function roomStarter(): (matchId: string) => Promise<void> {
  const starting = new Map<string, Promise<unknown>>();
  return async (matchId) => {
    if (await runsSomewhere(matchId)) return;
    let p = starting.get(matchId);
    if (!p) {
      p = matchMaker.handleCreateRoom('match', { matchId }).finally(() => starting.delete(matchId));
      starting.set(matchId, p);
    }
    try {
      await p;
    } catch (e) {
      // Another process's room may have taken the match meanwhile: then it runs.
      if (await runsSomewhere(matchId)) return;
      throw asDamaged(e);
    }
  };
}
