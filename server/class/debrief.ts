// The record of a room or a class, for the debrief and the exports: timelines replayed from the
// store, outcomes side by side, JSON and CSV.
import { replay, type Match } from '../../shared/engine/index.js';
import { TABLE } from '../match/chat.js';
import { DECISIONS_HEADER, decisionRows, METERS_HEADER, metersRows, toCsv, type CsvKind } from './csv.js';
import { liveRoom } from './console.js';
import { HttpError } from '../http/request.js';
import { roomRef, type SessionDeps } from './sessions.js';
import type { LogRow, SessionRoom, SessionRow } from '../store/sessionStore.js';
import type { MatchRecord } from '../store/matchStore.js';
import { outcomeOf, walk } from './timeline.js';

export function debriefReader(deps: SessionDeps) {
  const { store, sessions, library } = deps;

  const record = (matchId: string): MatchRecord => {
    const rec = store.readMatch(matchId);
    if (!rec) throw new HttpError(404, 'no such match');
    return rec;
  };

  /** A fork's copied log keeps its origin's times. */
  const forkTimes = (room: SessionRoom | null): number[] => {
    if (!room?.forkOf) return [];
    const origin = store.readMatch(room.forkOf.matchId);
    return origin ? origin.log.slice(0, room.forkOf.logLength).map((e) => e.at) : [];
  };

  /** The match as it stands: from the running room, else replayed from the record. */
  const currentMatch = (rec: MatchRecord): Match => liveRoom(rec.id)?.play.match ?? replay(library.get(rec.scenario), rec.seed, rec.seats, rec.log.map((e) => e.entry));

  function roomTimeline(rec: MatchRecord, room: SessionRoom | null, flog: LogRow[], channels: 'none' | 'table' | 'all') {
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

  function roomExport(rec: MatchRecord) {
    const room = sessions.roomOf(rec.id);
    const session = room ? sessions.readSession(room.sessionId) : null;
    const flog = session ? sessions.readLog(session.id, rec.id) : [];
    const { tokenHash: _t, ...match } = rec;
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

  function classDebrief(session: SessionRow) {
    const rooms = sessions.rooms(session.id).map((room) => {
      const rec = record(room.matchId);
      return { ...roomRef(room), ...outcomeOf(currentMatch(rec)), rounds: rec.rounds };
    });
    return { sessionId: session.id, name: session.name, scenario: session.scenario, rooms, log: sessions.readLog(session.id) };
  }


  return { record, roomTimeline, roomExport, csvText, classDebrief };
}
