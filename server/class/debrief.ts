// The record of a room or a class, for the debrief and the exports: timelines replayed from the
// store, outcomes side by side, JSON and CSV.
import { replay } from '../../shared/engine/index.js';
import type { ClassDebrief, CsvKind, FacilitatorLogEntry, RoomExport, RoomOutcome, RoomTimeline, TimelineChannels } from '../../shared/protocol/index.js';
import { callIfRunning } from '../match/calls.js';
import { TABLE } from '../match/chat.js';
import { outcomeOf } from '../match/facts.js';
import type { MatchRecord } from '../store/matchStore.js';
import type { SessionRoom, SessionRow } from '../store/sessionStore.js';
import { DECISIONS_HEADER, decisionRows, METERS_HEADER, metersRows, toCsv } from './csv.js';
import { roomRef, type SessionDeps } from './sessions.js';
import { walk } from './timeline.js';

export function debriefReader(deps: SessionDeps) {
  const { store, sessions, library } = deps;

  /** A fork's copied log keeps its origin's times. */
  const forkTimes = (room: SessionRoom | null): number[] => {
    if (!room?.forkOf) return [];
    const origin = store.readMatch(room.forkOf.matchId);
    return origin ? origin.log.slice(0, room.forkOf.logLength).map((e) => e.at) : [];
  };

  /** The session's rooms with their records (a room whose record is missing is left out). */
  const roomRecords = (session: SessionRow): { room: SessionRoom; rec: MatchRecord }[] =>
    sessions.rooms(session.id).flatMap((room) => {
      const rec = store.readMatch(room.matchId);
      return rec ? [{ room, rec }] : [];
    });

  /** How a match stands: told by its running room, else replayed from the record. */
  const outcome = async (rec: MatchRecord): Promise<RoomOutcome> =>
    (await callIfRunning(rec.id, 'outcome')) ?? outcomeOf(replay(library.get(rec.scenario), rec.seed, rec.seats, rec.log.map((e) => e.entry)));

  function roomTimeline(rec: MatchRecord, room: SessionRoom | null, flog: FacilitatorLogEntry[], channels: TimelineChannels): RoomTimeline {
    const walked = walk(library.get(rec.scenario), rec, flog, forkTimes(room));
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

  function roomExport(rec: MatchRecord): RoomExport {
    const room = sessions.roomOf(rec.id);
    const session = room ? sessions.readSession(room.sessionId) : null;
    const flog = session ? sessions.readLog(session.id, rec.id) : [];
    // The hashes of the token and the seat keys never leave the store.
    const { tokenHash: _t, seatKeys: _k, ...match } = rec;
    return {
      exportedAt: Date.now(),
      match,
      timeline: roomTimeline(rec, room, flog, 'all'),
      session: session && room ? { sessionId: session.id, name: session.name, label: room.label, forkOf: roomRef(room).forkOf } : null,
      facilitatorLog: flog,
    };
  }

  /** One CSV of the given kind over these rooms' records. */
  function csvText(kind: CsvKind, rooms: { rec: MatchRecord; room: SessionRoom | null }[]): string {
    const rows = rooms.flatMap(({ rec, room }) => {
      const tag = { matchId: rec.id, code: rec.code, label: room?.label ?? rec.name };
      if (kind === 'meters') return metersRows(tag, rec.rounds);
      const flog = room ? sessions.readLog(room.sessionId, rec.id) : [];
      return decisionRows(tag, walk(library.get(rec.scenario), rec, flog, forkTimes(room)).entries);
    });
    return toCsv(kind === 'meters' ? METERS_HEADER : DECISIONS_HEADER, rows);
  }

  async function classDebrief(session: SessionRow): Promise<ClassDebrief> {
    const rooms: ClassDebrief['rooms'] = [];
    for (const { room, rec } of roomRecords(session)) rooms.push({ ...roomRef(room), ...(await outcome(rec)), rounds: rec.rounds });
    return { sessionId: session.id, name: session.name, scenario: session.scenario, rooms, log: sessions.readLog(session.id) };
  }

  return { roomRecords, roomTimeline, roomExport, csvText, classDebrief };
}
