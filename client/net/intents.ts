// What the interface may ask of the server. net/ implements it over Colyseus; tests use a fake.
import type { Action } from '../../shared/engine/actions.js';
import type { Seat } from '../../shared/engine/types.js';
import type { Phase, PlayingSeat } from '../../shared/scenario/schema.js';

/** GET /api/scenarios. */
/** Play-now opponents: readable personalities, or the search bot at two depths. */
export type Difficulty = 'relaxed' | 'challenging' | 'hard';
export const BOT_STRATEGY: Record<Difficulty, string | undefined> = { relaxed: undefined, challenging: 'search-easy', hard: 'search-normal' };
/** Play now runs on shorter timers than a class. */
export const PLAY_NOW_TIMER_SCALE = 0.5;

export interface ScenarioSummary {
  id: string;
  title: Record<string, string>;
  rounds: number;
  mediators: string[];
  directChannel: boolean;
  timers: Record<Phase, number>;
}

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

/** GET /api/matches/:id/debrief (docs/protocol.md §1). */
export interface DebriefData {
  matchId: string;
  scenario: string;
  ended: unknown;
  timeline: (import('../../shared/engine/types.js').MatchEvent & { at?: number })[];
  rounds: import('../../shared/engine/types.js').RoundMeters[];
  scores?: import('../../shared/engine/score.js').SeatScore[];
}

/** GET /api/matches: a publicly listed match anyone may join (a bot's seat included). */
export interface OpenMatch {
  matchId: string;
  code: string;
  scenario: string;
  name: string;
  round: number;
  phase: string;
  seats: Record<string, 'human' | 'bot'>;
}

/** GET /api/matches/:id/botrun: the same scenario and seed played by bots in every seat. */
export type BotRunData = import('../../shared/sim/botRun.js').BotRun;

export type ControlOp = 'pause' | 'resume' | 'extend' | 'advance' | 'end';

export interface Intents {
  listScenarios(): Promise<ScenarioSummary[]>;
  /** Matches their creators listed publicly, still running. */
  openMatches(): Promise<OpenMatch[]>;
  /** Create a match and take the creator's seat in it. */
  create(opts: CreateOptions): Promise<void>;
  /** Look a match up by its code; the lobby then offers its seats. */
  join(code: string, name: string): Promise<void>;
  takeSeat(seat: Seat): Promise<void>;
  /** Take one seat against bots of the chosen difficulty, with shorter timers. */
  playNow(seat: PlayingSeat, name: string, scenario: string, difficulty: Difficulty, listed?: boolean): Promise<void>;
  /** Send an engine action; resolves true when the server applied it. */
  act(action: Action, label: string): Promise<boolean>;
  chat(channel: string, text: string): Promise<boolean>;
  control(op: ControlOp, seconds?: number): Promise<boolean>;
  debrief(): Promise<DebriefData>;
  botRun(): Promise<BotRunData>;
  leave(): void;
}
