// The live overview of a session: one line per room, cheap enough to poll every 2 s. A running
// room answers from memory; a room not running from its stored row (and a replay, cached).
import { balanceRatio, gapWords, playingSeats, replay, type Match } from '../shared/engine/index.js';
import type { PlayingSeat } from '../shared/scenario/schema.js';
import { liveRoom, type LiveRoom } from './facilitator.js';
import { roomRef, type SessionDeps } from './sessions.js';
import type { SessionRoom, SessionRow } from './sessionStore.js';
import type { ClockRecord } from './store.js';

interface SeatLive {
  controller: 'human' | 'bot';
  strategy?: string;
  botPlaying: boolean;
  done: boolean;
  occupants: { name: string; connected: boolean }[];
}

/** Replays of rooms that are not running, by match id, with the log length they were made at. */
export type ReplayCache = Map<string, { logLength: number; match: Match }>;

/** Facts computed from the engine's match, the same for a running room and a stored one. */
function matchFacts(m: Match) {
  const ratio = balanceRatio(m.scenario, m.parties, m.turkishBacking);
  return {
    round: m.round,
    rounds: m.scenario.rounds,
    phase: m.phase,
    reported: m.phase === 'report' ? m.round : m.round - 1,
    escalation: m.escalation,
    stability: Math.round(m.stability * 10) / 10,
    balance: { ratio: Math.round(ratio * 1000) / 1000, gap: gapWords(m.scenario, ratio) },
    signed: m.settlement !== null,
    settlement: m.settlement ? { round: m.settlement.round, durability: Math.round(m.settlement.durability * 10) / 10, auspices: m.settlement.auspices } : null,
    ended: m.ended ? { kind: m.ended.kind, round: m.ended.round } : null,
  };
}

function liveLine(live: LiveRoom, now: number) {
  const m = live.play.match;
  const clock = live.play.clock;
  const seats: Partial<Record<PlayingSeat, SeatLive>> = {};
  for (const s of playingSeats(m.scenario)) {
    const st = live.state.seats.get(s);
    const cfg = m.seats[s] ?? { controller: 'bot' as const };
    seats[s] = {
      controller: cfg.controller,
      ...(cfg.strategy ? { strategy: cfg.strategy } : {}),
      botPlaying: cfg.controller === 'bot' || live.roster.vacated.has(s),
      done: m.done.includes(s),
      occupants: st ? [...st.occupants].map((o) => ({ name: o.name, connected: o.connected })) : [],
    };
  }
  const ended = m.ended !== null;
  return {
    live: true,
    ...matchFacts(m),
    remaining: ended ? 0 : clock.remaining(),
    phaseEndsAt: ended || clock.paused ? 0 : clock.endsAt,
    paused: !ended && clock.paused,
    seats,
    facilitators: live.state.facilitators,
    spectators: live.state.spectators,
  };
}

function heldRemaining(clock: ClockRecord | null, now: number): number {
  if (!clock) return 0;
  if (clock.paused) return clock.remaining;
  return clock.endsAt > 0 ? Math.max(0, clock.endsAt - now) : clock.remaining;
}

function storedLine(deps: SessionDeps, room: SessionRoom, cache: ReplayCache, now: number) {
  const row = deps.store.findByCode(room.code);
  if (!row) return null;
  const length = deps.sessions.logLength(room.matchId);
  let hit = cache.get(room.matchId);
  if (!hit || length === null || hit.logLength !== length) {
    const rec = deps.store.readMatch(room.matchId)!;
    hit = { logLength: rec.log.length, match: replay(deps.library.get(rec.scenario), rec.seed, rec.seats, rec.log.map((e) => e.entry)) };
    cache.set(room.matchId, hit);
  }
  const m = hit.match;
  const seats: Partial<Record<PlayingSeat, SeatLive>> = {};
  for (const s of playingSeats(m.scenario)) {
    const cfg = m.seats[s] ?? { controller: 'bot' as const };
    seats[s] = { controller: cfg.controller, ...(cfg.strategy ? { strategy: cfg.strategy } : {}), botPlaying: cfg.controller === 'bot', done: m.done.includes(s), occupants: [] };
  }
  const ended = m.ended !== null;
  return {
    live: false,
    ...matchFacts(m),
    remaining: ended ? 0 : heldRemaining(row.clock, now) || (row.clock ? 0 : row.timers[m.phase] * 1000),
    phaseEndsAt: 0,
    paused: !ended && (row.clock?.paused ?? false),
    seats,
    facilitators: 0,
    spectators: 0,
  };
}

export function overview(deps: SessionDeps, session: SessionRow, cache: ReplayCache) {
  const now = Date.now();
  const usage = deps.sessions.usage(session.id);
  const rooms = [];
  for (const room of deps.sessions.rooms(session.id)) {
    const live = liveRoom(room.matchId);
    const line = live ? liveLine(live, now) : storedLine(deps, room, cache, now);
    if (!line) continue;
    if (live) cache.delete(room.matchId);
    const used = usage.get(room.matchId) ?? { pauses: 0, extensionSeconds: 0 };
    rooms.push({ ...roomRef(room), ...line, pausesUsed: used.pauses, extensionSecondsUsed: used.extensionSeconds });
  }
  return { sessionId: session.id, at: now, limits: session.limits, rooms };
}
