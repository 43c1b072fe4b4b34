// Telling the store and the clients: what changed is written to the store, the public facts are
// projected into the synced state, and each seat's private view (views.ts) goes to that seat's
// clients — all of it once the store has kept the change, or, when it could not, the match put
// back and the change refused (Outbox).
import { getMessageBytes, Protocol } from '@colyseus/core';
import type { ArraySchema } from '@colyseus/schema';
import { isOpenTo, type Match, type Seat, type SeatView } from '../../shared/engine/index.js';
import { seatBriefs, type ChatMessage, type ClockRecord, type RoomRefusal, type ServerMessages } from '../../shared/protocol/index.js';
import type { PlayingSeat } from '../../shared/scenario/schema.js';
import { canRead } from './chat.js';
import type { PhaseClock } from './clock.js';
import type { MatchClient } from './messages.js';
import type { Roster, Seated } from './seats.js';
import { Occupant, type MatchState } from './state.js';
import type { MatchStore, MatchWrite, Standing } from '../store/matchStore.js';
import type { SeatViews } from './views.js';

/** An ended match's clock, as stored. */
const STOPPED: ClockRecord = Object.freeze({ paused: false, endsAt: 0, remaining: 0 });

/**
 * Puts what changed in a match into its room's next write, and moves on only once that write is
 * kept: a write that is lost leaves it where it was, so the next one carries the same entries
 * again (no gap in the log). Where the store stands is kept in plain fields, not an object a
 * turn: a room's turn comes every half second or so, and what it leaves lives to be copied by
 * the next scavenge (none.ts).
 */
export class ProgressWriter {
  // Kept: how much of the log, events and rounds the store holds; the last round snapshot it
  // holds (the engine rewrites it when the match ends mid-round); round, phase, ending and clock
  // as last kept (the match's row changes only with them).
  private log: number;
  private events: number;
  private rounds: number;
  private lastRound: unknown = null;
  private standing: Standing | null = null;
  // The write under way, to be kept.
  private sending = false;
  private sendLog = 0;
  private sendEvents = 0;
  private sendRounds = 0;
  private sendLastRound: unknown = null;
  private sendStanding: Standing | null = null;
  /** A write was lost: the store may have kept it after all (PostgreSQL), so the next one cuts past its end. */
  private unsure = false;

  constructor(stored: { log: number; events: number; rounds: number }) {
    this.log = stored.log;
    this.events = stored.events;
    this.rounds = stored.rounds;
  }

  /** How much of the log the store keeps. */
  get logLength(): number {
    return this.log;
  }

  fill(w: MatchWrite, m: Match, clock: PhaseClock): void {
    const from = m.history[this.rounds - 1] === this.lastRound ? this.rounds : Math.max(0, this.rounds - 1);
    const ended = m.ended?.kind ?? null;
    const s = this.standing;
    const c = m.ended ? STOPPED : clock.record();
    const same = s !== null && s.round === m.round && s.phase === m.phase && s.ended === ended && s.clock!.paused === c.paused && s.clock!.endsAt === c.endsAt && s.clock!.remaining === c.remaining;
    w.log = { from: this.log, entries: m.log.slice(this.log) };
    w.events = { from: this.events, entries: m.events.slice(this.events) };
    w.cut = this.unsure;
    w.rounds = m.history.slice(from);
    if (!same) w.standing = { round: m.round, phase: m.phase, ended, clock: c };
    this.sending = true;
    this.sendLog = m.log.length;
    this.sendEvents = m.events.length;
    this.sendRounds = m.history.length;
    this.sendLastRound = m.history[m.history.length - 1] ?? null;
    this.sendStanding = same ? s : w.standing;
  }

  kept(): void {
    if (this.sending) {
      this.log = this.sendLog;
      this.events = this.sendEvents;
      this.rounds = this.sendRounds;
      this.lastRound = this.sendLastRound;
      this.standing = this.sendStanding;
    }
    this.sending = false;
    this.unsure = false;
  }

  lost(): void {
    this.sending = false;
    this.unsure = true;
  }

  /** Nothing of the turn needed writing. */
  skipped(): void {
    this.sending = false;
  }
}

/**
 * The public projection of the match into the synced schema state. Who sits where is projected
 * only when the roster changed since `rosterSeen` (its version then); returns the version now.
 */
export function projectState(s: MatchState, m: Match, clock: PhaseClock, roster: Roster, rosterSeen: number): number {
  s.round = m.round;
  s.phase = m.phase;
  s.escalation = m.escalation;
  s.stability = m.stability;
  s.ended = m.ended?.kind ?? '';
  s.paused = clock.paused;
  s.phaseEndsAt = m.ended ? 0 : clock.endsAt;
  s.pausedRemaining = clock.paused ? clock.remaining() : 0;
  const rosterChanged = roster.version !== rosterSeen;
  const bySeat = rosterChanged ? roster.bySeat() : null;
  s.seats.forEach((st, seat) => {
    const p = seat as PlayingSeat;
    st.controller = m.seats[p]?.controller ?? 'bot';
    st.botPlaying = st.controller === 'bot' || roster.vacated.has(p);
    st.done = m.done.includes(p);
    if (bySeat) projectOccupants(st.occupants, bySeat.get(p) ?? []);
  });
  if (rosterChanged) {
    const { facilitators, spectators } = roster.watchers();
    s.facilitators = facilitators;
    s.spectators = spectators;
  }
  return roster.version;
}

/** The seat's occupants as the roster has them: changed only where they differ (a patch carries just that). */
function projectOccupants(list: ArraySchema<Occupant>, now: Seated[]): void {
  for (let i = 0; i < now.length; i++) {
    const o = now[i];
    const at = list.at(i);
    if (at && at.sessionId === o.sessionId) {
      if (at.name !== o.name) at.name = o.name;
      if (at.connected !== o.connected) at.connected = o.connected;
    } else {
      // Someone left or came in between: the rest of the list is written again from here.
      list.splice(i);
      const added = new Occupant();
      added.sessionId = o.sessionId;
      added.name = o.name;
      added.connected = o.connected;
      list.push(added);
    }
  }
  if (list.length > now.length) list.splice(now.length);
}

/**
 * Send each client what changed in its seat's view: worked out and encoded once per seat, however
 * many clients the seat has (a team).
 */
export function sendViews(clients: ArrayLike<MatchClient>, roster: Roster, m: Match, views: SeatViews): void {
  // Per seat: its whole view (sent with its briefings), or an update's bytes, or null (no change).
  const updates = new Map<Seat, SeatView | Buffer | null>();
  views.startUpdate(m);
  for (let i = 0; i < clients.length; i++) {
    const c = clients[i];
    const member = roster.get(c.sessionId);
    if (!member) continue;
    let msg = updates.get(member.seat);
    if (msg === undefined) {
      const next = views.next(m, member.seat);
      updates.set(member.seat, (msg = !next ? null : next.type === 'viewUpdate' ? encoded('viewUpdate', next.payload) : next.payload));
    }
    if (msg instanceof Uint8Array) c.enqueueRaw(msg);
    else if (msg) sendView(c, member.seat, m, msg);
  }
  for (const seat of [...views.seats()]) if (!updates.has(seat)) views.forget(seat);
}

/** A message as the SDK reads it, encoded once for every client it goes to (Colyseus encodes per `send`). */
function encoded<K extends keyof ServerMessages>(type: K, message: ServerMessages[K]): Buffer {
  return getMessageBytes.raw(Protocol.ROOM_DATA, type, message);
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

/** Send a stored chat message to every client that may read its channel (encoded once). */
export function sendChat(clients: ArrayLike<MatchClient>, roster: Roster, msg: ChatMessage): void {
  let bytes: Buffer | null = null;
  for (let i = 0; i < clients.length; i++) {
    const c = clients[i];
    const to = roster.get(c.sessionId);
    if (to && canRead(to.seat, msg.channel)) c.enqueueRaw((bytes ??= encoded('chat', msg)));
  }
}

/** A room's side of its turns (room.ts): what to write, and what to do once it is kept or lost. */
export interface Turns {
  /** This turn's write, or null when nothing changed that the store keeps. */
  take(): MatchWrite | null;
  /** The write is durable. */
  kept(): void;
  /** The write was refused: put the match back as it was before the turn. */
  lost(e: Error): void;
  /** Project the public state and patch clients; then, if `views`, each seat's view update. */
  publish(views: boolean): void;
}

/** What a change that could not be kept is answered with. */
export const STORAGE_REFUSAL: RoomRefusal = { code: 'storage_unavailable', reason: 'storage unavailable, try again' };

interface Queued {
  kept(): void;
  /** Instead of `kept` when the turn's write was lost; null: dropped (a chat message not kept). */
  lost: ((r: RoomRefusal) => void) | null;
}

/**
 * Store, then send: what a room tells its clients goes out only once the store holds what it
 * shows. A room writes one turn at a time: the changes of one turn of the event loop go in one
 * write (with every other room's, writeQueue.ts), and while it is being written the room's next
 * work waits (`run`), so a write that is lost can be put back without touching anything later.
 * One flush per turn: the state patch, then what changed in each seat's view, then replies and
 * other messages in the order they were queued; a lost turn's replies become refusals instead.
 */
export class Outbox {
  private queued: Queued[] = [];
  /** The other list, empty: the two take turns, so a flush leaves no new array behind (none.ts). */
  private spare: Queued[] = [];
  private viewsDue = false;
  private phase: 'idle' | 'open' | 'writing' = 'idle';
  private waiting: (() => void)[] = [];
  private writing: Promise<unknown> | null = null;
  private closed = false;

  constructor(
    private store: MatchStore,
    private clients: ArrayLike<MatchClient>,
    private turns: Turns,
  ) {}

  /** Run `f` now, or once the write under way is settled (f changes the match). */
  run(f: () => void): void {
    if (this.phase === 'writing') this.waiting.push(f);
    else f();
  }

  /** The match changed: views are due. */
  changed(): void {
    this.viewsDue = true;
    this.open();
  }

  /** Send after this turn is stored; when it could not be, `lost` (or nothing). */
  tied(kept: () => void, lost: ((r: RoomRefusal) => void) | null = null): void {
    this.queued.push({ kept, lost });
    this.open();
  }

  /** Send something after the next flush's patch and views, whatever becomes of the write (or just publish the state). */
  later(f?: () => void): void {
    if (f) this.queued.push({ kept: f, lost: () => f() });
    this.open();
  }

  /** Send nothing more; resolves once the write under way (if any) has settled. */
  async close(): Promise<void> {
    this.closed = true;
    await this.writing;
  }

  private open(): void {
    if (this.phase !== 'idle' || this.closed) return;
    this.phase = 'open';
    turnSoon(this.turnNow);
  }

  /** `turn`, made once: a room opens a turn for every change, and each closure would be garbage. */
  private readonly turnNow = () => this.turn();

  /** Take the turn's write, and send once it is settled (not an async function: its frame and promises, a turn each, were 5% of what the server allocated). */
  private turn(): void {
    if (this.closed) return;
    const w = this.turns.take();
    if (!w) return this.settle(null);
    this.phase = 'writing';
    const writing = (this.writing = this.store.write(w));
    writing.then(
      () => this.written(null),
      (e: unknown) => this.written(e instanceof Error ? e : new Error(String(e))),
    );
  }

  private written(failed: Error | null): void {
    let lost = failed;
    if (!lost) {
      try {
        this.turns.kept();
      } catch (e) {
        lost = e instanceof Error ? e : new Error(String(e));
      }
    }
    if (lost) this.turns.lost(lost);
    this.writing = null;
    this.settle(lost);
  }

  private settle(lost: Error | null): void {
    this.phase = 'idle';
    if (this.closed) return;
    this.flush(lost ? STORAGE_REFUSAL : null);
    // What waited for the write runs now (and may open the next turn).
    if (!this.waiting.length) return;
    const waiting = this.waiting;
    this.waiting = [];
    for (const f of waiting) f();
  }

  private flush(refused: RoomRefusal | null): void {
    const views = this.viewsDue && !refused;
    this.viewsDue = false;
    const queued = this.queued;
    this.queued = this.spare;
    try {
      corked(this.clients, () => {
        this.turns.publish(views);
        for (const q of queued) {
          try {
            if (!refused) q.kept();
            else q.lost?.(refused);
          } catch (e) {
            console.error('[outbox] a queued send failed', e);
          }
        }
      });
    } finally {
      queued.length = 0;
      this.spare = queued;
    }
  }
}

/**
 * The rooms' turns due in this turn of the event loop, run in one callback after its I/O: their
 * writes then go in one batch, which the write queue starts as soon as the callback is over (a
 * microtask), not one loop turn later behind every message that arrived meanwhile.
 */
const dueTurns: (() => void)[] = [];

function turnSoon(turn: () => void): void {
  if (dueTurns.push(turn) === 1) setImmediate(runTurns);
}

function runTurns(): void {
  for (const turn of dueTurns.splice(0)) turn();
}

/**
 * A flush sends each client several small frames (patch, view update, reply, chat). Holding each
 * socket's writes until the flush is done sends them in one system call instead of one each.
 * Reaches into the ws transport's socket; with another transport it does nothing.
 */
function corked(clients: ArrayLike<MatchClient>, f: () => void): void {
  const sockets: { cork(): void; uncork(): void }[] = [];
  for (let i = 0; i < clients.length; i++) {
    const socket = (clients[i] as { ref?: { _socket?: { cork?(): void; uncork(): void; destroyed?: boolean } } }).ref?._socket;
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
