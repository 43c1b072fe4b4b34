// The match room, kept thin: it wires Colyseus's lifecycle to the parts that do the work —
// seats.ts (who sits where), messages.ts (client messages), play.ts (engine, clock and bots),
// publish.ts (store, synced state and private views), chatLog.ts. It holds no rules. Its public
// methods (calls.ts) are the one way in from outside: they run through the same act, say and
// control as the room's messages.
import { Room, ServerError, type AuthContext } from '@colyseus/core';
import { playingSeats, type Match, type Seat } from '../../shared/engine/index.js';
import {
  CLIENT_MESSAGES,
  cleanName,
  LEAVE_CODES,
  type ClockRecord,
  type ControlOp,
  type JoinOptions,
  type Participant,
  type RoomLine,
  type RoomOutcome,
  type RoomRefusal,
  type SeatControllers,
} from '../../shared/protocol/index.js';
import type { PlayingSeat, Scenario } from '../../shared/scenario/schema.js';
import type { Leases } from '../store/leases.js';
import { emptyWrite, NotOwner, type MatchRecord, type MatchStore, type MatchWrite } from '../store/matchStore.js';
import type { NewLogEntry } from '../store/sessionStore.js';
import type { BotPool } from './botPool.js';
import type { ConsoleAnswer, FacilitatorAction, MatchRoomCalls } from './calls.js';
import { checkChat, TABLE } from './chat.js';
import { ChatLog } from './chatLog.js';
import { liveLine, outcomeOf, seatControllers } from './facts.js';
import type { RateLimit } from './guard.js';
import { handlers, onUnknown, safely, type ControlVia, type MatchClient, type Reply, type RoomContext } from './messages.js';
import { NONE, takeAll } from './none.js';
import { MatchPlay } from './play.js';
import { Outbox, projectState, ProgressWriter, sendChat, sendPrivate, sendViews, type Turns } from './publish.js';
import { damagedError, damageReport, replayRecord } from './record.js';
import { BOT_NAME, Roster, type SeatAccess, type WatcherLimits } from './seats.js';
import { MatchState, SeatState } from './state.js';
import { SeatViews } from './views.js';

export interface RoomDeps {
  store: MatchStore;
  /** Which process's room holds each match (one room per match, across processes). */
  leases: Leases;
  scenario(id: string): Promise<Scenario>;
  rate: RateLimit;
  /** Seconds a human seat may stay empty before a bot plays it. */
  graceSeconds: number;
  /** Seconds a dropped client may take to come back. */
  reconnectSeconds: number;
  /** Messages per second past which Colyseus closes a client's connection. */
  floodLimit: number;
  /** Seconds an empty room stays up before it is put away (its match stays in the store). */
  idleSeconds: number;
  /** The clock rules of a class session's room (limits, facilitator log), if any. */
  controlGuard?(matchId: string): Promise<ControlGuard | null>;
  /** Where search bots decide (off the event loop); without it they decide inline. */
  bots?: BotPool;
  /** Spectators a room takes, in all and from one address (default WATCHER_LIMITS). */
  watchers?: WatcherLimits;
}

/** A class session's clock operations: within its limits, each with its line for the facilitator's log. */
export interface ControlGuard {
  /** Checks and applies the operation; the log line is written with the room's turn. */
  control(play: MatchPlay, op: ControlOp, seconds: number | undefined, via: ControlVia): { refused: RoomRefusal | null; line: NewLogEntry };
  /** A line was written (an accepted pause or extension counts toward the limits from now on). */
  written(line: NewLogEntry): void;
}

/** Pauses after a lost write before the room tries again on its own (bots, the clock), growing while writes keep failing. */
const RECOVER_MS = [1000, 2000, 5000, 10_000];

/**
 * Stands in for Colyseus's simulation interval so that no per-room tick is set up (clearInterval
 * ignores it). A Timeout cannot be made by hand, hence the cast.
 */
const NO_TICK = Object.freeze({ noTick: true }) as unknown as NodeJS.Timeout;

/** A match room as defineMatchRoom makes it. */
export type MatchRoom = InstanceType<ReturnType<typeof defineMatchRoom>>;

export function defineMatchRoom(deps: RoomDeps) {
  return class MatchRoom extends Room<{ state: MatchState; client: MatchClient }> implements RoomContext, MatchRoomCalls, Turns {
    matchId = '';
    /** Who may enter which seat: the facilitator token's hash, the seat keys' hashes, whether the match is open. */
    private access!: SeatAccess;
    /** Each joining client's address, from its onAuth to its onJoin. */
    private addresses = new Map<string, string>();
    /** The course of the match (tests read it). */
    play!: MatchPlay;
    roster!: Roster;
    private chat!: ChatLog;
    private progress!: ProgressWriter;
    private outbox!: Outbox;
    private views = new SeatViews();
    /** The roster's version last projected into the state (publish.ts). */
    private rosterSeen = -1;
    private idle: NodeJS.Timeout | null = null;
    private controlGuard: ControlGuard | null = null;
    /** The match and clock as the store keeps them: where a lost write puts the room back. */
    private durableMatch!: Match;
    private durableClock!: ClockRecord;
    /** Joins and facilitator-log lines for the next write, and those in the write under way. */
    private joined: Participant[] = [];
    private lines: NewLogEntry[] = [];
    private sendingJoined: Participant[] = NONE as never[];
    private sendingLines: NewLogEntry[] = NONE as never[];
    private failures = 0;
    private recovery: NodeJS.Timeout | null = null;
    private claimed = false;

    /** The engine's match as it stands (tests read it). */
    get match(): Match {
      return this.play.match;
    }

    override async onCreate(options: { matchId: string }) {
      const rec = await deps.store.readMatch(options.matchId);
      if (!rec) throw new Error(`no match ${options.matchId}`);
      // One room per match across processes: this one only once it holds the match's lease.
      if (!(await deps.leases.claim(rec.id))) throw new Error(`match ${rec.id} is held by another process's room`);
      this.claimed = true;
      try {
        await this.start(rec);
      } catch (e) {
        this.letGo();
        throw e;
      }
    }

    private async start(rec: MatchRecord) {
      this.roomId = rec.id;
      this.matchId = rec.id;
      this.access = { tokenHash: rec.tokenHash, keys: { ...rec.seatKeys }, open: rec.open ?? false };
      const scenario = await deps.scenario(rec.scenario);
      const replayed = replayRecord(scenario, rec);
      if (replayed.problem) throw damagedError(damageReport(rec.id, replayed));
      const match = replayed.match;
      this.controlGuard = (await deps.controlGuard?.(rec.id)) ?? null;
      this.stopTicking();
      // We dispose ourselves after a quiet spell: a refused first join must not close the room.
      this.autoDispose = false;
      this.maxMessagesPerSecond = deps.floodLimit;

      const state = new MatchState();
      state.matchId = rec.id;
      state.code = rec.code;
      state.scenarioId = scenario.id;
      state.rounds = scenario.rounds;
      state.directChannel = scenario.directChannel;
      for (const s of playingSeats(scenario)) state.seats.set(s, new SeatState());
      this.state = state;

      this.roster = new Roster({
        rate: deps.rate,
        access: this.access,
        watchers: deps.watchers,
        graceMs: deps.graceSeconds * 1000,
        match: () => this.play.match,
        safely: (f) => this.outbox.run(() => safely(this.matchId, f)),
        onVacated: (seat) => {
          this.broadcast('notice', { key: 'seat.botPlaying', params: { seat } });
          this.play.settle();
          this.commit();
        },
        onReturned: (seat) => this.broadcast('notice', { key: 'seat.humanBack', params: { seat } }),
      });
      this.play = new MatchPlay(
        match,
        rec.timers,
        this.roster.vacated,
        () => this.outbox.run(() => safely(this.matchId, () => this.play.timeUp() && this.commit())),
        deps.bots ? { pool: deps.bots, resume: (work) => this.outbox.run(() => safely(this.matchId, () => (work(), this.commit()))) } : null,
      );
      this.progress = new ProgressWriter({ log: rec.log.length, events: rec.events.length, rounds: rec.rounds.length });
      this.chat = new ChatLog(rec.chat);
      this.outbox = new Outbox(deps.store, this.clients, this);
      this.idleCheck();

      if (!match.ended) {
        // Deadlines are wall-clock times: phases that ran out while the room was away are played now.
        if (rec.clock) this.play.clock.hold(rec.clock);
        else this.play.clock.start(this.play.phaseLength());
      }
      this.keepDurable(match);
      if (!match.ended) {
        this.play.resumeClock();
        for (const s of playingSeats(scenario)) this.roster.seatEmptied(s);
      }
      this.play.settle();
      this.commit();

      for (const [type, handle] of Object.entries(handlers)) {
        this.onMessage(type, (c: MatchClient, m: unknown) => this.outbox.run(() => safely(this.matchId, () => handle(this, c, m), c, type, m)));
      }
      this.onMessage('*', (c: MatchClient, type: string | number, m: unknown) => this.outbox.run(() => safely(this.matchId, () => onUnknown(this, c, String(type), m))));
    }

    override onAuth(client: MatchClient, raw: unknown, context: AuthContext) {
      // The address as the server's request guard set it (server/http/address.ts).
      const address = context.ip ?? 'unknown';
      this.roster.authorize(raw, address);
      this.addresses.set(client.sessionId, address);
      return true;
    }

    override onJoin(client: MatchClient, raw: JoinOptions) {
      const address = this.addresses.get(client.sessionId) ?? 'unknown';
      this.addresses.delete(client.sessionId);
      // Checked again: another join may have come between this one's onAuth and now.
      const options = this.roster.authorize(raw, address);
      const { seat, name } = options;
      // The same person again (another tab, a restarted browser): their older connection leaves.
      for (const id of this.roster.sameMember(seat, options.member)) this.dismiss(id, 'elsewhere');
      this.roster.join(client.sessionId, options, address);
      this.idleCheck();
      const at = Date.now();
      this.outbox.run(() => {
        this.joined.push({ seat, name, at });
        if (seat !== 'facilitator' && seat !== 'spectator' && this.play.match.seats[seat]?.controller === 'bot' && !this.play.ended) {
          // A person takes a bot's seat (a friend joining play now): the engine records the swap.
          this.act('facilitator', { type: 'setSeat', seat, controller: 'human' });
        }
        this.sendPrivate(client, seat);
      });
    }

    override onDrop(client: MatchClient) {
      if (!this.roster.drop(client.sessionId)) return;
      this.allowReconnection(client, deps.reconnectSeconds);
      this.outbox.later();
    }

    override onReconnect(client: MatchClient) {
      const m = this.roster.reconnect(client.sessionId);
      // Replaced or removed while away: not a member any more.
      if (!m) return void client.leave(LEAVE_CODES.elsewhere);
      this.sendPrivate(client, m.seat);
    }

    override onLeave(client: MatchClient) {
      // A join that failed after its onAuth leaves here too.
      this.addresses.delete(client.sessionId);
      if (!this.roster.leave(client.sessionId)) return;
      this.idleCheck();
      this.outbox.later();
    }

    override onBeforeShutdown() {
      this.broadcast('notice', { key: 'server.shutdown', params: {} });
      this.disconnect();
    }

    override async onDispose() {
      if (this.idle) clearTimeout(this.idle);
      if (this.recovery) clearTimeout(this.recovery);
      if (!this.outbox) return this.letGo();
      // The deadline keeps running while no room is up (it is stored with every write): the
      // waker starts the match again when it falls due. The lease goes once the last write settled.
      await this.outbox.close();
      this.play.clock.clear();
      this.play.stop();
      this.roster.clear();
      this.letGo();
    }

    override onUncaughtException(error: Error) {
      // A refused join is an answer, not a failure; its exception also carries the whole client,
      // and a stranger could fill the log with them.
      if ((error as { cause?: unknown }).cause instanceof ServerError) return;
      console.error(`[match ${this.matchId}]`, error);
    }

    /** Store what changed; once it is stored, clients get the new state and views, then `reply` runs (with the refusal, when it could not be stored). */
    commit(reply?: Reply) {
      this.outbox.changed();
      // Bots explain their moves at the table, after the views that show them.
      for (const line of this.play.takeLines()) {
        const msg = this.chat.append(TABLE, line.seat, BOT_NAME, line.text);
        this.outbox.tied(() => sendChat(this.clients, this.roster, msg));
      }
      if (reply) this.outbox.tied(() => reply(null), reply);
    }

    later(f: () => void) {
      this.outbox.later(f);
    }

    sendPrivate(client: MatchClient, seat: Seat) {
      this.outbox.later(() => sendPrivate(client, seat, this.play.match, this.views, this.chat.readableBy(seat)));
    }

    // ---- The room's turns (publish.ts's Outbox): what to write, and after ----

    take(): MatchWrite | null {
      const w = emptyWrite(this.matchId, deps.leases.owner);
      this.progress.fill(w, this.play.match, this.play.clock);
      w.chat = this.chat.take();
      w.participants = this.sendingJoined = takeAll(this.joined);
      w.facilitatorLog = this.sendingLines = takeAll(this.lines);
      if (w.log.entries.length || w.events.entries.length || w.rounds.length || w.standing || w.chat.length || w.participants.length || w.facilitatorLog.length) return w;
      this.progress.skipped();
      return null;
    }

    /** The match as stored now, and its clock (the record before, while it says the same: one object fewer a turn). */
    private keepDurable(match: Match) {
      this.durableMatch = match;
      const c = this.play.clock.record();
      const d = this.durableClock as ClockRecord | undefined;
      if (!d || d.paused !== c.paused || d.endsAt !== c.endsAt || d.remaining !== c.remaining) this.durableClock = c;
    }

    kept() {
      this.progress.kept();
      this.chat.written();
      for (const line of this.sendingLines) this.controlGuard?.written(line);
      this.keepDurable(this.play.match);
      this.failures = 0;
    }

    /** The write was refused: back to the match as stored; joins are written with the next one. */
    lost(e: Error) {
      this.progress.lost();
      this.chat.lost();
      this.joined.unshift(...this.sendingJoined);
      this.play.putBack(this.durableMatch, this.durableClock);
      if (e instanceof NotOwner) {
        // Another process's room holds the match now: its players belong there.
        console.error(`[match ${this.matchId}] ${e.why}; closing this room`);
        this.claimed = false;
        setImmediate(() => this.disconnect());
        return;
      }
      console.error(`[match ${this.matchId}] a write was lost (${e.message}); the match is back where it was stored`);
      // Bots and the clock go on by themselves once the store takes writes again.
      const wait = RECOVER_MS[Math.min(this.failures++, RECOVER_MS.length - 1)];
      if (this.recovery) clearTimeout(this.recovery);
      this.recovery = setTimeout(() => {
        this.recovery = null;
        this.outbox.run(() =>
          safely(this.matchId, () => {
            this.play.resumeClock();
            this.play.settle();
            this.commit();
          }),
        );
      }, wait);
    }

    // ---- What messages and console operations do (RoomContext) ----

    act(seat: Seat, action: unknown, reply?: Reply): RoomRefusal | null {
      const refused = this.play.act(seat, action);
      if (refused) return refused;
      // A seat given back to humans: a bot covers it until one joins, after the grace time.
      const a = action as Partial<FacilitatorAction>;
      if (a.type === 'setSeat' && a.controller === 'human' && a.seat) this.roster.seatEmptied(a.seat);
      this.commit(reply);
      return null;
    }

    say(seat: Seat, name: string, channel: string, text: string, reply?: Reply): RoomRefusal | null {
      const checked = checkChat(this.play.match.scenario, seat, channel, text);
      if ('code' in checked) return checked;
      const msg = this.chat.append(channel, seat, name, checked.text);
      this.outbox.tied(
        () => {
          sendChat(this.clients, this.roster, msg);
          reply?.(null);
        },
        reply ?? null,
      );
      return null;
    }

    control(op: ControlOp, seconds: number | undefined, via: ControlVia, reply?: Reply): RoomRefusal | null {
      if (!this.controlGuard) {
        const refused = this.play.control(op, seconds);
        if (!refused) this.commit(reply);
        return refused;
      }
      const { refused, line } = this.controlGuard.control(this.play, op, seconds, via);
      this.lines.push(line);
      if (refused) this.outbox.later();
      else this.commit(reply);
      return refused;
    }

    // ---- Calls from outside the room (calls.ts): plain data in and out ----

    consoleControl(c: { op: ControlOp; seconds?: number }): Promise<ConsoleAnswer> {
      // The same shape check as the `control` message's.
      const parsed = CLIENT_MESSAGES.control.safeParse(c);
      return this.answer((reply) => (parsed.success ? this.control(parsed.data.op, parsed.data.seconds, 'console', reply) : { code: 'bad_message', reason: 'not a clock operation' }));
    }

    consoleAct(action: FacilitatorAction): Promise<ConsoleAnswer> {
      return this.answer((reply) => this.act('facilitator', action, reply));
    }

    consoleBroadcast(name: string, text: string): Promise<ConsoleAnswer> {
      // The name as people's names are cleaned (shared/protocol/text.ts).
      return this.answer((reply) => this.say('facilitator', cleanName(name) || 'Facilitator', TABLE, text, reply));
    }

    overviewLine(): RoomLine {
      return liveLine(this.play.match, this.play.clock, this.state, this.roster.vacated);
    }

    seatControllers(): SeatControllers {
      return seatControllers(this.play.match.seats);
    }

    outcome(): RoomOutcome {
      return outcomeOf(this.play.match);
    }

    /** The facilitator removes every participant of `seat` called `name`; how many left. */
    removeParticipants(seat: PlayingSeat, name: string): number {
      const ids = this.roster.named(seat, name);
      for (const id of ids) this.dismiss(id, 'removed');
      return ids.length;
    }

    /** A seat's renewed key (already stored): the old one stops working now. */
    setSeatKey(seat: PlayingSeat, stored: { v: number; hash: string }): true {
      this.access.keys[seat] = stored;
      return true;
    }

    /** A member leaves the room at once: told why, and the connection closed with the matching code. */
    private dismiss(sessionId: string, why: keyof typeof LEAVE_CODES) {
      const client = this.clients.getById(sessionId);
      this.roster.leave(sessionId);
      this.outbox.later();
      if (!client) return;
      client.send('notice', { key: `seat.${why}`, params: {} });
      client.leave(LEAVE_CODES[why]);
    }

    /** A console operation's answer once it is stored (or refused), with where the match stood when it was asked. */
    private answer(f: (reply: Reply) => RoomRefusal | null): Promise<ConsoleAnswer> {
      return new Promise((resolve) =>
        this.outbox.run(() => {
          const { round, phase } = this.play.match;
          const refused = f((lost) => resolve({ refused: lost, round, phase }));
          // After the turn, so that what it wrote (a facilitator-log line) is stored by then.
          if (refused) this.outbox.later(() => resolve({ refused, round, phase }));
        }),
      );
    }

    /** The lease goes back to the store (another process may start the match now). */
    private letGo() {
      if (!this.claimed) return;
      this.claimed = false;
      deps.leases.release(this.matchId);
    }

    /** Project the public facts into the synced state and patch clients; then what changed in each seat's view. */
    publish(views: boolean) {
      this.rosterSeen = projectState(this.state, this.play.match, this.play.clock, this.roster, this.rosterSeen);
      this.broadcastPatch();
      if (views) sendViews(this.clients, this.roster, this.play.match, this.views);
    }

    /**
     * Turn-based: patches go out right after each change (broadcastPatch), never on a tick. With
     * `patchRate = null` Colyseus still ticks the room's clock every 16 ms; 1,000 idle rooms made
     * 60,000 timer calls a second. A placeholder simulation interval stops that tick, and the
     * clock reads the time when asked (Colyseus's flood limit uses it). Don't use `this.clock`'s
     * timers in this room: nothing ticks them; the phase clock has its own timer.
     */
    private stopTicking() {
      this['_simulationInterval'] = NO_TICK;
      this.patchRate = null;
      Object.defineProperty(this.clock, 'currentTime', { get: () => Date.now(), set: () => undefined, configurable: true });
    }

    /** Start the idle countdown when nobody is in the room; stop it when someone is. */
    private idleCheck() {
      if (this.idle) clearTimeout(this.idle);
      this.idle = null;
      if (this.roster.size > 0) return;
      this.idle = setTimeout(() => this.outbox.run(() => safely(this.matchId, () => this.roster.size === 0 && this.disconnect())), deps.idleSeconds * 1000);
    }
  };
}
