// What the server keeps of a match and shows as it is kept: the chat, the stored log, the clock,
// the match's record (GET /api/matches/:id, the exports) and the facilitator's log. The store
// (server/store/) writes these shapes; the token hash never leaves it.
import type { LogEntry, MatchEvent, RoundMeters, Seat, SeatConfig } from '../engine/types.js';
import type { Phase } from '../scenario/schema.js';

/** `chat` (§5): one message on one channel. */
export interface ChatMessage {
  id: number;
  channel: string;
  seat: Seat;
  name: string;
  text: string;
  at: number;
}

/** A scenario's text as JSON: English always, other languages by their code as they come. */
export type TextByLanguage = { en: string } & Partial<Record<string, string>>;

/** Seconds per phase. */
export type Timers = Record<Phase, number>;

/** The phase clock as it survives a restart. */
export interface ClockRecord {
  paused: boolean;
  /** Epoch ms when the running phase ends (0 while paused). */
  endsAt: number;
  /** Ms left while paused. */
  remaining: number;
}

/** A stored log entry or event, numbered in its match, with the time it was stored. */
export interface StoredEntry<T> {
  seq: number;
  at: number;
  entry: T;
}

export interface Participant {
  seat: Seat;
  name: string;
  at: number;
}

/** A match as created. */
export interface MatchBasics {
  id: string;
  code: string;
  scenario: string;
  name: string;
  seed: number;
  seats: SeatConfig;
  timers: Timers;
  createdAt: number;
  /** Shown in the public list of open matches (casual play); class matches are not. */
  listed?: boolean;
  /** Free and bot-played seats may be taken without their key (casual play); class matches are not open. */
  open?: boolean;
}

/** Where a match stands. */
export interface MatchStanding {
  round: number;
  phase: Phase;
  ended: string | null;
  clock: ClockRecord | null;
}

/** What happened in a match. */
export interface MatchHistory {
  participants: Participant[];
  log: StoredEntry<LogEntry>[];
  events: StoredEntry<MatchEvent>[];
  rounds: RoundMeters[];
  chat: ChatMessage[];
}

/** The whole record of a match, as exported (`export.json`'s `match`). */
export type MatchExportRecord = MatchBasics & MatchStanding & MatchHistory;

/** One facilitator operation (create, control, inject, broadcast, seat, fork …), refused ones too. */
export interface FacilitatorLogEntry {
  id: number;
  sessionId: string;
  matchId: string | null;
  at: number;
  op: string;
  detail: Record<string, unknown>;
  ok: boolean;
  reason?: string;
}
