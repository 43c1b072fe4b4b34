// Where matches live between messages, restarts and processes. One small interface with two
// backends: SQLite (the embedded default, one process; sqlite/) and PostgreSQL (several
// processes, DATABASE_URL). Both pass the same tests (test/server/store.test.ts).
//
// The failure contract: a write resolves only once it is durable, and rejects with
// StoreUnavailable when it is not (nothing of it kept). A room tells its clients about a change
// only once its write resolved, and puts the match back when it rejected (match/publish.ts).
import type { LogEntry, MatchEvent, RoundMeters } from '../../shared/engine/index.js';
import type { ChatMessage, ClockRecord, MatchBasics, MatchHistory, MatchStanding, Participant } from '../../shared/protocol/index.js';
import type { Phase, PlayingSeat } from '../../shared/scenario/schema.js';
import { Trouble } from '../refusal.js';
import type { NewLogEntry } from './sessionStore.js';

/** Each seat's key as stored: its version (a renewed key has the next) and its hash (server/match/seatKeys.ts). */
export type SeatKeyHashes = Partial<Record<PlayingSeat, { v: number; hash: string }>>;

/** A match as created, with the hashes of its facilitator token and seat keys (which never leave the store). */
export interface NewMatch extends MatchBasics {
  tokenHash: string;
  seatKeys: SeatKeyHashes;
}

export interface MatchRow extends NewMatch, MatchStanding {}

export interface MatchRecord extends MatchRow, MatchHistory {}

/** Where a match stands, written with the progress that moved it. */
export interface Standing {
  round: number;
  phase: Phase;
  ended: string | null;
  clock: ClockRecord | null;
}

/**
 * One room's turn: everything it changed since its last durable write, committed at once with
 * the other rooms' turns. The log and events are given from `from` to their end: the stored ones
 * end there too (a write is idempotent, so a retried or repeated one leaves no gap and no extra).
 */
export interface MatchWrite {
  matchId: string;
  /** The process whose room holds the match; the write is refused when another holds it now. Null: no check (a fork's first write). */
  owner: string | null;
  at: number;
  log: { from: number; entries: LogEntry[] };
  events: { from: number; entries: MatchEvent[] };
  /**
   * The store may hold log entries or events past `from` + entries (an earlier write was reported
   * lost but may have been kept): cut them. False when the writer knows where the stored ones end
   * (SQLite then skips two statements a write).
   */
  cut: boolean;
  /** New round snapshots, or a rewritten last one. */
  rounds: RoundMeters[];
  standing: Standing | null;
  chat: ChatMessage[];
  participants: Participant[];
  /** Facilitator-log lines of this turn (a class session's clock operations). */
  facilitatorLog: NewLogEntry[];
}

/** An empty turn of a match, to fill in. */
export const emptyWrite = (matchId: string, owner: string | null, log = 0, events = 0): MatchWrite => ({
  matchId,
  owner,
  at: Date.now(),
  log: { from: log, entries: [] },
  events: { from: events, entries: [] },
  cut: true,
  rounds: [],
  standing: null,
  chat: [],
  participants: [],
  facilitatorLog: [],
});

/** The store could not keep a write or answer a read (locked, full, unreachable): nothing of it was kept. */
export class StoreUnavailable extends Trouble {
  constructor(readonly why: string) {
    super('unavailable', 'storage unavailable, try again');
  }
}

/** Another process's room holds the match now (its lease passed to it): this room must close. */
export class NotOwner extends StoreUnavailable {
  constructor(matchId: string) {
    super(`match ${matchId} is held by another process`);
  }
}

export interface MatchStore {
  createMatch(m: NewMatch): Promise<void>;
  findByCode(code: string): Promise<MatchRow | null>;
  readMatch(id: string): Promise<MatchRecord | null>;
  listMatches(limit?: number): Promise<MatchRow[]>;
  /** Unfinished matches their creators chose to list publicly, newest first. */
  listOpenMatches(limit?: number): Promise<MatchRow[]>;
  /** A seat's new key (written at once: the answer that shows it follows). */
  setSeatKey(id: string, seat: PlayingSeat, key: { v: number; hash: string }): Promise<void>;
  /** Commit a room's turn with every other turn queued now; resolves once durable. */
  write(w: MatchWrite): Promise<void>;
  /**
   * Take the match for `owner`'s room, and keep `owner` alive for `leaseMs` (as renewOwner): true
   * when nobody holds the match, `owner` already does, or its holder's heartbeat ran out (its
   * process died).
   */
  claim(matchId: string, owner: string, leaseMs: number): Promise<boolean>;
  /** `owner`'s heartbeat: every match it holds stays its own for `leaseMs` more (each process, every few seconds). */
  renewOwner(owner: string, leaseMs: number): Promise<void>;
  /** Let the match go (its room was put away). */
  release(matchId: string, owner: string): Promise<void>;
  /** Every lease, whoever holds it: for a single process starting on its own database. */
  releaseAll(): Promise<void>;
  /**
   * Claim, for `owner` (kept alive for `leaseMs`), up to `limit` unfinished matches whose phase
   * deadline fell due and that no live process holds; returns their ids. Each due match is claimed
   * by one process only.
   */
  claimDue(owner: string, now: number, leaseMs: number, limit: number): Promise<string[]>;
  close(): Promise<void>;
}

/** When a match wants waking: its running clock's deadline (null while paused, ended or unset). */
export const wakeAt = (s: Standing): number | null => (s.ended || !s.clock || s.clock.paused || s.clock.endsAt <= 0 ? null : s.clock.endsAt);

