// What the client keeps: the server's word (synced room state, seat view, chat) plus UI-only state.
import type { SeatView } from '../../shared/engine/view.js';
import type { Seat } from '../../shared/engine/types.js';
import type { ChatMessage, JoinInfo, Notice as WireNotice, Occupant, RoomState, SeatState } from '../../shared/protocol/index.js';

export type Screen = 'home' | 'lobby' | 'briefing' | 'play' | 'debrief';
export type Connection = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';

export type { ChatMessage, JoinInfo, Occupant, RoomState, SeatState };

export interface Session {
  matchId: string;
  code: string;
  /** null while the player is still choosing a seat. */
  seat: Seat | null;
  name: string;
  sessionId?: string;
}

export type PendingStatus = 'pending' | 'accepted' | 'refused';
export interface Pending {
  id: number;
  /** Locale key of what was asked, e.g. actions.plan. */
  label: string;
  status: PendingStatus;
  code?: string;
  /** The server's reason, in English (for logs); the interface words it from `code` and `params`. */
  reason?: string;
  params?: Record<string, string | number>;
  at: number;
}

/** A server `notice`, with the time it arrived. */
export interface Notice extends Omit<WireNotice, 'key'> {
  key: string;
  at: number;
}

export interface RoundReport {
  round: number;
  before: SeatView;
  after: SeatView;
}

export type { SeatView };
