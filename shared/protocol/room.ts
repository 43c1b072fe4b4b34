// The match room's messages (docs/protocol.md §2–§6): the join options, what a client sends (each
// with its zod payload) and what the room sends back. The room declares its handlers from
// CLIENT_MESSAGES; the client types what it sends and receives from the same names.
import { z } from 'zod';
import { actionSchema, type Action } from '../engine/actions.js';
import type { RefusalCode, RefusalParams, Seat } from '../engine/types.js';
import type { SeatView } from '../engine/view.js';
import type { Phase, PlayingSeat } from '../scenario/schema.js';
import type { ChatMessage } from './records.js';
import type { SeatBriefs } from './scenario.js';
import { cleanName } from './text.js';
import type { ViewUpdate } from './views.js';

/** Every seat a client may join as. */
export const JOIN_SEATS = ['armenia', 'azerbaijan', 'russia', 'eu', 'facilitator', 'spectator'] as const;

/** A seat key's letters: the join code's alphabet (no I, L, O, 0, 1), 20 of them (99 bits). */
export const SEAT_KEY_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const SEAT_KEY_LENGTH = 20;
/** A key as typed or scanned: upper case, without spaces or dashes. */
export const normaliseSeatKey = (key: string): string => key.toUpperCase().replace(/[^A-Z0-9]/g, '');
/** A key in groups of five, to read out or type. */
export const formatSeatKey = (key: string): string => normaliseSeatKey(key).replace(/(.{5})(?=.)/g, '$1-');

/**
 * `client.joinById(roomId, options)`: `token` is the facilitator token, needed for `facilitator`;
 * `key` the seat's key (docs/protocol.md §2); `member` a random id the client keeps for this match,
 * so that the same person in a second tab or after a restart replaces their older connection.
 */
export const joinOptions = z
  .object({
    seat: z.enum(JOIN_SEATS),
    name: z.string().max(200).transform(cleanName).pipe(z.string().min(1).max(40)),
    token: z.string().max(200).optional(),
    key: z.string().max(64).transform(normaliseSeatKey).optional(),
    member: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/).optional(),
    code: z.string().max(12).optional(),
  })
  .strict();
export type JoinOptions = z.infer<typeof joinOptions>;

/**
 * Why a join is refused: the SDK's MatchMakeError message starts with the code. `needs_key`: a held
 * seat, or any seat of a match that is not open, needs its key; `bad_key`: not this seat's key;
 * `name_taken`: someone else in the seat has this name; `too_many`: the room's or this address's
 * spectators are at their limit.
 */
export type JoinRefusalCode = 'bad_join' | 'wrong_seat' | 'bad_token' | 'seat_full' | 'needs_key' | 'bad_key' | 'name_taken' | 'too_many';

/** Close codes of a connection the room ends (the client should not join again by itself). */
export const LEAVE_CODES = {
  /** The facilitator removed this participant from the seat. */
  removed: 4403,
  /** The same person (same `member`) joined the seat again, from another tab or device. */
  elsewhere: 4409,
} as const;

/** Echoed in the reply, so the client can match answers to questions. */
export const refSchema = z.union([z.string().max(40), z.number().int()]).optional();
export type Ref = z.infer<typeof refSchema>;

export const CONTROL_OPS = ['pause', 'resume', 'extend', 'advance', 'end'] as const;
export type ControlOp = (typeof CONTROL_OPS)[number];
/** Seconds one `extend` may add to a phase. */
export const extendSeconds = z.number().int().min(1).max(604_800);

export const chatMessage = z.object({ channel: z.string().min(1).max(40), text: z.string().max(20_000), ref: refSchema }).strict();
export const controlMessage = z.object({ op: z.enum(CONTROL_OPS), seconds: extendSeconds.optional(), ref: refSchema }).strict();
export const syncMessage = z.object({ ref: refSchema }).strict();

/**
 * Client → server, by message type. `action` is an engine action plus `ref`: the engine checks it
 * (applyAction parses it with actionSchema and refuses a malformed one with `bad_action`).
 */
export const CLIENT_MESSAGES = {
  action: actionSchema,
  chat: chatMessage,
  control: controlMessage,
  sync: syncMessage,
} as const;
export type ClientMessageType = keyof typeof CLIENT_MESSAGES;
export interface ClientMessages {
  action: Action & { ref?: Ref };
  chat: z.input<typeof chatMessage>;
  control: z.input<typeof controlMessage>;
  sync: z.input<typeof syncMessage>;
}

/** Refusals the room itself gives (the engine's RefusalCode are the rest); `limit_reached` in a class session's rooms. */
export type RoomRefusalCode =
  | 'bad_message'
  | 'too_large'
  | 'rate_limited'
  | 'not_facilitator'
  | 'spectator'
  | 'unknown_channel'
  | 'not_in_channel'
  | 'channel_closed'
  | 'match_over'
  | 'bad_control'
  | 'limit_reached'
  | 'internal';

/** Why the room said no: its own codes or the engine's. */
export interface RoomRefusal {
  code: RoomRefusalCode | RefusalCode;
  /** In English, for logs; an interface says it from `code` and `params` (shared/engine's Refusal). */
  reason: string;
  params?: RefusalParams;
}

export interface Accepted {
  /** The message's type; for `control`, `control.<op>`. */
  type: string;
  ref?: Ref;
}
export interface Refused extends RoomRefusal {
  type: string;
  ref?: Ref;
}
/** `server.shutdown`; `seat.botPlaying` and `seat.humanBack` with `{seat}`; `seat.removed` and `seat.elsewhere` to the one who leaves. */
export interface Notice {
  key: 'server.shutdown' | 'seat.botPlaying' | 'seat.humanBack' | 'seat.removed' | 'seat.elsewhere';
  params: Record<string, string | number>;
}

/** Server → client, by message type. */
export interface ServerMessages {
  view: SeatView;
  viewUpdate: ViewUpdate;
  accepted: Accepted;
  refused: Refused;
  chat: ChatMessage;
  chatHistory: ChatMessage[];
  notice: Notice;
  /** Sent with every whole `view`: the briefing and objectives of the seats this client may read. */
  briefing: SeatBriefs;
}

/** The synced schema state (§3) as plain data: public facts only. */
export interface RoomState {
  code: string;
  scenarioId: string;
  matchId: string;
  round: number;
  rounds: number;
  phase: Phase;
  phaseEndsAt: number;
  paused: boolean;
  pausedRemaining: number;
  escalation: number;
  stability: number;
  /** '' while playing, else the ending's kind. */
  ended: string;
  directChannel: boolean;
  seats: Partial<Record<PlayingSeat, SeatState>>;
  facilitators: number;
  spectators: number;
}
export interface SeatState {
  controller: 'human' | 'bot';
  botPlaying: boolean;
  done: boolean;
  occupants: Occupant[];
}
export interface Occupant {
  sessionId: string;
  name: string;
  connected: boolean;
}

export type { Seat };
