// The facilitator's HTTP API (docs/protocol.md §8): class sessions, the live overview, the console's
// operations on rooms, forks, timelines, the class debrief and the exports. Request bodies (zod)
// and answers.
import { z } from 'zod';
import type { Action } from '../engine/actions.js';
import type { Gap } from '../engine/military.js';
import type { SeatScore } from '../engine/score.js';
import type { Controller, Ending, Intel, MatchEvent, RoundMeters, SeatConfig, Seat, Settlement } from '../engine/types.js';
import { PLAYING_SEATS, textSchema, type Mediator, type Party, type Phase, type PlayingSeat } from '../scenario/schema.js';
import { MAX_PHASE_SECONDS, seatsChoice, timersChoice, type JoinAddress, type SeatKeys } from './matchApi.js';
import type { ChatMessage, FacilitatorLogEntry, MatchExportRecord, TextByLanguage } from './records.js';
import { CONTROL_OPS, extendSeconds, type RoomRefusal } from './room.js';
import { MAX_ROOMS } from './values.js';

export interface Limits {
  maxPauses: number;
  maxExtensionSeconds: number;
}


/** POST /api/sessions. */
export const createSessionBody = z
  .object({
    name: z.string().trim().min(1).max(80),
    scenario: z.string().min(1).max(80),
    rooms: z.number().int().min(1).max(MAX_ROOMS),
    /** One choice for every room, or one per room. */
    seats: z.union([seatsChoice, z.array(seatsChoice).min(1).max(MAX_ROOMS)]).optional(),
    timers: timersChoice.default({}),
    seed: z.number().int().min(0).max(2 ** 32 - 1).optional(),
    passphrase: z.string().min(8).max(200).optional(),
    limits: z
      .object({ maxPauses: z.number().int().min(0).max(1000).optional(), maxExtensionSeconds: z.number().int().min(0).max(MAX_PHASE_SECONDS).optional() })
      .strict()
      .default({}),
  })
  .strict();
export type CreateSession = z.input<typeof createSessionBody>;

/** POST /api/sessions/:id/token. */
export const tokenBody = z.object({ passphrase: z.string().min(1).max(200) }).strict();
export interface TokenAnswer {
  facilitatorToken: string;
}

/** The rooms an operation is for: a list of the session's match ids; absent or null, every room. */
const roomsField = z.array(z.string().min(1).max(64)).max(100).nullable().optional();

/** POST /api/sessions/:id/control. */
export const controlBody = z
  .object({ op: z.enum(CONTROL_OPS), seconds: extendSeconds.optional(), rooms: roomsField })
  .strict()
  .refine((b) => b.op !== 'extend' || b.seconds !== undefined, { message: 'extend needs seconds (1 … 604800)', path: ['seconds'] });

const text = (max: number) => z.union([z.string().trim().min(1).max(max).transform((en) => ({ en })), textSchema]);
/** A custom event's words; `effects` are checked by the engine's schema and against the scenario. */
const customEvent = z.object({ headline: text(200), text: text(2000), effects: z.unknown() }).strict();
export type CustomEvent = z.input<typeof customEvent>;
/** POST /api/sessions/:id/inject: `event` (a deck id) or `custom`. */
export const injectBody = z.object({ event: z.string().min(1).max(64).optional(), custom: customEvent.optional(), rooms: roomsField }).strict();

/** POST /api/sessions/:id/broadcast. */
export const broadcastBody = z.object({ text: z.string().max(20_000), name: z.string().trim().min(1).max(40).default('Facilitator'), rooms: roomsField }).strict();

/** POST /api/sessions/:id/seat. */
export const seatBody = z
  .object({ seat: z.enum(PLAYING_SEATS), controller: z.enum(['human', 'bot']), strategy: z.string().min(1).max(64).optional(), rooms: roomsField })
  .strict();

/** POST /api/sessions/:id/rooms/:matchId/fork. */
export const forkBody = z.object({ round: z.number().int().min(1).max(60), seats: seatsChoice.optional(), label: z.string().trim().min(1).max(60).optional() }).strict();

/** `?channels=` of a timeline: none, the table, or every channel. */
export const TIMELINE_CHANNELS = ['none', 'table', 'all'] as const;
export type TimelineChannels = (typeof TIMELINE_CHANNELS)[number];
/** `?kind=` of a CSV export. */
export const CSV_KINDS = ['meters', 'decisions'] as const;
export type CsvKind = (typeof CSV_KINDS)[number];


export interface RoomRef {
  matchId: string;
  code: string;
  /** 'Room 1' …, forks 'Room 2 · fork @3'. */
  label: string;
  forkOf: { matchId: string; round: number } | null;
}

export interface CreatedSession {
  sessionId: string;
  facilitatorToken: string;
  /** Each room with its seats' keys (the token shows them again: SessionInfo). */
  rooms: (RoomRef & { keys: SeatKeys })[];
}

/** GET /api/sessions/:id. */
export interface SessionInfo {
  sessionId: string;
  name: string;
  scenario: string;
  createdAt: number;
  seed: number;
  timers: Record<Phase, number>;
  limits: Limits;
  /** Whether a passphrase was set. */
  passphrase: boolean;
  /** Seats as created (the overview has the current ones), and each seat's key. */
  rooms: (RoomRef & { seats: SeatConfig; keys: SeatKeys; createdAt: number; ended: string | null })[];
  /** The address the join sheet's links and QR codes point to. */
  joinAddress: JoinAddress;
}

export interface SeatLive {
  controller: Controller;
  strategy?: string;
  /** A bot plays it now (bot seat, or a human seat left empty). */
  botPlaying: boolean;
  done: boolean;
  occupants: { name: string; connected: boolean }[];
}

/** Facts of a match, the same for a running room and a stored one. */
export interface MatchFacts {
  round: number;
  rounds: number;
  phase: Phase;
  /** Last round whose report was reached: rounds 1…reported can be forked. */
  reported: number;
  escalation: number;
  stability: number;
  /** The TRUE balance (Azerbaijan ÷ Armenia effective strength). */
  balance: { ratio: number; gap: Gap };
  signed: boolean;
  settlement: { round: number; durability: number; auspices: Mediator | null } | null;
  ended: { kind: Ending['kind']; round: number } | null;
}

/** A room's line in the overview, as the room (or its stored record) tells it. */
export interface RoomLine extends MatchFacts {
  /** The room runs on the server; false: not started yet or idle (its clock is held). */
  live: boolean;
  /** Ms left in the phase at the overview's `at` (0 when ended). */
  remaining: number;
  /** Epoch ms; 0 while paused, held or ended. */
  phaseEndsAt: number;
  paused: boolean;
  seats: Partial<Record<PlayingSeat, SeatLive>>;
  facilitators: number;
  spectators: number;
  /** Why the room cannot start: its record does not replay (fork it from its last good round). */
  damaged?: string;
  /** With `damaged`: the last round resolved before the damage, the one a fork can start from (none when no round was). */
  forkFrom?: number;
}

export interface RoomLive extends RoomRef, RoomLine {
  pausesUsed: number;
  extensionSecondsUsed: number;
}

/** GET /api/sessions/:id/overview. */
export interface Overview {
  sessionId: string;
  /** Server time of the answer (ms). */
  at: number;
  limits: Limits;
  rooms: RoomLive[];
}

/** One room's answer to a console operation: `unavailable` when the room could not be reached. */
export type RoomResult = { matchId: string; ok: true } | { matchId: string; ok: false; code: RoomRefusal['code'] | 'unavailable'; reason: string };
/** control, inject, broadcast, seat: 200 when a room accepted, 409 when every room refused. */
export interface RoomsResult {
  results: RoomResult[];
}

/** GET /api/sessions/:id/rooms/:matchId/chat. */
export interface RoomChat {
  matchId: string;
  channels: string[];
  messages: ChatMessage[];
}

export type EntryKind =
  | 'news'
  | 'plan'
  | 'demand'
  | 'response'
  | 'escalation'
  | 'proposal'
  | 'signature'
  | 'summit'
  | 'instrument'
  | 'capitulation'
  | 'inject'
  | 'seat'
  | 'resolution'
  | 'report'
  | 'phase'
  | 'ending'
  | 'facilitator';

/** What a playing seat knew just before a decision. */
export interface Knowledge {
  /** The seat's own estimate (its view). */
  balance: { low: number; high: number; gap: Gap; exact: boolean };
  /** The true ratio at that moment, for comparison. */
  truth: number;
  /** Parties: their latest estimate of the other side. */
  intel: Intel | null;
  escalation: number;
  stability: number;
  support?: number;
  standing?: number;
  budget?: number;
  openDemands: number;
  /** This round's news and intelligence the seat had seen. */
  news: { key: string; params: MatchEvent['params'] }[];
}

export interface TimelineEntry {
  at: number;
  round: number;
  phase: Phase;
  kind: EntryKind;
  /** Who decided; null for the rules (a phase change). */
  seat: Seat | null;
  /** The decision as sent (kinds from an action). */
  action?: Action;
  /** What it produced (every event, private ones included). */
  events: MatchEvent[];
  knew?: Knowledge;
  /** Kind 'facilitator': pause, resume, extend, advance, broadcast, fork. */
  facilitator?: { op: string; detail: Record<string, unknown> };
}

/** GET /api/sessions/:id/rooms/:matchId/timeline. */
export interface RoomTimeline {
  matchId: string;
  code: string;
  label: string;
  scenario: string;
  forkOf: RoomRef['forkOf'];
  ended: Ending | null;
  round: number;
  phase: Phase;
  entries: TimelineEntry[];
  /** Meters per round (true figures); round 0 is the start. */
  rounds: RoundMeters[];
  scores: SeatScore[];
  /** While the match runs. */
  provisional: boolean;
  /** With ?channels=table (the table) or all (every channel). */
  chat?: ChatMessage[];
}

/** How a room came out (so far, while it runs). */
export interface RoomOutcome {
  ended: Ending | null;
  round: number;
  phase: Phase;
  finalBalance: { ratio: number; gap: Gap };
  escalation: { final: number; max: number; attempts: Record<Party, number>; successes: Record<Party, number> };
  settlement: Settlement | null;
  lastingPeace: number;
  scores: SeatScore[];
  provisional: boolean;
  seats: SeatConfig;
}

export interface RoomDebrief extends RoomRef, RoomOutcome {
  rounds: RoundMeters[];
}

/** GET /api/sessions/:id/debrief: the rooms side by side, in room order (forks after their origin). */
export interface ClassDebrief {
  sessionId: string;
  name: string;
  scenario: string;
  rooms: RoomDebrief[];
  log: FacilitatorLogEntry[];
}

/** GET /api/matches/:id/export.json. */
export interface RoomExport {
  exportedAt: number;
  match: MatchExportRecord;
  timeline: RoomTimeline;
  session: { sessionId: string; name: string; label: string; forkOf: RoomRef['forkOf'] } | null;
  facilitatorLog: FacilitatorLogEntry[];
}

/** GET /api/sessions/:id/export.json. */
export interface ClassExport {
  exportedAt: number;
  session: SessionInfo;
  debrief: ClassDebrief;
  rooms: RoomExport[];
}

/** POST /api/scenarios. */
export interface UploadedScenario {
  id: string;
  originalId: string;
  title: TextByLanguage;
  rounds: number;
  mediators: Mediator[];
}
