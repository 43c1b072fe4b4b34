// The match room: validate a message, call the engine, project the result, store it, tell clients.
// It holds no rules: outcomes come from shared/engine alone.
import { Room, ServerError, type Client } from '@colyseus/core';
import { z } from 'zod';
import { advancePhase, applyAction, createMatch, replay, viewFor, playingSeats, type Match, type Seat } from '../shared/engine/index.js';
import type { PlayingSeat, Scenario } from '../shared/scenario/schema.js';
import { botSeats, everyHumanDone, playBots } from './bots.js';
import { canRead, chatMessageSchema, checkChat } from './chat.js';
import { Bucket, controlSchema, MAX_PAYLOAD, payloadSize, refOf, syncSchema, type RateLimit, type Ref } from './guard.js';
import { tokenMatches } from './ids.js';
import { PhaseClock } from './phaseClock.js';
import { MatchState, Occupant, SeatState } from './state.js';
import type { ChatMessage, MatchStore, Timers } from './store.js';

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
}

const SEATS = ['armenia', 'azerbaijan', 'russia', 'eu', 'facilitator', 'spectator'] as const;
const joinSchema = z
  .object({ seat: z.enum(SEATS), name: z.string().trim().min(1).max(40), token: z.string().max(200).optional(), code: z.string().max(12).optional() })
  .strict();
const MAX_TEAM = 8;
const CHAT_KEPT = 500;

interface Member {
  seat: Seat;
  name: string;
  connected: boolean;
  bucket: Bucket;
}

const joinError = (code: string, reason: string) => new ServerError(4403, `${code}: ${reason}`);

export function defineMatchRoom(deps: RoomDeps) {
  return class MatchRoom extends Room<{ state: MatchState }> {
    match!: Match;
    private matchId = '';
    private tokenHash = '';
    private timers!: Timers;
    private members = new Map<string, Member>();
    private vacated = new Set<PlayingSeat>();
    private vacancy = new Map<PlayingSeat, NodeJS.Timeout>();
    private chat: ChatMessage[] = [];
    private nextChatId = 1;
    private saved = { log: 0, events: 0, rounds: 0 };
    private idle: NodeJS.Timeout | null = null;
    private phaseClock = new PhaseClock(() => this.safely(() => this.onPhaseTimeout()));

    override onCreate(options: { matchId: string }) {
      const rec = deps.store.readMatch(options.matchId);
      if (!rec) throw new Error(`no match ${options.matchId}`);
      this.roomId = rec.id;
      this.matchId = rec.id;
      this.tokenHash = rec.tokenHash;
      this.timers = rec.timers;
      this.patchRate = null;
      // We dispose ourselves after a quiet spell: a refused first join must not close the room.
      this.autoDispose = false;
      this.idleCheck();
      this.maxMessagesPerSecond = deps.floodLimit;
      const scenario = deps.scenario(rec.scenario);
      this.match = rec.log.length ? replay(scenario, rec.seed, rec.seats, rec.log.map((e) => e.entry)) : createMatch(scenario, rec.seed, rec.seats);
      this.saved = { log: rec.log.length, events: rec.events.length, rounds: rec.rounds.length };
      this.chat = rec.chat.slice(-CHAT_KEPT);
      this.nextChatId = (rec.chat.at(-1)?.id ?? 0) + 1;

      const state = new MatchState();
      state.matchId = rec.id;
      state.code = rec.code;
      state.scenarioId = scenario.id;
      state.rounds = scenario.rounds;
      state.directChannel = scenario.directChannel;
      for (const s of playingSeats(scenario)) state.seats.set(s, new SeatState());
      this.state = state;

      if (!this.match.ended) {
        if (rec.clock) this.phaseClock.restore(rec.clock);
        else this.phaseClock.start(this.phaseLength());
        for (const s of playingSeats(scenario)) this.seatEmptied(s);
      }
      this.settle();
      this.commit();

      this.onMessage('action', (c, m) => this.safely(() => this.onAction(c, m), c, 'action', m));
      this.onMessage('chat', (c, m) => this.safely(() => this.onChat(c, m), c, 'chat', m));
      this.onMessage('control', (c, m) => this.safely(() => this.onControl(c, m), c, 'control', m));
      this.onMessage('sync', (c, m) => this.safely(() => this.onSync(c, m), c, 'sync', m));
      this.onMessage('*', (c, type, m) => this.safely(() => this.admit(c, String(type), m) && this.refuse(c, String(type), 'bad_message', `unknown message type "${String(type)}"`, refOf(m))));
    }

    override onAuth(_client: Client, raw: unknown) {
      const parsed = joinSchema.safeParse(raw);
      if (!parsed.success) throw joinError('bad_join', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      const { seat, token } = parsed.data;
      if (seat === 'facilitator' && !tokenMatches(token, this.tokenHash)) throw joinError('bad_token', 'the facilitator seat needs the match token');
      if (seat !== 'facilitator' && seat !== 'spectator') {
        if (!playingSeats(this.match.scenario).includes(seat)) throw joinError('wrong_seat', `${seat} is not a seat in this scenario`);
        if (this.match.seats[seat]?.controller === 'bot') throw joinError('wrong_seat', `${seat} is played by a bot`);
        if ([...this.members.values()].filter((m) => m.seat === seat).length >= MAX_TEAM) throw joinError('seat_full', `${seat} already has ${MAX_TEAM} players`);
      }
      return true;
    }

    override onJoin(client: Client, raw: z.infer<typeof joinSchema>) {
      const { seat, name } = joinSchema.parse(raw);
      this.members.set(client.sessionId, { seat, name, connected: true, bucket: new Bucket(deps.rate, Date.now()) });
      this.idleCheck();
      deps.store.addParticipant(this.matchId, seat, name, Date.now());
      const seatState = this.state.seats.get(seat);
      if (seatState) {
        const o = new Occupant();
        o.sessionId = client.sessionId;
        o.name = name;
        seatState.occupants.push(o);
        this.seatFilled(seat as PlayingSeat);
      }
      this.project();
      this.broadcastPatch();
      this.sendPrivate(client, seat);
    }

    override onDrop(client: Client) {
      const m = this.members.get(client.sessionId);
      if (!m) return;
      m.connected = false;
      this.setOccupant(m.seat, client.sessionId, (o) => (o.connected = false));
      this.allowReconnection(client, deps.reconnectSeconds);
      this.seatEmptied(m.seat);
      this.project();
      this.broadcastPatch();
    }

    override onReconnect(client: Client) {
      const m = this.members.get(client.sessionId);
      if (!m) return;
      m.connected = true;
      this.setOccupant(m.seat, client.sessionId, (o) => (o.connected = true));
      this.seatFilled(m.seat);
      this.project();
      this.broadcastPatch();
      this.sendPrivate(client, m.seat);
    }

    override onLeave(client: Client) {
      const m = this.members.get(client.sessionId);
      if (!m) return;
      this.members.delete(client.sessionId);
      this.idleCheck();
      const seatState = this.state.seats.get(m.seat);
      if (seatState) {
        const i = seatState.occupants.findIndex((o) => o.sessionId === client.sessionId);
        if (i >= 0) seatState.occupants.splice(i, 1);
      }
      this.seatEmptied(m.seat);
      this.project();
      this.broadcastPatch();
    }

    override onBeforeShutdown() {
      this.broadcast('notice', { key: 'server.shutdown', params: {} });
      this.disconnect();
    }

    override onDispose() {
      if (this.idle) clearTimeout(this.idle);
      this.phaseClock.clear();
      for (const t of this.vacancy.values()) clearTimeout(t);
      if (!this.match.ended) deps.store.setClock(this.matchId, this.phaseClock.suspended());
    }

    override onUncaughtException(error: Error) {
      console.error(`[match ${this.matchId}]`, error);
    }

    // ——— messages ———

    private onAction(client: Client, payload: unknown) {
      const m = this.admit(client, 'action', payload);
      if (!m) return;
      const ref = refOf(payload);
      if (!isObject(payload)) return this.refuse(client, 'action', 'bad_message', 'an action is an object with a type', ref);
      const { ref: _ref, ...action } = payload;
      const type = typeof action.type === 'string' ? action.type.slice(0, 40) : 'action';
      if (m.seat === 'spectator') return this.refuse(client, type, 'spectator', 'spectators cannot act', ref);
      const r = applyAction(this.match, m.seat, action);
      if (!r.ok) return this.refuse(client, type, r.code, r.reason, ref);
      this.match = r.match;
      this.settle();
      this.commit();
      client.send('accepted', { type, ref });
    }

    private onChat(client: Client, payload: unknown) {
      const m = this.admit(client, 'chat', payload);
      if (!m) return;
      const ref = refOf(payload);
      const parsed = chatMessageSchema.safeParse(payload);
      if (!parsed.success) return this.refuse(client, 'chat', 'bad_message', 'chat is {channel, text}', ref);
      const checked = checkChat(this.match.scenario, m.seat, parsed.data.channel, parsed.data.text);
      if ('code' in checked) return this.refuse(client, 'chat', checked.code, checked.reason, ref);
      const msg: ChatMessage = { id: this.nextChatId++, channel: parsed.data.channel, seat: m.seat, name: m.name, text: checked.text, at: Date.now() };
      deps.store.appendChat(this.matchId, msg);
      this.chat.push(msg);
      if (this.chat.length > CHAT_KEPT) this.chat.splice(0, this.chat.length - CHAT_KEPT);
      for (const c of this.clients) {
        const to = this.members.get(c.sessionId);
        if (to && canRead(to.seat, msg.channel)) c.send('chat', msg);
      }
      client.send('accepted', { type: 'chat', ref });
    }

    private onControl(client: Client, payload: unknown) {
      const m = this.admit(client, 'control', payload);
      if (!m) return;
      const ref = refOf(payload);
      if (m.seat !== 'facilitator') return this.refuse(client, 'control', 'not_facilitator', 'only the facilitator runs the clock', ref);
      const parsed = controlSchema.safeParse(payload);
      if (!parsed.success) return this.refuse(client, 'control', 'bad_message', parsed.error.issues.map((i) => `${i.path.join('.') || 'control'}: ${i.message}`).join('; '), ref);
      if (this.match.ended) return this.refuse(client, 'control', 'match_over', 'the match has ended', ref);
      const { op, seconds } = parsed.data;
      const clock = this.phaseClock;
      if (op === 'pause') {
        if (clock.paused) return this.refuse(client, 'control', 'bad_control', 'already paused', ref);
        clock.pause();
      } else if (op === 'resume') {
        if (!clock.paused) return this.refuse(client, 'control', 'bad_control', 'not paused', ref);
        clock.resume();
      } else if (op === 'extend') {
        if (!seconds) return this.refuse(client, 'control', 'bad_control', 'extend needs seconds', ref);
        clock.extend(seconds);
      } else if (op === 'advance') {
        this.advance();
        this.settle();
      } else {
        const r = applyAction(this.match, 'facilitator', { type: 'endMatch' });
        if (!r.ok) return this.refuse(client, 'control', r.code, r.reason, ref);
        this.match = r.match;
      }
      this.commit();
      client.send('accepted', { type: `control.${op}`, ref });
    }

    private onSync(client: Client, payload: unknown) {
      const m = this.admit(client, 'sync', payload);
      if (!m) return;
      if (payload !== undefined && !syncSchema.safeParse(payload).success) return this.refuse(client, 'sync', 'bad_message', 'sync takes {ref?}', refOf(payload));
      this.sendPrivate(client, m.seat);
      client.send('accepted', { type: 'sync', ref: refOf(payload) });
    }

    /** Rate and size checks common to every message; refuses and returns null when they fail. */
    private admit(client: Client, type: string, payload: unknown): Member | null {
      const m = this.members.get(client.sessionId);
      if (!m) return null;
      if (!m.bucket.take(Date.now())) return this.refuse(client, type, 'rate_limited', 'too many messages; slow down', refOf(payload)), null;
      const size = payloadSize(payload);
      if (size === null) return this.refuse(client, type, 'bad_message', 'payload cannot be read', refOf(payload)), null;
      if (size > MAX_PAYLOAD) return this.refuse(client, type, 'too_large', `payload over ${MAX_PAYLOAD} bytes`, refOf(payload)), null;
      return m;
    }

    private refuse(client: Client, type: string, code: string, reason: string, ref: Ref) {
      client.send('refused', { type: type.slice(0, 40), code, reason: reason.slice(0, 500), ref });
    }

    /** A handler that throws must not take the room down, nor leave the client without an answer. */
    private safely(f: () => void, client?: Client, type?: string, payload?: unknown) {
      try {
        f();
      } catch (e) {
        console.error(`[match ${this.matchId}] ${type ?? 'timer'} failed`, e);
        if (client) this.refuse(client, type ?? 'message', 'internal', 'the server could not handle this message', refOf(payload));
      }
    }

    // ——— the clock of the match ———

    private phaseLength(): number {
      return (this.timers[this.match.phase] ?? this.match.scenario.timers[this.match.phase]) * 1000;
    }

    private advance() {
      this.match = advancePhase(this.match).match;
      if (this.match.ended) this.phaseClock.stop();
      else this.phaseClock.start(this.phaseLength());
    }

    private onPhaseTimeout() {
      if (this.match.ended) return;
      this.advance();
      this.settle();
      this.commit();
    }

    /** Let bots play, and end the phase early while every human-played seat is done. */
    private settle() {
      for (let guard = 0; guard < 100 && !this.match.ended; guard++) {
        this.match = playBots(this.match, botSeats(this.match, this.vacated));
        if (this.match.ended || !everyHumanDone(this.match, this.vacated)) break;
        this.advance();
      }
      if (this.match.ended) this.phaseClock.stop();
    }

    /** Start the idle countdown when nobody is in the room; stop it when someone is. */
    private idleCheck() {
      if (this.idle) clearTimeout(this.idle);
      this.idle = null;
      if (this.members.size > 0) return;
      this.idle = setTimeout(() => this.safely(() => this.members.size === 0 && this.disconnect()), deps.idleSeconds * 1000);
    }

    // ——— seats left empty ———

    private connectedIn(seat: Seat) {
      return [...this.members.values()].some((m) => m.seat === seat && m.connected);
    }

    private seatEmptied(seat: Seat) {
      const s = seat as PlayingSeat;
      if (!this.state.seats.has(s) || this.match.seats[s]?.controller === 'bot' || this.match.ended || this.connectedIn(s) || this.vacancy.has(s) || this.vacated.has(s)) return;
      const timer = setTimeout(
        () =>
          this.safely(() => {
            this.vacancy.delete(s);
            if (this.connectedIn(s) || this.match.ended) return;
            this.vacated.add(s);
            this.broadcast('notice', { key: 'seat.botPlaying', params: { seat: s } });
            this.settle();
            this.commit();
          }),
        deps.graceSeconds * 1000,
      );
      this.vacancy.set(s, timer);
    }

    private seatFilled(seat: Seat) {
      const s = seat as PlayingSeat;
      clearTimeout(this.vacancy.get(s));
      this.vacancy.delete(s);
      if (this.vacated.delete(s)) this.broadcast('notice', { key: 'seat.humanBack', params: { seat: s } });
    }

    private setOccupant(seat: Seat, sessionId: string, f: (o: Occupant) => void) {
      const o = this.state.seats.get(seat)?.occupants.find((x) => x.sessionId === sessionId);
      if (o) f(o);
    }

    // ——— telling the store and the clients ———

    /** Store what changed, update the public state, send it and every seat's private view. */
    private commit() {
      const m = this.match;
      const clock = m.ended ? { paused: false, endsAt: 0, remaining: 0 } : this.phaseClock.record();
      deps.store.appendProgress(this.matchId, {
        log: m.log.slice(this.saved.log),
        logFrom: this.saved.log,
        events: m.events.slice(this.saved.events),
        eventsFrom: this.saved.events,
        // The last snapshot may be rewritten when the match ends in the same round.
        rounds: m.history.slice(Math.max(0, this.saved.rounds - 1)),
        round: m.round,
        phase: m.phase,
        ended: m.ended?.kind ?? null,
        clock,
      });
      this.saved = { log: m.log.length, events: m.events.length, rounds: m.history.length };
      this.project();
      this.broadcastPatch();
      const views = new Map<Seat, unknown>();
      for (const c of this.clients) {
        const member = this.members.get(c.sessionId);
        if (!member) continue;
        if (!views.has(member.seat)) views.set(member.seat, viewFor(m, member.seat));
        c.send('view', views.get(member.seat));
      }
    }

    private project() {
      const s = this.state;
      const m = this.match;
      s.round = m.round;
      s.phase = m.phase;
      s.escalation = m.escalation;
      s.stability = m.stability;
      s.ended = m.ended?.kind ?? '';
      s.paused = this.phaseClock.paused;
      s.phaseEndsAt = m.ended ? 0 : this.phaseClock.endsAt;
      s.pausedRemaining = this.phaseClock.paused ? this.phaseClock.remaining() : 0;
      for (const [seat, st] of s.seats) {
        const p = seat as PlayingSeat;
        st.controller = m.seats[p]?.controller ?? 'bot';
        st.botPlaying = st.controller === 'bot' || this.vacated.has(p);
        st.done = m.done.includes(p);
      }
      let facilitators = 0;
      let spectators = 0;
      for (const mem of this.members.values()) {
        if (!mem.connected) continue;
        if (mem.seat === 'facilitator') facilitators++;
        if (mem.seat === 'spectator') spectators++;
      }
      s.facilitators = facilitators;
      s.spectators = spectators;
    }

    private sendPrivate(client: Client, seat: Seat) {
      client.send('view', viewFor(this.match, seat));
      client.send('chatHistory', this.chat.filter((c) => canRead(seat, c.channel)));
    }
  };
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
