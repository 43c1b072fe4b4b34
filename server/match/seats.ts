// Who sits where: joining (seat keys, open seats, names, the watchers' limits), team seats, drops
// and returns, and seats left empty long enough for a bot to play them. The synced state's
// `occupants` are projected from here when the room publishes (publish.ts), never written here:
// a state changed between patches would reach a client that joins meanwhile twice (in its full
// state, then in the next patch).
import { ServerError } from '@colyseus/core';
import { playingSeats, type Match, type Seat } from '../../shared/engine/index.js';
import { joinOptions, sameName, type JoinOptions, type JoinRefusalCode } from '../../shared/protocol/index.js';
import type { PlayingSeat } from '../../shared/scenario/schema.js';
import { tokenMatches } from '../store/ids.js';
import type { SeatKeyHashes } from '../store/matchStore.js';
import { Bucket, type RateLimit } from './guard.js';
import { seatKeyMatches } from './seatKeys.js';

/** Clients one playing seat may hold (a team). */
const MAX_TEAM = 8;

/** The name bots speak under at the table: no person may take it. */
export const BOT_NAME = 'Bot';

/** Who may enter which seat of a match. */
export interface SeatAccess {
  tokenHash: string;
  /** Seat key hashes; a renewed key replaces its seat's. A match stored before seat keys has none: its seats are open. */
  keys: SeatKeyHashes;
  /** Created open (casual play): a free seat, or one a bot plays, needs no key. */
  open: boolean;
}

/** Watchers one room takes: spectators in all, and spectators from one client address. */
export interface WatcherLimits {
  spectators: number;
  spectatorsPerAddress: number;
}
export const WATCHER_LIMITS: WatcherLimits = { spectators: 50, spectatorsPerAddress: 5 };

export interface Member {
  seat: Seat;
  name: string;
  connected: boolean;
  bucket: Bucket;
  /** The client's address (for the watchers' limits). */
  address: string;
  /** The id the client keeps for this match: the same person joining again replaces this member. */
  member?: string;
}

/** A member as the synced state shows them in their seat. */
export interface Seated {
  sessionId: string;
  name: string;
  connected: boolean;
}

export interface RosterOptions {
  rate: RateLimit;
  access: SeatAccess;
  watchers?: WatcherLimits;
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
  /** Counts changes to who is in which seat, their names and connections: the room projects them only after one. */
  private changes = 0;

  constructor(private o: RosterOptions) {}

  get version(): number {
    return this.changes;
  }

  get size(): number {
    return this.members.size;
  }

  get(sessionId: string): Member | undefined {
    return this.members.get(sessionId);
  }

  /**
   * Checks join options against who sits where; throws the join refusal the SDK shows
   * (docs/protocol.md §2). A playing seat takes its key; in an open match, a free seat or one a
   * bot plays takes none. Nobody else in the seat may carry the same name.
   */
  authorize(raw: unknown, address: string): JoinOptions {
    const parsed = joinOptions.safeParse(raw);
    if (!parsed.success) throw joinError('bad_join', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const { seat, token, key } = parsed.data;
    const { access } = this.o;
    if (seat === 'facilitator') {
      if (!tokenMatches(token, access.tokenHash)) throw joinError('bad_token', 'the facilitator seat needs the match token');
      return parsed.data;
    }
    if (seat === 'spectator') {
      const limits = this.o.watchers ?? WATCHER_LIMITS;
      const watching = [...this.members.values()].filter((m) => m.seat === 'spectator');
      if (watching.length >= limits.spectators) throw joinError('too_many', `this room already has ${limits.spectators} spectators`);
      if (watching.filter((m) => m.address === address).length >= limits.spectatorsPerAddress) throw joinError('too_many', `${limits.spectatorsPerAddress} spectators from one address at most`);
      return parsed.data;
    }
    if (!playingSeats(this.o.match().scenario).includes(seat)) throw joinError('wrong_seat', `${seat} is not a seat in this scenario`);
    if (key) {
      if (!seatKeyMatches(key, access.keys, seat)) throw joinError('bad_key', `that is not the key of ${seat}`);
    }
    const replaced = new Set(this.sameMember(seat, parsed.data.member));
    if (!key && !this.takesNoKey(seat, replaced)) throw joinError('needs_key', `${seat} is entered with its seat key (the link or QR code on the join sheet)`);
    const team = [...this.members].filter(([id, m]) => m.seat === seat && !replaced.has(id));
    if (team.length >= MAX_TEAM) throw joinError('seat_full', `${seat} already has ${MAX_TEAM} players`);
    const name = sameName(parsed.data.name);
    if (name === sameName(BOT_NAME) || team.some(([, m]) => sameName(m.name) === name)) throw joinError('name_taken', `someone in ${seat} is already called "${parsed.data.name}"; choose another name`);
    return parsed.data;
  }

  /**
   * A seat anyone with the code may take: the match is open (or has no keys) and a bot plays the
   * seat or nobody holds it (but the same person, who is about to be `replaced`).
   */
  private takesNoKey(seat: PlayingSeat, replaced: Set<string>): boolean {
    const { access } = this.o;
    if (!access.open && Object.keys(access.keys).length > 0) return false;
    return this.o.match().seats[seat]?.controller === 'bot' || ![...this.members].some(([id, m]) => m.seat === seat && !replaced.has(id));
  }

  /** Members of `seat` that are the same person as `member` (another tab, an older connection). */
  sameMember(seat: Seat, member: string | undefined): string[] {
    if (!member) return [];
    return [...this.members].filter(([, m]) => m.seat === seat && m.member === member).map(([id]) => id);
  }

  /** Members of `seat` called `name` (as names compare). */
  named(seat: Seat, name: string): string[] {
    const key = sameName(name);
    return [...this.members].filter(([, m]) => m.seat === seat && sameName(m.name) === key).map(([id]) => id);
  }

  join(sessionId: string, o: Pick<JoinOptions, 'seat' | 'name' | 'member'>, address: string): Member {
    const { seat, name } = o;
    const member: Member = { seat, name, connected: true, bucket: new Bucket(this.o.rate, Date.now()), address, ...(o.member ? { member: o.member } : {}) };
    this.members.set(sessionId, member);
    this.changes++;
    if (this.playing(seat)) this.seatFilled(seat);
    return member;
  }

  /** The connection was lost; the member may come back. */
  drop(sessionId: string): Member | undefined {
    const m = this.members.get(sessionId);
    if (!m) return undefined;
    m.connected = false;
    this.changes++;
    this.seatEmptied(m.seat);
    return m;
  }

  reconnect(sessionId: string): Member | undefined {
    const m = this.members.get(sessionId);
    if (!m) return undefined;
    m.connected = true;
    this.changes++;
    this.seatFilled(m.seat);
    return m;
  }

  /** The member is gone for good. */
  leave(sessionId: string): Member | undefined {
    const m = this.members.get(sessionId);
    if (!m) return undefined;
    this.members.delete(sessionId);
    this.changes++;
    this.seatEmptied(m.seat);
    return m;
  }

  /** Who is in each seat, in the order they came. */
  bySeat(): Map<Seat, Seated[]> {
    const out = new Map<Seat, Seated[]>();
    for (const [sessionId, m] of this.members) {
      const list = out.get(m.seat) ?? out.set(m.seat, []).get(m.seat)!;
      list.push({ sessionId, name: m.name, connected: m.connected });
    }
    return out;
  }

  private playing(seat: Seat): seat is PlayingSeat {
    return (playingSeats(this.o.match().scenario) as Seat[]).includes(seat);
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
    if (!this.playing(s) || match.seats[s]?.controller === 'bot' || match.ended || this.connectedIn(s) || this.vacancy.has(s) || this.vacated.has(s)) return;
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

  /** Stop every grace countdown (the room is going away). */
  clear(): void {
    for (const t of this.vacancy.values()) clearTimeout(t);
    this.vacancy.clear();
  }
}
