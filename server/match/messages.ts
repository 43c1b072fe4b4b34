// Client messages (docs/protocol.md §4): each gets exactly one reply, `accepted` or `refused`,
// and a refused one changes nothing. Checks here are about the message; rules are the engine's.
import type { Client } from '@colyseus/core';
import type { Seat } from '../../shared/engine/index.js';
import { canRead, chatMessageSchema, checkChat } from './chat.js';
import type { ChatLog } from './chatLog.js';
import type { ChatMessage } from '../store/matchStore.js';
import { controlSchema, MAX_PAYLOAD, payloadSize, refOf, syncSchema, type Ref } from './guard.js';
import type { ControlOp, MatchPlay, Refusal } from './play.js';
import type { Member, Roster } from './seats.js';

/** What a handler may use of its room. */
export interface RoomContext {
  readonly matchId: string;
  readonly play: MatchPlay;
  readonly roster: Roster;
  readonly chat: ChatLog;
  readonly clients: Iterable<Client>;
  /** Store what changed; once stored, every client hears of it, then `then` runs (the reply). */
  commit(then?: () => void): void;
  /** Run `f` when what was written so far is stored, after the clients heard of it. */
  later(f: () => void): void;
  /** Send one client its seat's whole view and chat history (after what is already queued). */
  sendPrivate(client: Client, seat: Seat): void;
  /** A class session's clock rules (limits, facilitator log); absent outside a session. */
  readonly controlGuard?: ControlGuard | null;
}

export type Handler = (room: RoomContext, client: Client, payload: unknown) => void;
export type ControlGuard = (play: MatchPlay, op: ControlOp, seconds?: number) => Refusal | null;

export function refuse(client: Client, type: string, code: string, reason: string, ref: Ref): void {
  client.send('refused', { type: type.slice(0, 40), code, reason: reason.slice(0, 500), ref });
}

/** A handler that throws must not take the room down, nor leave the client without an answer. */
export function safely(matchId: string, f: () => void, client?: Client, type?: string, payload?: unknown): void {
  try {
    f();
  } catch (e) {
    console.error(`[match ${matchId}] ${type ?? 'timer'} failed`, e);
    if (client) refuse(client, type ?? 'message', 'internal', 'the server could not handle this message', refOf(payload));
  }
}

/** Rate and size checks common to every message; refuses and returns null when they fail. */
export function admit(room: RoomContext, client: Client, type: string, payload: unknown): Member | null {
  const m = room.roster.get(client.sessionId);
  if (!m) return null;
  if (!m.bucket.take(Date.now())) return refuse(client, type, 'rate_limited', 'too many messages; slow down', refOf(payload)), null;
  const size = payloadSize(payload);
  if (size === null) return refuse(client, type, 'bad_message', 'payload cannot be read', refOf(payload)), null;
  if (size > MAX_PAYLOAD) return refuse(client, type, 'too_large', `payload over ${MAX_PAYLOAD} bytes`, refOf(payload)), null;
  return m;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** `action`: an engine action from a playing seat or the facilitator. */
export const onAction: Handler = (room, client, payload) => {
  const m = admit(room, client, 'action', payload);
  if (!m) return;
  const ref = refOf(payload);
  if (!isObject(payload)) return refuse(client, 'action', 'bad_message', 'an action is an object with a type', ref);
  const { ref: _ref, ...action } = payload;
  const type = typeof action.type === 'string' ? action.type.slice(0, 40) : 'action';
  if (m.seat === 'spectator') return refuse(client, type, 'spectator', 'spectators cannot act', ref);
  const refused = room.play.act(m.seat, action);
  if (refused) return refuse(client, type, refused.code, refused.reason, ref);
  room.commit(() => client.send('accepted', { type, ref }));
};

/** `chat`: stored, then sent to every client that may read the channel. */
export const onChat: Handler = (room, client, payload) => {
  const m = admit(room, client, 'chat', payload);
  if (!m) return;
  const ref = refOf(payload);
  const parsed = chatMessageSchema.safeParse(payload);
  if (!parsed.success) return refuse(client, 'chat', 'bad_message', 'chat is {channel, text}', ref);
  const checked = checkChat(room.play.match.scenario, m.seat, parsed.data.channel, parsed.data.text);
  if ('code' in checked) return refuse(client, 'chat', checked.code, checked.reason, ref);
  const msg = room.chat.append(parsed.data.channel, m.seat, m.name, checked.text);
  room.later(() => {
    deliverChat(room, msg);
    client.send('accepted', { type: 'chat', ref });
  });
};

/** Send a stored chat message to every client that may read its channel. */
export function deliverChat(room: Pick<RoomContext, 'clients' | 'roster'>, msg: ChatMessage): void {
  for (const c of room.clients) {
    const to = room.roster.get(c.sessionId);
    if (to && canRead(to.seat, msg.channel)) c.send('chat', msg);
  }
}

/** `control`: the facilitator runs the phase clock. */
export const onControl: Handler = (room, client, payload) => {
  const m = admit(room, client, 'control', payload);
  if (!m) return;
  const ref = refOf(payload);
  if (m.seat !== 'facilitator') return refuse(client, 'control', 'not_facilitator', 'only the facilitator runs the clock', ref);
  const parsed = controlSchema.safeParse(payload);
  if (!parsed.success) return refuse(client, 'control', 'bad_message', parsed.error.issues.map((i) => `${i.path.join('.') || 'control'}: ${i.message}`).join('; '), ref);
  const { op, seconds } = parsed.data;
  const refused = room.controlGuard ? room.controlGuard(room.play, op, seconds) : room.play.control(op, seconds);
  if (refused) return refuse(client, 'control', refused.code, refused.reason, ref);
  room.commit(() => client.send('accepted', { type: `control.${op}`, ref }));
};

/** `sync`: resend the view and the chat history. */
export const onSync: Handler = (room, client, payload) => {
  const m = admit(room, client, 'sync', payload);
  if (!m) return;
  if (payload !== undefined && !syncSchema.safeParse(payload).success) return refuse(client, 'sync', 'bad_message', 'sync takes {ref?}', refOf(payload));
  room.sendPrivate(client, m.seat);
  room.later(() => client.send('accepted', { type: 'sync', ref: refOf(payload) }));
};

/** Any other message type. */
export function onUnknown(room: RoomContext, client: Client, type: string, payload: unknown): void {
  if (admit(room, client, type, payload)) refuse(client, type, 'bad_message', `unknown message type "${type}"`, refOf(payload));
}

/** Every message type the room answers, by name. */
export const handlers: Record<string, Handler> = { action: onAction, chat: onChat, control: onControl, sync: onSync };
