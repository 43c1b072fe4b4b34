// The class debrief's charts: one series per room, in colours and dashes that stay apart in print.
import type { RoomDebrief } from '../net/facilitator.js';
import type { Series } from '../ui/debrief/Chart.js';

// Okabe–Ito colours and dashes, so rooms stay apart in black-and-white print too.
export const ROOM_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#999933'];
const ROOM_DASHES: (number[] | undefined)[] = [undefined, [8, 4], [2, 3], [10, 3, 2, 3], [4, 4], [1, 2], [12, 6], [6, 2]];

/** One series per room over the union of rounds; a room's missing rounds are gaps. */
export function chartData(rooms: RoomDebrief[], name: (label: string) => string = (l) => l) {
  const all = [...new Set(rooms.flatMap((r) => r.rounds.map((m) => m.round)))].filter((x) => x >= 0).sort((a, b) => a - b);
  const series = (pick: (m: RoomDebrief['rounds'][number]) => number): Series[] =>
    rooms.map((r, i) => ({
      label: name(r.label),
      colour: ROOM_COLOURS[i % ROOM_COLOURS.length],
      dash: ROOM_DASHES[i % ROOM_DASHES.length],
      values: all.map((round) => {
        const m = r.rounds.find((x) => x.round === round);
        return m ? pick(m) : null;
      }),
    }));
  return {
    rounds: all,
    ratio: series((m) => m.ratio),
    escalation: series((m) => m.escalation),
    stability: series((m) => m.stability),
    // Both parties' domestic support, each its own chart: equal care for both sides.
    supportArmenia: series((m) => m.support.armenia),
    supportAzerbaijan: series((m) => m.support.azerbaijan),
  };
}
