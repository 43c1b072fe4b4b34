// The seat list for the lobby, without pulling the scenario schema (and zod) into the first load.
// test/client/seats.test.ts checks it against shared/scenario/schema.ts.
import type { PlayingSeat } from '../shared/scenario/schema.js';

export const PLAYING_SEATS = ['armenia', 'azerbaijan', 'russia', 'eu'] as const satisfies readonly PlayingSeat[];
