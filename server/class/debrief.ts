// The record of a room or a class, for the debrief and the exports: timelines replayed from the
// store, outcomes side by side, JSON and CSV.
import type { ClassDebrief, CsvKind, FacilitatorLogEntry, RoomExport, RoomOutcome, RoomTimeline, TimelineChannels } from '../../shared/protocol/index.js';
import { callIfRunning } from '../match/calls.js';
import { TABLE } from '../match/chat.js';
import { outcomeOf } from '../match/facts.js';
import { replayRecord } from '../match/record.js';
import type { MatchRecord } from '../store/matchStore.js';
import type { SessionRoom, SessionRow } from '../store/sessionStore.js';
import { DECISIONS_HEADER, decisionRows, METERS_HEADER, metersRows, toCsv } from './csv.js';
import { roomRef, type SessionDeps } from './sessions.js';
import { walk } from './timeline.js';

export function debriefReader(deps: SessionDeps) {
  const { store, sessions, library } = deps;

  /** A fork's copied log keeps its origin's times. */
  const forkTimes = async (room: SessionRoom | null): Promise<number[]> => {
    if (!room?.forkOf) return [];
    const origin = await store.readMatch(room.forkOf.matchId);
    return origin ? origin.log.slice(0, room.forkOf.logLength).map((e) => e.at) : [];
  };

  /** The session's rooms with their records (a room whose record is missing is left out). */
  const roomRecords = async (session: SessionRow): Promise<{ room: SessionRoom; rec: MatchRecord }[]> => {
    const out: { room: SessionRoom; rec: MatchRecord }[] = [];
    for (const room of await sessions.rooms(session.id)) {
      const rec = await store.readMatch(room.matchId);
      if (rec) out.push({ room, rec });
    }
    return out;
  };

  /** How a match stands: told by its running room, else replayed from the record. */
  const outcome = async (rec: MatchRecord): Promise<RoomOutcome> =>
    (await callIfRunning(rec.id, 'outcome')) ?? outcomeOf(replayRecord(await library.get(rec.scenario), rec).match);

  async function roomTimeline(rec: MatchRecord, room: SessionRoom | null, flog: FacilitatorLogEntry[], channels: TimelineChannels): Promise<RoomTimeline> {
    const walked = walk(await library.get(rec.scenario), rec, flog, await forkTimes(room));
    const o = outcomeOf(walked.match);
    return {
      matchId: rec.id,
      code: rec.code,
      label: room?.label ?? rec.name,
      scenario: rec.scenario,
      forkOf: room ? roomRef(room).forkOf : null,
      ended: o.ended,
      round: o.round,
      phase: o.phase,
      entries: walked.entries,
      rounds: rec.rounds,
      scores: o.scores,
      provisional: o.provisional,
      ...(channels === 'none' ? {} : { chat: channels === 'all' ? rec.chat : rec.chat.filter((c) => c.channel === TABLE) }),
    };
  }

  async function roomExport(rec: MatchRecord): Promise<RoomExport> {
    const room = await sessions.roomOf(rec.id);
    const session = room ? await sessions.readSession(room.sessionId) : null;
    const flog = session ? await sessions.readLog(session.id, rec.id) : [];
    // The hashes of the token and the seat keys never leave the store.
    const { tokenHash: _t, seatKeys: _k, ...match } = rec;
    return {
      exportedAt: Date.now(),
      match,
      timeline: await roomTimeline(rec, room, flog, 'all'),
      session: session && room ? { sessionId: session.id, name: session.name, label: room.label, forkOf: roomRef(room).forkOf } : null,
      facilitatorLog: flog,
    };
  }

  /** One CSV of the given kind over these rooms' records. */
  async function csvText(kind: CsvKind, rooms: { rec: MatchRecord; room: SessionRoom | null }[]): Promise<string> {
    const rows: ReturnType<typeof metersRows | typeof decisionRows> = [];
    for (const { rec, room } of rooms) {
      const tag = { matchId: rec.id, code: rec.code, label: room?.label ?? rec.name };
      if (kind === 'meters') rows.push(...metersRows(tag, rec.rounds));
      else {
        const flog = room ? await sessions.readLog(room.sessionId, rec.id) : [];
        rows.push(...decisionRows(tag, walk(await library.get(rec.scenario), rec, flog, await forkTimes(room)).entries));
      }
    }
    return toCsv(kind === 'meters' ? METERS_HEADER : DECISIONS_HEADER, rows);
  }

  async function classDebrief(session: SessionRow): Promise<ClassDebrief> {
    const rooms: ClassDebrief['rooms'] = [];
    for (const { room, rec } of await roomRecords(session)) rooms.push({ ...roomRef(room), ...(await outcome(rec)), rounds: rec.rounds });
    return { sessionId: session.id, name: session.name, scenario: session.scenario, rooms, log: await sessions.readLog(session.id) };
  }

  return { roomRecords, roomTimeline, roomExport, csvText, classDebrief };
}
