// The live overview of a session: one line per room, cheap enough to poll every 2 s. A running
// room tells its line itself (match/calls.ts); a room not running is told from its stored row and
// a replay (cached while its log does not grow); a damaged record says so (`damaged`).
import type { Match } from '../../shared/engine/index.js';
import type { ClockRecord, Overview, RoomLine } from '../../shared/protocol/index.js';
import { callIfRunning } from '../match/calls.js';
import { matchFacts, seatLines } from '../match/facts.js';
import { damageReport, replayRecord } from '../match/record.js';
import type { SessionRoom, SessionRow } from '../store/sessionStore.js';
import { roomRef, type SessionDeps } from './sessions.js';

/** Replays of rooms that are not running, by match id, with the log length they were made at. */
export type ReplayCache = Map<string, { logLength: number; match: Match; damaged: string | null; forkFrom?: number }>;

function heldRemaining(clock: ClockRecord | null, now: number): number {
  if (!clock) return 0;
  if (clock.paused) return clock.remaining;
  return clock.endsAt > 0 ? Math.max(0, clock.endsAt - now) : clock.remaining;
}

async function storedLine(deps: SessionDeps, room: SessionRoom, cache: ReplayCache, now: number): Promise<RoomLine | null> {
  const row = await deps.store.findByCode(room.code);
  if (!row) return null;
  const length = await deps.sessions.logLength(room.matchId);
  let hit = cache.get(room.matchId);
  if (!hit || hit.logLength !== length) {
    const rec = (await deps.store.readMatch(room.matchId))!;
    const replayed = replayRecord(await deps.library.get(rec.scenario), rec);
    const forkFrom = replayed.reported.at(-1);
    hit = { logLength: rec.log.length, match: replayed.match, damaged: replayed.problem ? damageReport(rec.id, replayed) : null, ...(forkFrom !== undefined ? { forkFrom } : {}) };
    cache.set(room.matchId, hit);
  }
  const m = hit.match;
  const ended = m.ended !== null;
  return {
    live: false,
    ...matchFacts(m),
    remaining: ended ? 0 : heldRemaining(row.clock, now) || (row.clock ? 0 : row.timers[m.phase] * 1000),
    phaseEndsAt: 0,
    paused: !ended && (row.clock?.paused ?? false),
    seats: seatLines(m, new Set()),
    facilitators: 0,
    spectators: 0,
    ...(hit.damaged ? { damaged: hit.damaged, ...(hit.forkFrom !== undefined ? { forkFrom: hit.forkFrom } : {}) } : {}),
  };
}

export async function overview(deps: SessionDeps, session: SessionRow, cache: ReplayCache): Promise<Overview> {
  const now = Date.now();
  const usage = await deps.sessions.usage(session.id);
  const rooms: Overview['rooms'] = [];
  for (const room of await deps.sessions.rooms(session.id)) {
    const live = await callIfRunning(room.matchId, 'overviewLine');
    const line = live ?? (await storedLine(deps, room, cache, now));
    if (!line) continue;
    if (live) cache.delete(room.matchId);
    const used = usage.get(room.matchId) ?? { pauses: 0, extensionSeconds: 0 };
    rooms.push({ ...roomRef(room), ...line, pausesUsed: used.pauses, extensionSecondsUsed: used.extensionSeconds });
  }
  return { sessionId: session.id, at: now, limits: session.limits, rooms };
}
