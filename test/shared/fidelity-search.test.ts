// The fidelity claims again, with the search bot playing Azerbaijan (the side that coerces).
// 30 seeded games per arm; the search runs without its time cap so results are the same on any machine.
// The easy level: the same whole-match search with a smaller playout budget (normal would take
// about ten times as long here, 120 games).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_LEVELS } from '../../shared/bots/index.js';
import { coercionRate, demandRate, escalationSuccessRate, mean, meanLastingPeace, playMany, seedRange, settlementFigures, withBacking, type GameFigures } from '../../shared/sim/metrics.js';
import { scenario } from './helpers.js';

const first = Number(process.env.FIDELITY_SEED ?? 1);
// 30 games per arm: each uncapped search game costs about a second on 2 cores (the bots weigh more since the model issue).
const GAMES = 30;
const seeds = seedRange(first, GAMES);
const AZ = 'search-easy';
const cap = SEARCH_LEVELS.easy.timeMs;
beforeAll(() => {
  SEARCH_LEVELS.easy.timeMs = Number.POSITIVE_INFINITY;
});
afterAll(() => {
  SEARCH_LEVELS.easy.timeMs = cap;
});

const report = (claim: string, figures: Record<string, number>) =>
  console.log(`[fidelity/search] ${claim} | azerbaijan=${AZ} seeds ${first}..${first + GAMES - 1} | ${Object.entries(figures).map(([k, v]) => `${k}=${v.toFixed(3)}`).join(' ')}`);

const cache = new Map<string, GameFigures[]>();
const games = (armenia: string, backing = scenario.military.turkishBacking) => {
  const key = `${armenia}@${backing}`;
  if (!cache.has(key)) cache.set(key, playMany(withBacking(scenario, backing), seeds, { armenia, azerbaijan: AZ }));
  return cache.get(key)!;
};

describe('fidelity with the search bot as Azerbaijan', { timeout: 900_000 }, () => {
  it('if Armenia only concedes, demands keep coming: a strategic Baku presses on before it signs anything', () => {
    const g = games('concede');
    const early = demandRate(g, 1, 6);
    const late = demandRate(g, 7, 12);
    const beforeRound6 = g.filter((x) => x.settlement && x.settlement.round < 6).length / g.length;
    report('concede', { demandsPerRound1to6: early, demandsPerRound7to12: late, settledBeforeRound6: beforeRound6, settled: settlementFigures(g).count / g.length });
    expect(early).toBeGreaterThan(0.8);
    expect(late).toBeGreaterThan(0.7);
    expect(beforeRound6).toBeLessThan(0.2);
  });

  it('if Armenia only refuses without closing the gap, escalations mostly succeed', () => {
    const e = escalationSuccessRate(games('refuse'));
    report('refuse', { escalations: e.count, successRate: e.rate });
    expect(e.rate).toBeGreaterThan(0.6);
  });

  it('investing narrows the gap, coercion succeeds less often, and deals signed later last longer', () => {
    const invest = games('invest');
    const narrowed = invest.filter((x) => x.endRatio < x.startRatio * 0.85).length / invest.length;
    const cInvest = coercionRate(invest, 7).rate;
    const cRefuse = coercionRate(games('refuse'), 7).rate;
    const dInvest = settlementFigures(invest);
    const dConcede = settlementFigures(games('concede'));
    report('invest', { endRatio: mean(invest.map((x) => x.endRatio)), narrowedShare: narrowed, coercion7on: cInvest, coercion7onRefuse: cRefuse, settlements: dInvest.count, durability: dInvest.durability, durabilityConcede: dConcede.durability });
    expect(narrowed).toBeGreaterThan(0.8);
    expect(cInvest).toBeLessThan(cRefuse - 0.05);
    expect(dInvest.durability).toBeGreaterThan(dConcede.durability);
  });

  it('a higher Turkish-backing factor weakens that effect', () => {
    const low = games('invest');
    const high = games('invest', 1.45);
    const f = {
      endRatioLow: mean(low.map((x) => x.endRatio)),
      endRatioHigh: mean(high.map((x) => x.endRatio)),
      coercionLow: coercionRate(low, 7).rate,
      coercionHigh: coercionRate(high, 7).rate,
      lastingPeaceLow: meanLastingPeace(low),
      lastingPeaceHigh: meanLastingPeace(high),
    };
    report('turkish backing 1.15 vs 1.45 (invest)', f);
    expect(f.endRatioHigh).toBeGreaterThan(f.endRatioLow * 1.1);
    expect(f.coercionHigh).toBeGreaterThan(f.coercionLow);
    expect(f.lastingPeaceHigh).toBeLessThan(f.lastingPeaceLow);
  });
});
