// The whole game over the personality grid of the base scenario: every Armenian personality
// against every Azerbaijani one, each under every mix of mediator personalities (384 cells), on
// seeds 1000..1004 of each cell unless GRID_SEED=n shifts them. One grid run, shared by every
// assertion; every figure is printed with its seeds.
import { beforeAll, describe, expect, it } from 'vitest';
import { personalitiesFor } from '../../shared/bots/index.js';
import { playGrid, summariseGrid, type GridGame, type GridSummary } from '../../shared/sim/grid.js';
import { scenario } from './helpers.js';

const first = Number(process.env.GRID_SEED ?? 1000);
const PER_CELL = 5;
const seeds = `seeds ${first}..${first + PER_CELL - 1} of each of the grid's cells`;
let games: GridGame[] = [];
let sum: GridSummary;
beforeAll(() => {
  games = playGrid(scenario, first, PER_CELL);
  sum = summariseGrid(scenario, games);
}, 300_000);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const report = (what: string, figures: Record<string, string | number>) =>
  console.log(`[grid] ${scenario.id} ${what} | ${games.length} games, ${seeds} | ${Object.entries(figures).map(([k, v]) => `${k}=${v}`).join(' ')}`);

describe(`the personality grid of ${scenario.id}`, () => {
  it('every ending occurs in at least 2% of games', () => {
    report('endings', Object.fromEntries(Object.entries(sum.endings).map(([k, v]) => [k, pct(v)])));
    for (const kind of ['settlement', 'war', 'capitulation', 'rounds']) expect(sum.endings[kind] ?? 0, kind).toBeGreaterThanOrEqual(0.02);
  });

  it('every objective is met in between 5% and 95% of games', () => {
    for (const [seat, rates] of Object.entries(sum.objectives)) {
      report(`objectives of ${seat}`, Object.fromEntries(Object.entries(rates!).map(([k, v]) => [k, pct(v)])));
      for (const [id, rate] of Object.entries(rates!)) {
        expect(rate, `${seat} ${id}`).toBeGreaterThanOrEqual(0.05);
        expect(rate, `${seat} ${id}`).toBeLessThanOrEqual(0.95);
      }
    }
  });

  it("each seat's mean share of its objective points lies within 45–70%", () => {
    report('mean share of objective points', Object.fromEntries(Object.entries(sum.seatShare).map(([k, v]) => [k, pct(v!)])));
    for (const [seat, share] of Object.entries(sum.seatShare)) {
      expect(share, seat).toBeGreaterThanOrEqual(0.45);
      expect(share, seat).toBeLessThanOrEqual(0.7);
    }
  });

  it('with the same personality on both mediator seats, each mediator brokers 35–65% of the deals brokered', () => {
    const same = sum.sameMediators!;
    const brokered = Object.values(same.by).reduce((a, b) => a + b!, 0);
    report('deals with the same personality on both mediator seats', { deals: same.deals, brokered, ...Object.fromEntries(Object.entries(same.by).map(([k, v]) => [k, v!])) });
    expect(brokered).toBeGreaterThanOrEqual(40);
    for (const [mediator, n] of Object.entries(same.by)) {
      expect(n! / brokered, mediator).toBeGreaterThanOrEqual(0.35);
      expect(n! / brokered, mediator).toBeLessThanOrEqual(0.65);
    }
  });

  it('no Armenian or Azerbaijani policy is best against every opponent', () => {
    for (const [party, table] of Object.entries(sum.bestAgainst)) {
      report(`best ${party} policy against each opponent`, Object.fromEntries(Object.entries(table).map(([p, opps]) => [p, opps.join(',') || '-'])));
      const other = party === 'armenia' ? 'azerbaijan' : 'armenia';
      for (const [policy, opponents] of Object.entries(table)) expect(opponents.length, `${party} ${policy}`).toBeLessThan(personalitiesFor(other).length);
    }
  });
});
