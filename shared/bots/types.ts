import type { PlayingSeat, Scenario } from '../scenario/schema.js';
import type { SeatView } from '../engine/view.js';

/** Everything a bot may use: its own seat's view, the public scenario, and its own random stream. */
export interface BotContext {
  seat: PlayingSeat;
  view: SeatView;
  scenario: Scenario;
  rand: () => number;
  /** Work done once in this decision (pressure.ts `once`), kept with it and gone with it. */
  memo?: Map<unknown, unknown>;
}
