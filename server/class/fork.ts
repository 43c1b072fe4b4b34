// Rollback and fork: a new room of the same session that starts from a resolved round of another,
// rebuilt by replaying the stored log up to the start of that round's report.
import { applyAction, createMatch, replayLog, type LogEntry, type Match } from '../../shared/engine/index.js';
import { defaultForkLabel, forkBody, type RoomRef, type SeatKeys } from '../../shared/protocol/index.js';
import type { PlayingSeat } from '../../shared/scenario/schema.js';
import { checkSeats, storeNewMatch } from '../match/newMatch.js';
import { accept, badRequest, issuesOf, refuse, type Result } from '../refusal.js';
import type { SessionRoom, SessionRow } from '../store/sessionStore.js';
import { roomRef, type SessionDeps } from './sessions.js';

/** The log prefix that ends on entering `round`'s report, with the match it rebuilds; null when that round was not reported. */
export function cutAtReport(start: Match, log: readonly LogEntry[], round: number): { length: number; match: Match; reported: number[] } {
  const reported: number[] = [];
  let length = -1;
  const match = replayLog(start, log, ({ index, entry, after }) => {
    if (entry.kind !== 'advance' || after.phase !== 'report' || reported.includes(after.round)) return;
    reported.push(after.round);
    if (after.round !== round) return;
    length = index + 1;
    return false;
  });
  return { length, match, reported };
}

/** A fork of `origin`, with its seats' keys; `token` is the session's (checked by the caller): the keys are made from it. */
export function forkRoom(
  deps: SessionDeps,
  session: SessionRow,
  token: string,
  origin: SessionRoom,
  raw: unknown,
): Result<RoomRef & { keys: SeatKeys }, 'bad_request' | 'no_match' | 'no_free_code'> {
  const parsed = forkBody.safeParse(raw);
  if (!parsed.success) return badRequest(issuesOf(parsed.error.issues));
  const { round, seats: seatChoice, label } = parsed.data;
  const rec = deps.store.readMatch(origin.matchId);
  if (!rec) return refuse('no_match', 'no such match');
  const scenario = deps.library.get(rec.scenario);
  const log = rec.log.map((e) => e.entry);
  const cut = cutAtReport(createMatch(scenario, rec.seed, rec.seats), log, round);
  if (cut.length < 0) {
    const done = cut.reported.length ? `rounds resolved so far: ${cut.reported.join(', ')}` : 'no round has been resolved yet';
    return badRequest([`round: round ${round} of ${origin.label} has not been resolved (${done})`]);
  }
  const prefix = log.slice(0, cut.length);
  let m = cut.match;
  if (seatChoice) {
    const checked = checkSeats(scenario, seatChoice, 'seats');
    if (!checked.ok) return checked;
    // Only the seats named change, through the engine's setSeat, so the fork's log replays them.
    for (const [seat, cfg] of Object.entries(checked.value)) {
      if (!(seat in seatChoice)) continue;
      const action = { type: 'setSeat' as const, seat: seat as PlayingSeat, controller: cfg!.controller, ...(cfg!.strategy ? { strategy: cfg!.strategy } : {}) };
      const r = applyAction(m, 'facilitator', action);
      if (!r.ok) return badRequest([`seats.${seat}: ${r.reason}`]);
      m = r.match;
      prefix.push({ kind: 'action', seat: 'facilitator', action });
    }
  }

  const position = Math.max(...deps.sessions.rooms(session.id).map((r) => r.position)) + 1;
  const forkLabel = label ?? defaultForkLabel(origin.label, round);
  const made = storeNewMatch(deps.store, token, { scenario: rec.scenario, name: `${session.name} · ${forkLabel}`.slice(0, 120), seed: rec.seed, seats: rec.seats, timers: rec.timers, open: false });
  if (!made.ok) return made;
  const { matchId, code, seatKeys } = made.value;
  deps.store.appendProgress(matchId, { log: prefix, logFrom: 0, events: m.events, eventsFrom: 0, rounds: m.history, round: m.round, phase: m.phase, ended: null, clock: null });
  const room: SessionRoom = { sessionId: session.id, matchId, code, position, label: forkLabel, forkOf: { matchId: origin.matchId, round, logLength: cut.length }, createdAt: Date.now() };
  deps.sessions.addRoom(room);
  const now = Date.now();
  deps.sessions.log({ sessionId: session.id, matchId: origin.matchId, at: now, op: 'fork', detail: { round, phase: 'report', fork: matchId, code, label: forkLabel }, ok: true });
  deps.sessions.log({ sessionId: session.id, matchId, at: now, op: 'forked', detail: { round, phase: 'report', from: origin.matchId, label: origin.label }, ok: true });
  return accept({ ...roomRef(room), keys: seatKeys });
}
