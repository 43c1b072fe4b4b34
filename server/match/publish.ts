// Telling the store and the clients: what changed is appended to the store, the public facts are
// projected into the synced state, and each seat's private view (views.ts) goes to that seat's
// clients — all of it once the store has committed (Outbox).
import { isOpenTo, type Match, type Seat, type SeatView } from '../../shared/engine/index.js';
import { seatBriefs, type ChatMessage } from '../../shared/protocol/index.js';
import type { PlayingSeat } from '../../shared/scenario/schema.js';
import { canRead } from './chat.js';
import type { PhaseClock } from './clock.js';
import type { MatchClient } from './messages.js';
import type { Roster } from './seats.js';
import type { MatchState } from './state.js';
import type { MatchStore } from '../store/matchStore.js';
import type { SeatViews, ViewMessage } from './views.js';

/** Appends a match's progress to the store, remembering how much was written. */
export class ProgressWriter {
  private saved: { log: number; events: number; rounds: number };
  /** The last round snapshot written (the engine rewrites it when the match ends mid-round). */
  private lastRound: unknown = null;
  /** Round, phase, ending and clock as last written: the match's row changes only with them. */
  private standing = '';

  constructor(
    private store: MatchStore,
    private matchId: string,
    stored: { log: number; events: number; rounds: number },
  ) {
    this.saved = { ...stored };
  }

  write(m: Match, clock: PhaseClock): void {
    const from = m.history[this.saved.rounds - 1] === this.lastRound ? this.saved.rounds : Math.max(0, this.saved.rounds - 1);
    const ended = m.ended?.kind ?? null;
    const record = m.ended ? { paused: false, endsAt: 0, remaining: 0 } : clock.record();
    const standing = `${m.round} ${m.phase} ${ended} ${record.paused} ${record.endsAt} ${record.remaining}`;
    this.store.appendProgress(this.matchId, {
      log: m.log.slice(this.saved.log),
      logFrom: this.saved.log,
      events: m.events.slice(this.saved.events),
      eventsFrom: this.saved.events,
      rounds: m.history.slice(from),
      ...(standing !== this.standing ? { round: m.round, phase: m.phase, ended, clock: record } : {}),
    });
    this.standing = standing;
    this.saved = { log: m.log.length, events: m.events.length, rounds: m.history.length };
    this.lastRound = m.history[m.history.length - 1] ?? null;
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

/** Send each client what changed in its seat's view (worked out once per seat). */
export function sendViews(clients: Iterable<MatchClient>, roster: Roster, m: Match, views: SeatViews): void {
  const messages = new Map<Seat, ViewMessage | null>();
  views.startUpdate(m);
  for (const c of clients) {
    const member = roster.get(c.sessionId);
    if (!member) continue;
    let msg = messages.get(member.seat);
    if (msg === undefined) messages.set(member.seat, (msg = views.next(m, member.seat)));
    if (msg?.type === 'view') sendView(c, member.seat, m, msg.payload);
    else if (msg) c.send('viewUpdate', msg.payload);
  }
  for (const seat of [...views.seats()]) if (!messages.has(seat)) views.forget(seat);
}

/** Send one client its seat's whole view and the chat it may read, as after a join, a return or a `sync`. */
export function sendPrivate(client: MatchClient, seat: Seat, m: Match, views: SeatViews, chat: ChatMessage[]): void {
  sendView(client, seat, m, views.full(m, seat));
  client.send('chatHistory', chat);
}

/** A whole view, with the briefings it opens: the seat's own, every seat's when the view is open. */
function sendView(client: MatchClient, seat: Seat, m: Match, view: SeatView): void {
  client.send('view', view);
  client.send('briefing', seatBriefs(m.scenario, seat, isOpenTo(m, seat)));
}

/** Send a stored chat message to every client that may read its channel. */
export function sendChat(clients: Iterable<MatchClient>, roster: Roster, msg: ChatMessage): void {
  for (const c of clients) {
    const to = roster.get(c.sessionId);
    if (to && canRead(to.seat, msg.channel)) c.send('chat', msg);
  }
}

/**
 * What a room tells its clients goes out only once the store holds what it shows (the store
 * commits each turn's writes together). One flush per turn: the state patch, then what changed in
 * each seat's view, then replies and other messages in the order they were queued.
 */
export class Outbox {
  private queued: (() => void)[] = [];
  private viewsDue = false;
  private scheduled = false;
  private closed = false;

  constructor(
    private store: MatchStore,
    private clients: Iterable<MatchClient>,
    private publish: (views: boolean) => void,
  ) {}

  /** The match changed: views are due. */
  changed(): void {
    this.viewsDue = true;
    this.schedule();
  }

  /** Send something after the next flush's patch and views (or just publish the state). */
  later(f?: () => void): void {
    if (f) this.queued.push(f);
    this.schedule();
  }

  close(): void {
    this.closed = true;
  }

  private schedule(): void {
    if (this.scheduled || this.closed) return;
    this.scheduled = true;
    this.store.afterWrite(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    if (this.closed) return;
    const views = this.viewsDue;
    this.viewsDue = false;
    const queued = this.queued;
    this.queued = [];
    corked(this.clients, () => {
      this.publish(views);
      for (const f of queued) f();
    });
  }
}

/**
 * A flush sends each client several small frames (patch, view update, reply, chat). Holding each
 * socket's writes until the flush is done sends them in one system call instead of one each.
 * Reaches into the ws transport's socket; with another transport it does nothing.
 */
function corked(clients: Iterable<MatchClient>, f: () => void): void {
  const sockets: { cork(): void; uncork(): void }[] = [];
  for (const c of clients) {
    const socket = (c as { ref?: { _socket?: { cork?(): void; uncork(): void; destroyed?: boolean } } }).ref?._socket;
    if (socket?.cork && !socket.destroyed) {
      socket.cork();
      sockets.push(socket as { cork(): void; uncork(): void });
    }
  }
  try {
    f();
  } finally {
    for (const s of sockets) s.uncork();
  }
}
