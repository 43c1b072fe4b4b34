// The chat of one match: written with the room's turn, the last messages kept for late joiners.
import type { Seat } from '../../shared/engine/index.js';
import { canRead } from './chat.js';
import type { ChatMessage } from '../../shared/protocol/index.js';
import { NONE, takeAll } from './none.js';

const CHAT_KEPT = 500;

export class ChatLog {
  private kept: ChatMessage[];
  private nextId: number;
  /** Said since the last write was made: for the next one. */
  private unsent: ChatMessage[] = [];
  /** In the write under way. */
  private sending: ChatMessage[] = NONE as never[];

  constructor(stored: ChatMessage[]) {
    this.kept = stored.slice(-CHAT_KEPT);
    this.nextId = (stored.at(-1)?.id ?? 0) + 1;
  }

  /** A checked message, for the room's next write; returns the message as sent to readers. */
  append(channel: string, seat: Seat, name: string, text: string): ChatMessage {
    const msg: ChatMessage = { id: this.nextId++, channel, seat, name, text, at: Date.now() };
    this.unsent.push(msg);
    this.kept.push(msg);
    if (this.kept.length > CHAT_KEPT) this.kept.splice(0, this.kept.length - CHAT_KEPT);
    return msg;
  }

  /** The messages for the write being made. */
  take(): ChatMessage[] {
    return (this.sending = takeAll(this.unsent));
  }

  written(): void {
    this.sending = NONE as never[];
  }

  /** The write was lost: its messages were never said (their ids are given again). */
  lost(): void {
    if (!this.sending.length) return;
    const gone = new Set(this.sending);
    this.kept = this.kept.filter((m) => !gone.has(m));
    this.nextId = this.sending[0].id;
    this.sending = NONE as never[];
  }

  /** The kept messages `seat` may read, oldest first. */
  readableBy(seat: Seat): ChatMessage[] {
    return this.kept.filter((c) => canRead(seat, c.channel));
  }
}
