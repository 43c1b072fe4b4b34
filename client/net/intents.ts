// What the interface may ask of the server. net/ implements it over Colyseus; tests use a fake.
import type { Action } from '../../shared/engine/actions.js';
import type { Seat } from '../../shared/engine/types.js';
import type { BotRun, ControlOp, MatchDebrief, OpenMatch, ScenarioSummary } from '../../shared/protocol/index.js';
import type { PlayingSeat } from '../../shared/scenario/schema.js';

export type { ControlOp, OpenMatch, ScenarioSummary };
/** GET /api/matches/:id/debrief. */
export type DebriefData = MatchDebrief;
/** GET /api/matches/:id/botrun: the same scenario and seed played by bots in every seat. */
export type BotRunData = BotRun;

/** Play-now opponents: readable personalities, or the search bot at two depths. */
export type Difficulty = 'relaxed' | 'challenging' | 'hard';
export const BOT_STRATEGY: Record<Difficulty, string | undefined> = { relaxed: undefined, challenging: 'search-easy', hard: 'search-normal' };
/** Play now runs on shorter timers than a class. */
export const PLAY_NOW_TIMER_SCALE = 0.5;

export interface CreateOptions {
  scenario: string;
  name: string;
  /** The creator's own seat: a playing seat, or facilitator. */
  seat: Seat;
  seats: Partial<Record<PlayingSeat, 'human' | 'bot'>>;
  /** Multiplies the scenario's phase timers. */
  timerScale: number;
  seed?: number;
}

/** A seat this browser held in a match that still runs: offered as "resume your match". */
export interface ResumableSeat {
  matchId: string;
  code: string;
  seat: Seat;
  name: string;
  /** When this browser last played it (ms). */
  at: number;
}

export interface Intents {
  listScenarios(): Promise<ScenarioSummary[]>;
  /** Matches their creators listed publicly, still running. */
  openMatches(): Promise<OpenMatch[]>;
  /** Create a match and take the creator's seat in it. */
  create(opts: CreateOptions): Promise<void>;
  /** Look a match up by its code; the lobby then offers its seats. */
  join(code: string, name: string): Promise<void>;
  /** Take a seat of the match looked up; `key` is the seat's key (a held seat, or a class's, needs it). */
  takeSeat(seat: Seat, key?: string): Promise<void>;
  /** Take one seat against bots of the chosen difficulty, with shorter timers. */
  playNow(seat: PlayingSeat, name: string, scenario: string, difficulty: Difficulty, listed?: boolean): Promise<void>;
  /** Send an engine action; resolves true when the server applied it. */
  act(action: Action, label: string): Promise<boolean>;
  chat(channel: string, text: string): Promise<boolean>;
  control(op: ControlOp, seconds?: number): Promise<boolean>;
  debrief(): Promise<DebriefData>;
  botRun(): Promise<BotRunData>;
  leave(): void;
  /** Seats this browser held in matches still running, newest first. */
  resumable(): Promise<ResumableSeat[]>;
  /** Take such a seat again (in this tab; another tab holding it lets go). */
  resumeMatch(matchId: string): Promise<void>;
  /** Stop offering a match to resume. */
  forget(matchId: string): void;
}
