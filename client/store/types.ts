// What the client keeps: the server's word (synced room state, seat view, chat) plus UI-only state.
import type { SeatView } from '../../shared/engine/view.js';
import type { Phase, PlayingSeat } from '../../shared/scenario/schema.js';
import type { Seat } from '../../shared/engine/types.js';

export type Screen = 'home' | 'lobby' | 'briefing' | 'play' | 'debrief';
export type Connection = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';

/** GET /api/join/:code (docs/protocol.md §1). */
export interface JoinInfo {
  matchId: string;
  roomId: string;
  code: string;
  scenario: string;
  ended: boolean;
  seats: Partial<Record<PlayingSeat, { controller: 'human' | 'bot' }>>;
}

export interface Occupant {
  sessionId: string;
  name: string;
  connected: boolean;
}

export interface SeatState {
  controller: 'human' | 'bot';
  botPlaying: boolean;
  done: boolean;
  occupants: Occupant[];
}

/** The public synced state of the room (docs/protocol.md §3), as plain data. */
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
  ended: string;
  directChannel: boolean;
  seats: Partial<Record<PlayingSeat, SeatState>>;
  facilitators: number;
  spectators: number;
}

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
  reason?: string;
  at: number;
}

export interface ChatMessage {
  id: number;
  channel: string;
  seat: Seat;
  name: string;
  text: string;
  at: number;
}

export interface Notice {
  key: string;
  params: Record<string, string | number>;
  at: number;
}

export interface RoundReport {
  round: number;
  before: SeatView;
  after: SeatView;
}

export type { SeatView };
