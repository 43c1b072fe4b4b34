// Telling the store and the clients: what changed is appended to the store, the public facts are
// projected into the synced state, and each seat's private view is sent to that seat's clients.
import type { Client } from '@colyseus/core';
import { viewFor, type Match, type Seat } from '../shared/engine/index.js';
import type { PlayingSeat } from '../shared/scenario/schema.js';
import type { PhaseClock } from './phaseClock.js';
import type { Roster } from './seats.js';
import type { MatchState } from './state.js';
import type { MatchStore } from './store.js';

/** Appends a match's progress to the store, remembering how much was written. */
export class ProgressWriter {
  private saved: { log: number; events: number; rounds: number };

  constructor(
    private store: MatchStore,
    private matchId: string,
    stored: { log: number; events: number; rounds: number },
  ) {
    this.saved = { ...stored };
  }

  write(m: Match, clock: PhaseClock): void {
    this.store.appendProgress(this.matchId, {
      log: m.log.slice(this.saved.log),
      logFrom: this.saved.log,
      events: m.events.slice(this.saved.events),
      eventsFrom: this.saved.events,
      // The last snapshot may be rewritten when the match ends in the same round.
      rounds: m.history.slice(Math.max(0, this.saved.rounds - 1)),
      round: m.round,
      phase: m.phase,
      ended: m.ended?.kind ?? null,
      clock: m.ended ? { paused: false, endsAt: 0, remaining: 0 } : clock.record(),
    });
    this.saved = { log: m.log.length, events: m.events.length, rounds: m.history.length };
  }
}

/** The public projection of the match into the synced schema state. */
export function projectState(s: MatchState, m: Match, clock: PhaseClock, roster: Roster): void {
  s.round = m.round;
  s.phase = m.phase;
  s.escalation = m.escalation;
  s.stability = m.stability;
  s.ended = m.ended?.kind ?? '';
  s.paused = clock.paused;
  s.phaseEndsAt = m.ended ? 0 : clock.endsAt;
  s.pausedRemaining = clock.paused ? clock.remaining() : 0;
  for (const [seat, st] of s.seats) {
    const p = seat as PlayingSeat;
    st.controller = m.seats[p]?.controller ?? 'bot';
    st.botPlaying = st.controller === 'bot' || roster.vacated.has(p);
    st.done = m.done.includes(p);
  }
  const { facilitators, spectators } = roster.watchers();
  s.facilitators = facilitators;
  s.spectators = spectators;
}

/** Send every client its seat's view (computed once per seat). */
export function sendViews(clients: Iterable<Client>, roster: Roster, m: Match): void {
  const views = new Map<Seat, unknown>();
  for (const c of clients) {
    const member = roster.get(c.sessionId);
    if (!member) continue;
    if (!views.has(member.seat)) views.set(member.seat, viewFor(m, member.seat));
    c.send('view', views.get(member.seat));
  }
}

/** Send one client its seat's view, as after a join, a return or a `sync`. */
export function sendView(client: Client, seat: Seat, m: Match): void {
  client.send('view', viewFor(m, seat));
}
