// Who sits where: joining, team seats, drops and returns, and seats left empty long enough for a
// bot to play them. Mirrors occupancy into the synced state's `occupants`.
import { ServerError } from '@colyseus/core';
import { playingSeats, type Match, type Seat } from '../../shared/engine/index.js';
import { joinOptions, type JoinOptions, type JoinRefusalCode } from '../../shared/protocol/index.js';
import type { PlayingSeat } from '../../shared/scenario/schema.js';
import { Bucket, type RateLimit } from './guard.js';
import { tokenMatches } from '../store/ids.js';
import { Occupant, type MatchState } from './state.js';

/** Clients one playing seat may hold (a team). */
const MAX_TEAM = 8;

export interface Member {
  seat: Seat;
  name: string;
  connected: boolean;
  bucket: Bucket;
}

export interface RosterOptions {
  rate: RateLimit;
  /** Ms a human seat may stay empty before a bot plays it. */
  graceMs: number;
  match(): Match;
  /** Runs a timer's work so that a throw cannot take the room down. */
  safely(f: () => void): void;
  /** A seat's grace ran out: a bot plays it from now on. */
  onVacated(seat: PlayingSeat): void;
  /** A human is back in a seat a bot was playing. */
  onReturned(seat: PlayingSeat): void;
}

const joinError = (code: JoinRefusalCode, reason: string) => new ServerError(4403, `${code}: ${reason}`);

export class Roster {
  private members = new Map<string, Member>();
  /** Human seats a bot plays because nobody has been in them for the grace time. */
  readonly vacated = new Set<PlayingSeat>();
  private vacancy = new Map<PlayingSeat, NodeJS.Timeout>();

  constructor(
    private state: MatchState,
    private o: RosterOptions,
  ) {}

  get size(): number {
    return this.members.size;
  }

  get(sessionId: string): Member | undefined {
    return this.members.get(sessionId);
  }

  /** Checks join options; throws the join refusal the SDK shows (docs/protocol.md §2). */
  authorize(raw: unknown, tokenHash: string): JoinOptions {
    const parsed = joinOptions.safeParse(raw);
    if (!parsed.success) throw joinError('bad_join', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const { seat, token } = parsed.data;
    const match = this.o.match();
    if (seat === 'facilitator' && !tokenMatches(token, tokenHash)) throw joinError('bad_token', 'the facilitator seat needs the match token');
    if (seat !== 'facilitator' && seat !== 'spectator') {
      if (!playingSeats(match.scenario).includes(seat)) throw joinError('wrong_seat', `${seat} is not a seat in this scenario`);
      if ([...this.members.values()].filter((m) => m.seat === seat).length >= MAX_TEAM) throw joinError('seat_full', `${seat} already has ${MAX_TEAM} players`);
    }
    return parsed.data;
  }

  join(sessionId: string, seat: Seat, name: string): Member {
    const member: Member = { seat, name, connected: true, bucket: new Bucket(this.o.rate, Date.now()) };
    this.members.set(sessionId, member);
    const seatState = this.state.seats.get(seat);
    if (seatState) {
      const o = new Occupant();
      o.sessionId = sessionId;
      o.name = name;
      seatState.occupants.push(o);
      this.seatFilled(seat);
    }
    return member;
  }

  /** The connection was lost; the member may come back. */
  drop(sessionId: string): Member | undefined {
    const m = this.members.get(sessionId);
    if (!m) return undefined;
    m.connected = false;
    this.setOccupant(m.seat, sessionId, (o) => (o.connected = false));
    this.seatEmptied(m.seat);
    return m;
  }

  reconnect(sessionId: string): Member | undefined {
    const m = this.members.get(sessionId);
    if (!m) return undefined;
    m.connected = true;
    this.setOccupant(m.seat, sessionId, (o) => (o.connected = true));
    this.seatFilled(m.seat);
    return m;
  }

  /** The member is gone for good. */
  leave(sessionId: string): Member | undefined {
    const m = this.members.get(sessionId);
    if (!m) return undefined;
    this.members.delete(sessionId);
    const seatState = this.state.seats.get(m.seat);
    if (seatState) {
      const i = seatState.occupants.findIndex((o) => o.sessionId === sessionId);
      if (i >= 0) seatState.occupants.splice(i, 1);
    }
    this.seatEmptied(m.seat);
    return m;
  }

  connectedIn(seat: Seat): boolean {
    for (const m of this.members.values()) if (m.seat === seat && m.connected) return true;
    return false;
  }

  /** Connected facilitators and spectators. */
  watchers(): { facilitators: number; spectators: number } {
    let facilitators = 0;
    let spectators = 0;
    for (const m of this.members.values()) {
      if (!m.connected) continue;
      if (m.seat === 'facilitator') facilitators++;
      if (m.seat === 'spectator') spectators++;
    }
    return { facilitators, spectators };
  }

  /** Start the grace countdown of a human seat nobody is connected to. */
  seatEmptied(seat: Seat): void {
    const s = seat as PlayingSeat;
    const match = this.o.match();
    if (!this.state.seats.has(s) || match.seats[s]?.controller === 'bot' || match.ended || this.connectedIn(s) || this.vacancy.has(s) || this.vacated.has(s)) return;
    const timer = setTimeout(
      () =>
        this.o.safely(() => {
          this.vacancy.delete(s);
          if (this.connectedIn(s) || this.o.match().ended) return;
          this.vacated.add(s);
          this.o.onVacated(s);
        }),
      this.o.graceMs,
    );
    this.vacancy.set(s, timer);
  }

  private seatFilled(seat: Seat): void {
    const s = seat as PlayingSeat;
    clearTimeout(this.vacancy.get(s));
    this.vacancy.delete(s);
    if (this.vacated.delete(s)) this.o.onReturned(s);
  }

  private setOccupant(seat: Seat, sessionId: string, f: (o: Occupant) => void): void {
    const o = this.state.seats.get(seat)?.occupants.find((x) => x.sessionId === sessionId);
    if (o) f(o);
  }

  /** Stop every grace countdown (the room is going away). */
  clear(): void {
    for (const t of this.vacancy.values()) clearTimeout(t);
    this.vacancy.clear();
  }
}
