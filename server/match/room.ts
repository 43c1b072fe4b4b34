// The match room, kept thin: it wires Colyseus's lifecycle to the parts that do the work —
// seats.ts (who sits where), messages.ts (client messages), play.ts (engine, clock and bots),
// publish.ts (store, synced state and private views), chatLog.ts. It holds no rules. Its public
// methods (calls.ts) are the one way in from outside: they run through the same act, say and
// control as the room's messages.
import { Room, ServerError, type AuthContext } from '@colyseus/core';
import { createMatch, playingSeats, replay, type Match, type Seat } from '../../shared/engine/index.js';
import { CLIENT_MESSAGES, cleanName, LEAVE_CODES, type ControlOp, type JoinOptions, type RoomLine, type RoomOutcome, type RoomRefusal, type SeatControllers } from '../../shared/protocol/index.js';
import type { PlayingSeat, Scenario } from '../../shared/scenario/schema.js';
import type { MatchStore } from '../store/matchStore.js';
import type { BotPool } from './botPool.js';
import type { ConsoleAnswer, FacilitatorAction, MatchRoomCalls } from './calls.js';
import { checkChat, TABLE } from './chat.js';
import { ChatLog } from './chatLog.js';
import { liveLine, outcomeOf, seatControllers } from './facts.js';
import type { RateLimit } from './guard.js';
import { handlers, onUnknown, safely, type ControlVia, type MatchClient, type RoomContext } from './messages.js';
import { MatchPlay } from './play.js';
import { Outbox, projectState, ProgressWriter, sendChat, sendPrivate, sendViews } from './publish.js';
import { BOT_NAME, Roster, type SeatAccess, type WatcherLimits } from './seats.js';
import { MatchState, SeatState } from './state.js';
import { SeatViews } from './views.js';

export interface RoomDeps {
  store: MatchStore;
  scenario(id: string): Scenario;
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
  controlGuard?(matchId: string): ControlGuard | null;
  /** Where search bots decide (off the event loop); without it they decide inline. */
  bots?: BotPool;
  /** Spectators a room takes, in all and from one address (default WATCHER_LIMITS). */
  watchers?: WatcherLimits;
}

/** A class session's clock operation, within its limits and written to the facilitator's log. */
export type ControlGuard = (play: MatchPlay, op: ControlOp, seconds: number | undefined, via: ControlVia) => RoomRefusal | null;

/**
 * Stands in for Colyseus's simulation interval so that no per-room tick is set up (clearInterval
 * ignores it). A Timeout cannot be made by hand, hence the cast.
 */
const NO_TICK = Object.freeze({ noTick: true }) as unknown as NodeJS.Timeout;

/** A match room as defineMatchRoom makes it. */
export type MatchRoom = InstanceType<ReturnType<typeof defineMatchRoom>>;

export function defineMatchRoom(deps: RoomDeps) {
  return class MatchRoom extends Room<{ state: MatchState; client: MatchClient }> implements RoomContext, MatchRoomCalls {
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
    private idle: NodeJS.Timeout | null = null;
    private controlGuard: ControlGuard | null = null;

    /** The engine's match as it stands (tests read it). */
    get match(): Match {
      return this.play.match;
    }

    override onCreate(options: { matchId: string }) {
      const rec = deps.store.readMatch(options.matchId);
      if (!rec) throw new Error(`no match ${options.matchId}`);
      this.roomId = rec.id;
      this.matchId = rec.id;
      this.access = { tokenHash: rec.tokenHash, keys: { ...rec.seatKeys }, open: rec.open ?? false };
      this.controlGuard = deps.controlGuard?.(rec.id) ?? null;
      this.stopTicking();
      // We dispose ourselves after a quiet spell: a refused first join must not close the room.
      this.autoDispose = false;
      this.maxMessagesPerSecond = deps.floodLimit;
      const scenario = deps.scenario(rec.scenario);

      const state = new MatchState();
      state.matchId = rec.id;
      state.code = rec.code;
      state.scenarioId = scenario.id;
      state.rounds = scenario.rounds;
      state.directChannel = scenario.directChannel;
      for (const s of playingSeats(scenario)) state.seats.set(s, new SeatState());
      this.state = state;

      this.roster = new Roster(state, {
        rate: deps.rate,
        access: this.access,
        watchers: deps.watchers,
        graceMs: deps.graceSeconds * 1000,
        match: () => this.play.match,
        safely: (f) => safely(this.matchId, f),
        onVacated: (seat) => {
          this.broadcast('notice', { key: 'seat.botPlaying', params: { seat } });
          this.play.settle();
          this.commit();
        },
        onReturned: (seat) => this.broadcast('notice', { key: 'seat.humanBack', params: { seat } }),
      });
      const match = rec.log.length ? replay(scenario, rec.seed, rec.seats, rec.log.map((e) => e.entry)) : createMatch(scenario, rec.seed, rec.seats);
      this.play = new MatchPlay(
        match,
        rec.timers,
        this.roster.vacated,
        () => safely(this.matchId, () => this.play.timeUp() && this.commit()),
        deps.bots ? { pool: deps.bots, resume: (work) => safely(this.matchId, () => (work(), this.commit())) } : null,
      );
      this.progress = new ProgressWriter(deps.store, rec.id, { log: rec.log.length, events: rec.events.length, rounds: rec.rounds.length });
      this.chat = new ChatLog(deps.store, rec.id, rec.chat);
      this.outbox = new Outbox(deps.store, this.clients, (views) => this.publish(views));
      this.idleCheck();

      if (!match.ended) {
        // Deadlines are wall-clock times: phases that ran out while the room was away are played now.
        if (rec.clock) this.play.clock.restore(this.play.catchUp(rec.clock));
        else this.play.clock.start(this.play.phaseLength());
        for (const s of playingSeats(scenario)) this.roster.seatEmptied(s);
      }
      this.play.settle();
      this.commit();

      for (const [type, handle] of Object.entries(handlers)) {
        this.onMessage(type, (c: MatchClient, m: unknown) => safely(this.matchId, () => handle(this, c, m), c, type, m));
      }
      this.onMessage('*', (c: MatchClient, type: string | number, m: unknown) => safely(this.matchId, () => onUnknown(this, c, String(type), m)));
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
      deps.store.addParticipant(this.matchId, seat, name, Date.now());
      if (seat !== 'facilitator' && seat !== 'spectator' && this.play.match.seats[seat]?.controller === 'bot' && !this.play.ended) {
        // A person takes a bot's seat (a friend joining play now): the engine records the swap.
        this.act('facilitator', { type: 'setSeat', seat, controller: 'human' });
      }
      this.sendPrivate(client, seat);
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

    override onDispose() {
      if (this.idle) clearTimeout(this.idle);
      this.outbox.close();
      this.play.clock.clear();
      this.play.stop();
      this.roster.clear();
      // The deadline keeps running while no room is up: the server wakes the match when it falls due.
      if (!this.play.ended) deps.store.setClock(this.matchId, this.play.clock.record());
    }

    override onUncaughtException(error: Error) {
      // A refused join is an answer, not a failure; its exception also carries the whole client,
      // and a stranger could fill the log with them.
      if ((error as { cause?: unknown }).cause instanceof ServerError) return;
      console.error(`[match ${this.matchId}]`, error);
    }

    /** Store what changed; once it is stored, clients get the new state and views, then `then` runs. */
    commit(then?: () => void) {
      this.progress.write(this.play.match, this.play.clock);
      this.outbox.changed();
      // Bots explain their moves at the table, after the views that show them.
      for (const line of this.play.takeLines()) {
        const msg = this.chat.append(TABLE, line.seat, BOT_NAME, line.text);
        this.outbox.later(() => sendChat(this.clients, this.roster, msg));
      }
      if (then) this.outbox.later(then);
    }

    later(f: () => void) {
      this.outbox.later(f);
    }

    sendPrivate(client: MatchClient, seat: Seat) {
      this.outbox.later(() => sendPrivate(client, seat, this.play.match, this.views, this.chat.readableBy(seat)));
    }

    // ---- What messages and console operations do (RoomContext) ----

    act(seat: Seat, action: unknown, then?: () => void): RoomRefusal | null {
      const refused = this.play.act(seat, action);
      if (refused) return refused;
      // A seat given back to humans: a bot covers it until one joins, after the grace time.
      const a = action as Partial<FacilitatorAction>;
      if (a.type === 'setSeat' && a.controller === 'human' && a.seat) this.roster.seatEmptied(a.seat);
      this.commit(then);
      return null;
    }

    say(seat: Seat, name: string, channel: string, text: string, then?: () => void): RoomRefusal | null {
      const checked = checkChat(this.play.match.scenario, seat, channel, text);
      if ('code' in checked) return checked;
      const msg = this.chat.append(channel, seat, name, checked.text);
      this.later(() => {
        sendChat(this.clients, this.roster, msg);
        then?.();
      });
      return null;
    }

    control(op: ControlOp, seconds: number | undefined, via: ControlVia, then?: () => void): RoomRefusal | null {
      const refused = this.controlGuard ? this.controlGuard(this.play, op, seconds, via) : this.play.control(op, seconds);
      if (!refused) this.commit(then);
      return refused;
    }

    // ---- Calls from outside the room (calls.ts): plain data in and out ----

    consoleControl(c: { op: ControlOp; seconds?: number }): ConsoleAnswer {
      // The same shape check as the `control` message's.
      const parsed = CLIENT_MESSAGES.control.safeParse(c);
      return this.answer(() => (parsed.success ? this.control(parsed.data.op, parsed.data.seconds, 'console') : { code: 'bad_message', reason: 'not a clock operation' }));
    }

    consoleAct(action: FacilitatorAction): ConsoleAnswer {
      return this.answer(() => this.act('facilitator', action));
    }

    consoleBroadcast(name: string, text: string): ConsoleAnswer {
      // The name as people's names are cleaned (shared/protocol/text.ts).
      return this.answer(() => this.say('facilitator', cleanName(name) || 'Facilitator', TABLE, text));
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

    /** A console operation's answer, with where the match stood when it was asked. */
    private answer(f: () => RoomRefusal | null): ConsoleAnswer {
      const { round, phase } = this.play.match;
      return { refused: f(), round, phase };
    }

    /** Project the public facts into the synced state and patch clients; then what changed in each seat's view. */
    private publish(views: boolean) {
      projectState(this.state, this.play.match, this.play.clock, this.roster);
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
      this.idle = setTimeout(() => safely(this.matchId, () => this.roster.size === 0 && this.disconnect()), deps.idleSeconds * 1000);
    }
  };
}
