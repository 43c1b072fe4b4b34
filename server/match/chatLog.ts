// The chat of one match: stored as it is said, the last messages kept for late joiners.
import type { Seat } from '../../shared/engine/index.js';
import { canRead } from './chat.js';
import type { ChatMessage } from '../../shared/protocol/index.js';
import type { MatchStore } from '../store/matchStore.js';

const CHAT_KEPT = 500;

export class ChatLog {
  private kept: ChatMessage[];
  private nextId: number;

  constructor(
    private store: MatchStore,
    private matchId: string,
    stored: ChatMessage[],
  ) {
    this.kept = stored.slice(-CHAT_KEPT);
    this.nextId = (stored.at(-1)?.id ?? 0) + 1;
  }

  /** Store a checked message and keep it; returns the message as sent to readers. */
  append(channel: string, seat: Seat, name: string, text: string): ChatMessage {
    const msg: ChatMessage = { id: this.nextId++, channel, seat, name, text, at: Date.now() };
    this.store.appendChat(this.matchId, msg);
    this.kept.push(msg);
    if (this.kept.length > CHAT_KEPT) this.kept.splice(0, this.kept.length - CHAT_KEPT);
    return msg;
  }

  /** The kept messages `seat` may read, oldest first. */
  readableBy(seat: Seat): ChatMessage[] {
    return this.kept.filter((c) => canRead(seat, c.channel));
  }
}
