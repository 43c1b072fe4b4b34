// "What the model must show" (GAME.md), each checked over 200 seeded bot games.
// Seeds 1..200 unless FIDELITY_SEED=n shifts them; the figures are printed so a failure is readable.
import { describe, expect, it } from 'vitest';
import {
  coercionRate,
  demandRate,
  escalationSuccessRate,
  mean,
  meanLastingPeace,
  playMany,
  seedRange,
  settlementFigures,
  withBacking,
  type GameFigures,
} from '../../shared/sim/metrics.js';
import { scenario } from './helpers.js';

const first = Number(process.env.FIDELITY_SEED ?? 1);
const seeds = seedRange(first, 200);
const report = (claim: string, figures: Record<string, number | string>) =>
  console.log(`[fidelity] ${claim} | seeds ${first}..${first + 199} | ${Object.entries(figures).map(([k, v]) => `${k}=${typeof v === 'number' ? v.toFixed(3) : v}`).join(' ')}`);

const cache = new Map<string, GameFigures[]>();
const games = (armenia: string, backing = scenario.military.turkishBacking) => {
  const key = `${armenia}@${backing}`;
  if (!cache.has(key)) cache.set(key, playMany(withBacking(scenario, backing), seeds, { armenia }));
  return cache.get(key)!;
};

describe('fidelity: what the model must show', () => {
  it('if Armenia only concedes, demands keep coming (the circle)', () => {
    const g = games('concede');
    const early = demandRate(g, 1, 6);
    const late = demandRate(g, 7, 12);
    const settled = settlementFigures(g).count / g.length;
    const openEnded = g.filter((x) => x.demandsByRound.slice(6).some((n) => n > 0)).length / g.length;
    report('concede', { demandsPerRound1to6: early, demandsPerRound7to12: late, settledShare: settled, gamesWithDemandsAfterRound6: openEnded });
    expect(late).toBeGreaterThanOrEqual(early * 0.9);
    expect(late).toBeGreaterThan(0.6);
    expect(openEnded).toBeGreaterThan(0.75);
    expect(settled).toBeLessThan(0.25);
  });

  it('if Armenia only refuses without closing the gap, escalations mostly succeed', () => {
    const g = games('refuse');
    const e = escalationSuccessRate(g);
    report('refuse', { escalations: e.count, successRate: e.rate, endRatio: mean(g.map((x) => x.endRatio)) });
    expect(e.count).toBeGreaterThan(400);
    expect(e.rate).toBeGreaterThan(0.6);
  });

  it('if Armenia invests in drones, anti-drone defence and missiles: the gap narrows, coercion fails more, later deals last longer', () => {
    const invest = games('invest');
    const refuse = games('refuse');
    const concede = games('concede');
    const narrowed = invest.filter((x) => x.endRatio < x.startRatio * 0.85).length / invest.length;
    const cInvest = coercionRate(invest, 7);
    const cRefuse = coercionRate(refuse, 7);
    const sInvest = settlementFigures(invest);
    const sConcede = settlementFigures(concede);
    const early = invest.flatMap((x) => (x.settlement && x.settlement.round <= 6 ? [x.settlement.durability] : []));
    report('invest', {
      startRatio: mean(invest.map((x) => x.startRatio)),
      endRatio: mean(invest.map((x) => x.endRatio)),
      narrowedShare: narrowed,
      coercionRate7on: cInvest.rate,
      coercionRate7onRefuse: cRefuse.rate,
      settlements: sInvest.count,
      settlementRound: sInvest.round,
      durability: sInvest.durability,
      durabilityConcede: sConcede.durability,
      earlyInvestSettlements: early.length,
    });
    expect(narrowed).toBeGreaterThan(0.9);
    expect(cInvest.rate).toBeLessThan(cRefuse.rate - 0.2);
    expect(sInvest.count).toBeGreaterThan(20);
    expect(sInvest.round).toBeGreaterThan(6);
    // Conceding buys the default Baku no settlement at all now (it always has a further demand worth
    // more than a deal), so the durability of concede deals is undefined: compare what the deals
    // stand for, the lasting-peace score (a conceded calm scores little, see score.ts).
    expect(sConcede.count ? sInvest.durability - sConcede.durability : meanLastingPeace(invest) - meanLastingPeace(concede)).toBeGreaterThan(8);
  });

  it('a higher Turkish-backing factor weakens the effect of investment', () => {
    const low = games('invest');
    const high = games('invest', 1.45);
    const reachedClear = (g: GameFigures[]) => g.filter((x) => x.endRatio < 2).length / g.length;
    const figures = {
      endRatioLow: mean(low.map((x) => x.endRatio)),
      endRatioHigh: mean(high.map((x) => x.endRatio)),
      reachedClearLow: reachedClear(low),
      reachedClearHigh: reachedClear(high),
      coercion7onLow: coercionRate(low, 7).rate,
      coercion7onHigh: coercionRate(high, 7).rate,
      lastingPeaceLow: meanLastingPeace(low),
      lastingPeaceHigh: meanLastingPeace(high),
    };
    report('turkish backing 1.15 vs 1.45 (invest)', figures);
    expect(figures.endRatioHigh).toBeGreaterThan(figures.endRatioLow * 1.1);
    expect(figures.reachedClearHigh).toBeLessThan(figures.reachedClearLow - 0.2);
    expect(figures.coercion7onHigh).toBeGreaterThan(figures.coercion7onLow);
    expect(figures.lastingPeaceHigh).toBeLessThan(figures.lastingPeaceLow);
  });
});
