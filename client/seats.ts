// The seat list for the lobby, without pulling the scenario schema (and zod) into the first load.
// test/client/seats.test.ts checks it against shared/scenario/schema.ts.
import type { PlayingSeat } from '../shared/scenario/schema.js';

export const PLAYING_SEATS = ['armenia', 'azerbaijan', 'russia', 'eu'] as const satisfies readonly PlayingSeat[];

/** The seats a scenario has: both parties and its mediators (all four until the scenario is known). */
export const seatsOf = (scenario: { mediators: readonly string[] } | undefined): PlayingSeat[] =>
  PLAYING_SEATS.filter((s) => s === 'armenia' || s === 'azerbaijan' || !scenario || scenario.mediators.includes(s));
