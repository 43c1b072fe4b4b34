// Client messages (docs/protocol.md §4): each gets exactly one reply, `accepted` or `refused`,
// and a refused one changes nothing. Checks here are about the message (size, rate, shape, who
// sent it); what it does is the room's (act, say, control), the same for the facilitator's console.
import type { Client } from '@colyseus/core';
import type { Seat } from '../../shared/engine/index.js';
import { CLIENT_MESSAGES, type ClientMessageType, type ControlOp, type Ref, type RoomRefusal, type ServerMessages } from '../../shared/protocol/index.js';
import { MAX_PAYLOAD, payloadSize, refOf } from './guard.js';
import type { Member, Roster } from './seats.js';

/** A client of a match room: what the room may send it is shared/protocol's ServerMessages. */
export type MatchClient = Client<{ messages: ServerMessages }>;

/** Where a class session's clock operation comes from: the console or the room's `control` message. */
export type ControlVia = 'console' | 'room';

/** What a handler may use of its room. */
export interface RoomContext {
  readonly roster: Roster;
  /** A seat's engine action; once stored and published, `then` runs (the reply). */
  act(seat: Seat, action: unknown, then?: () => void): RoomRefusal | null;
  /** A chat message from a member; once stored and delivered, `then` runs. */
  say(seat: Seat, name: string, channel: string, text: string, then?: () => void): RoomRefusal | null;
  /** A facilitator's clock operation (within a class session's limits). */
  control(op: ControlOp, seconds: number | undefined, via: ControlVia, then?: () => void): RoomRefusal | null;
  /** Run `f` when what was written so far is stored, after the clients heard of it. */
  later(f: () => void): void;
  /** Send one client its seat's whole view and chat history (after what is already queued). */
  sendPrivate(client: MatchClient, seat: Seat): void;
}

type Handler = (room: RoomContext, client: MatchClient, payload: unknown) => void;

export function refuse(client: MatchClient, type: string, code: RoomRefusal['code'], reason: string, ref: Ref, params?: RoomRefusal['params']): void {
  client.send('refused', { type: type.slice(0, 40), code, reason: reason.slice(0, 500), ref, ...(params ? { params } : {}) });
}

const accepted = (client: MatchClient, type: string, ref: Ref) => () => client.send('accepted', { type, ref });

/** A handler that throws must not take the room down, nor leave the client without an answer. */
export function safely(matchId: string, f: () => void, client?: MatchClient, type?: string, payload?: unknown): void {
  try {
    f();
  } catch (e) {
    console.error(`[match ${matchId}] ${type ?? 'timer'} failed`, e);
    if (client) refuse(client, type ?? 'message', 'internal', 'the server could not handle this message', refOf(payload));
  }
}

/** Rate and size checks common to every message; refuses and returns null when they fail. */
function admit(room: RoomContext, client: MatchClient, type: string, payload: unknown): Member | null {
  const m = room.roster.get(client.sessionId);
  if (!m) return null;
  if (!m.bucket.take(Date.now())) return refuse(client, type, 'rate_limited', 'too many messages; slow down', refOf(payload)), null;
  const size = payloadSize(payload);
  if (size === null) return refuse(client, type, 'bad_message', 'payload cannot be read', refOf(payload)), null;
  if (size > MAX_PAYLOAD) return refuse(client, type, 'too_large', `payload over ${MAX_PAYLOAD} bytes`, refOf(payload)), null;
  return m;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The handler of each client message type (shared/protocol's CLIENT_MESSAGES), by name. */
export const handlers: Record<ClientMessageType, Handler> = {
  /** An engine action from a playing seat or the facilitator: the engine checks its shape and rules. */
  action(room, client, payload) {
    const m = admit(room, client, 'action', payload);
    if (!m) return;
    const ref = refOf(payload);
    if (!isObject(payload)) return refuse(client, 'action', 'bad_message', 'an action is an object with a type', ref);
    const { ref: _ref, ...action } = payload;
    const type = typeof action.type === 'string' ? action.type.slice(0, 40) : 'action';
    if (m.seat === 'spectator') return refuse(client, type, 'spectator', 'spectators cannot act', ref);
    const refused = room.act(m.seat, action, accepted(client, type, ref));
    if (refused) refuse(client, type, refused.code, refused.reason, ref, refused.params);
  },

  /** Stored, then sent to every client that may read the channel. */
  chat(room, client, payload) {
    const m = admit(room, client, 'chat', payload);
    if (!m) return;
    const ref = refOf(payload);
    const parsed = CLIENT_MESSAGES.chat.safeParse(payload);
    if (!parsed.success) return refuse(client, 'chat', 'bad_message', 'chat is {channel, text}', ref);
    const refused = room.say(m.seat, m.name, parsed.data.channel, parsed.data.text, accepted(client, 'chat', ref));
    if (refused) refuse(client, 'chat', refused.code, refused.reason, ref);
  },

  /** The facilitator runs the phase clock. */
  control(room, client, payload) {
    const m = admit(room, client, 'control', payload);
    if (!m) return;
    const ref = refOf(payload);
    if (m.seat !== 'facilitator') return refuse(client, 'control', 'not_facilitator', 'only the facilitator runs the clock', ref);
    const parsed = CLIENT_MESSAGES.control.safeParse(payload);
    if (!parsed.success) return refuse(client, 'control', 'bad_message', parsed.error.issues.map((i) => `${i.path.join('.') || 'control'}: ${i.message}`).join('; '), ref);
    const { op, seconds } = parsed.data;
    const refused = room.control(op, seconds, 'room', accepted(client, `control.${op}`, ref));
    if (refused) refuse(client, 'control', refused.code, refused.reason, ref);
  },

  /** Resend the view and the chat history. */
  sync(room, client, payload) {
    const m = admit(room, client, 'sync', payload);
    if (!m) return;
    if (payload !== undefined && !CLIENT_MESSAGES.sync.safeParse(payload).success) return refuse(client, 'sync', 'bad_message', 'sync takes {ref?}', refOf(payload));
    room.sendPrivate(client, m.seat);
    room.later(accepted(client, 'sync', refOf(payload)));
  },
};

/** Any other message type. */
export function onUnknown(room: RoomContext, client: MatchClient, type: string, payload: unknown): void {
  if (admit(room, client, type, payload)) refuse(client, type, 'bad_message', `unknown message type "${type}"`, refOf(payload));
}
