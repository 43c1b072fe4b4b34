// Where class sessions live: the session, its rooms (forks included), the facilitator's log and
// uploaded scenarios. Its own small interface beside MatchStore, on the same database (each
// backend implements both: sqlite/, postgres/).
import type { FacilitatorLogEntry, Limits, Timers } from '../../shared/protocol/index.js';
import type { MatchStore } from './matchStore.js';

export interface SessionRow {
  id: string;
  name: string;
  scenario: string;
  seed: number;
  timers: Timers;
  limits: Limits;
  tokenHash: string;
  /** The facilitator token sealed with the passphrase (see sessions.ts), or null. */
  passphrase: string | null;
  createdAt: number;
}

export interface SessionRoom {
  sessionId: string;
  matchId: string;
  code: string;
  position: number;
  label: string;
  forkOf: { matchId: string; round: number; logLength: number } | null;
  createdAt: number;
}

export type NewLogEntry = Omit<FacilitatorLogEntry, 'id'> & { amount?: number };

export interface UploadedScenarioRow {
  id: string;
  originalId: string;
  body: string;
  createdAt: number;
  /** The class session that uses it; null until one does (then it may be dropped, see dropUnclaimedScenarios). */
  sessionId: string | null;
}

/** Accepted pauses and extension seconds of one room. */
export interface Usage {
  pauses: number;
  extensionSeconds: number;
}

export interface SessionStore {
  createSession(s: SessionRow): Promise<void>;
  readSession(id: string): Promise<SessionRow | null>;
  addRoom(r: SessionRoom): Promise<void>;
  rooms(sessionId: string): Promise<SessionRoom[]>;
  roomOf(matchId: string): Promise<SessionRoom | null>;
  log(row: NewLogEntry): Promise<FacilitatorLogEntry>;
  readLog(sessionId: string, matchId?: string): Promise<FacilitatorLogEntry[]>;
  /** Accepted pauses and extension seconds per room of a session. */
  usage(sessionId: string): Promise<Map<string, Usage>>;
  saveScenario(s: UploadedScenarioRow): Promise<void>;
  readScenario(id: string): Promise<UploadedScenarioRow | null>;
  /** The first session created with an uploaded scenario owns it. */
  claimScenario(id: string, sessionId: string): Promise<void>;
  /** Forget uploads no session took, stored before `before`; their ids. */
  dropUnclaimedScenarios(before: number): Promise<string[]>;
  /** Bytes of the uploads no session has taken yet. */
  unclaimedScenarioBytes(): Promise<number>;
  /** Entries in a match's action log. */
  logLength(matchId: string): Promise<number>;
}

/** Both stores on one database, as each backend provides them. */
export interface Store extends MatchStore, SessionStore {}
