// The HTTP API of matches (docs/protocol.md §1): request bodies (zod) and answers.
import { z } from 'zod';
import type { SeatScore } from '../engine/score.js';
import type { Controller, LogEntry, MatchEvent, RoundMeters, SeatConfig } from '../engine/types.js';
import { PHASES, PLAYING_SEATS, type Mediator, type Phase, type PlayingSeat } from '../scenario/schema.js';
import type { BotRun } from '../sim/botRun.js';
import type { ChatMessage, Participant, StoredEntry, TextByLanguage, Timers } from './records.js';

/** Every error answer: what went wrong and, for bad input, each problem as `path: message`. */
export interface ApiErrorBody {
  error: string;
  issues?: string[];
}

/** The longest phase: 30 days, for slow games. */
export const MAX_PHASE_SECONDS = 30 * 86_400;

const strategy = z.string().min(1).max(64).regex(/^[a-z0-9][a-z0-9-]*$/, 'a strategy id: lower-case letters, digits and dashes');
/** Who plays a seat: 'human', 'bot', or a bot with its strategy. */
export const seatChoice = z.union([
  z.enum(['human', 'bot']).transform((controller) => ({ controller })),
  z.object({ controller: z.enum(['human', 'bot']), strategy: strategy.optional() }).strict(),
]);
export const seatsChoice = z.partialRecord(z.enum(PLAYING_SEATS), seatChoice);
export type SeatChoice = z.input<typeof seatChoice>;
export type SeatsChoice = z.input<typeof seatsChoice>;
/** Seconds per phase; a phase left out keeps the scenario's. */
export const timersChoice = z.partialRecord(z.enum(PHASES), z.number().int().min(5).max(MAX_PHASE_SECONDS));

/** POST /api/matches. */
export const createMatchBody = z
  .object({
    scenario: z.string().max(64).default('august-2022'),
    seats: seatsChoice.default({}),
    timers: timersChoice.default({}),
    seed: z.number().int().min(0).max(2 ** 32 - 1).optional(),
    name: z.string().trim().max(80).default(''),
    /** Show it in the public list of open matches (casual play). */
    listed: z.boolean().default(false),
    /** Anyone with the code may take a free seat or one a bot plays, without its key (casual play). */
    open: z.boolean().default(false),
  })
  .strict();
export type CreateMatch = z.input<typeof createMatchBody>;

/** Each playing seat's key (docs/protocol.md §2): teammates share their seat's. */
export type SeatKeys = Partial<Record<PlayingSeat, string>>;

export interface CreatedMatch {
  matchId: string;
  code: string;
  /** Shown once: keep it to join as facilitator and to read the record before the end. */
  facilitatorToken: string;
  /** The seats' keys; the facilitator token shows them again (GET /api/matches/:id/keys). */
  seatKeys: SeatKeys;
}

/** GET /api/matches/:id/keys and POST /api/matches/:id/keys (a new key for one seat). */
export interface SeatKeysAnswer {
  matchId: string;
  keys: SeatKeys;
}
export const renewKeyBody = z.object({ seat: z.enum(PLAYING_SEATS) }).strict();

/** POST /api/matches/:id/remove: every participant of `seat` named `name` leaves the room. */
export const removeBody = z.object({ seat: z.enum(PLAYING_SEATS), name: z.string().min(1).max(200) }).strict();
export interface RemoveAnswer {
  matchId: string;
  removed: number;
}

/** Where phones reach this server: PARITY_PUBLIC_URL, the server's address on the local network, or the address the request came to. */
export interface JoinAddress {
  url: string;
  source: 'configured' | 'lan' | 'request';
}

/** GET /api/health. */
export interface Health {
  ok: true;
  rooms: number;
  uptime: number;
}

/** GET /api/scenarios: the shipped scenarios. */
export interface ScenarioSummary {
  id: string;
  title: TextByLanguage;
  rounds: number;
  mediators: Mediator[];
  directChannel: boolean;
  timers: Record<Phase, number>;
}

/** Who plays each seat, without the bots' strategies (those stay with the facilitator). */
export type SeatControllers = Partial<Record<PlayingSeat, { controller: Controller }>>;

/** GET /api/join/:code. */
export interface JoinInfo {
  matchId: string;
  /** The room to join: the same as matchId. */
  roomId: string;
  code: string;
  scenario: string;
  ended: boolean;
  /** Created open: a free seat, or one a bot plays, may be taken without its key. */
  open: boolean;
  seats: SeatControllers;
}

export interface MatchSummary {
  matchId: string;
  code: string;
  scenario: string;
  name: string;
  round: number;
  phase: Phase;
  ended: string | null;
  createdAt: number;
}

/** GET /api/matches: a publicly listed match anyone may join (a bot's seat included), newest first, at most 50. */
export interface OpenMatch extends MatchSummary {
  seats: Partial<Record<PlayingSeat, Controller>>;
}

/** GET /api/matches/:id without the token, before the end. */
export interface MatchInfo extends MatchSummary {
  seats: SeatControllers;
  timers: Timers;
  participants: Participant[];
}

/** GET /api/matches/:id with the facilitator token, or once the match has ended. */
export interface FullMatchInfo extends MatchInfo {
  seed: number;
  seatConfig: SeatConfig;
  log: StoredEntry<LogEntry>[];
  events: StoredEntry<MatchEvent>[];
  rounds: RoundMeters[];
  chat: ChatMessage[];
}

/** GET /api/matches/:id/debrief. */
export interface MatchDebrief {
  matchId: string;
  scenario: string;
  ended: string | null;
  round: number;
  phase: Phase;
  /** Every event with its number and time, private ones included. */
  timeline: (MatchEvent & { seq: number; at: number })[];
  rounds: RoundMeters[];
  /** Once the match has ended. */
  scores: SeatScore[] | null;
}

/** GET /api/matches/:id/botrun: the same scenario and seed played by bots in every seat. */
export type { BotRun };
