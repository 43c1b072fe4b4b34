// The claims each shipped scenario is built to show (its `claims`; docs/scenarios.md "Claims"),
// each checked against every Azerbaijani personality under every mix of mediator personalities:
// 3 seeds per mix (48 games per personality and path), seeds from 3000 unless CLAIMS_SEED=n.
// A claim is about coercive diplomacy; where a personality never uses force, the parts of a
// claim about force do not apply to it, and the test says so rather than pass it silently.
import { describe, expect, it } from 'vitest';
import { listScenarioIds, loadScenario, shippedScenarios } from '../../shared/scenario/files.js';
import type { Claim, Scenario } from '../../shared/scenario/schema.js';
import { claimGames, type Path } from '../../shared/sim/claims.js';
import { coercionRate, demandRate, durabilitySlope, escalationSuccessRate, impositionsPerRound, mean, meanLastingPeace, settlementFigures, type GameFigures } from '../../shared/sim/metrics.js';

const first = Number(process.env.CLAIMS_SEED ?? 3000);
const PER_MIX = 3;
const seedsNote = `seeds ${first}..${first + PER_MIX - 1} per mediator mix`;
const f3 = (x: number) => (Number.isNaN(x) ? '-' : x.toFixed(3));
const report = (scenario: string, claim: string, who: string, figures: Record<string, number>) =>
  console.log(`[claims] ${scenario} ${claim} | azerbaijan=${who} ${seedsNote} | ${Object.entries(figures).map(([k, v]) => `${k}=${f3(v)}`).join(' ')}`);

type Games = Record<string, Partial<Record<Path, GameFigures[]>>>;
const cache = new Map<string, Games>();
const gamesOf = (s: Scenario): Games => cache.get(s.id) ?? cache.set(s.id, claimGames(s, first, PER_MIX)).get(s.id)!;
const pool = (g: Games, path: Path) => Object.values(g).flatMap((x) => x[path]!);
/** Whether this personality uses force at all against a refusing Armenia (the claims about force apply to it). */
const coerces = (byPath: Partial<Record<Path, GameFigures[]>>) => escalationSuccessRate(byPath.refuse!).count >= 10;
/** Share of games that run at least this long in which the balance ended at least 15 % narrower than it started. */
const narrowed = (g: GameFigures[], minRounds: number) => {
  const long = g.filter((x) => x.rounds >= minRounds);
  return long.filter((x) => x.endRatio < x.startRatio * 0.85).length / long.length;
};

/** The scenario a variant extends, as written in its file (the parity claim compares the two). */
const baseOf = (id: string): Scenario => loadScenario(String((shippedScenarios()(id) as { extends?: string }).extends ?? id));

const CHECKS: Record<Claim, (s: Scenario) => void> = {
  circle(s) {
    const g = gamesOf(s);
    let checked = 0;
    for (const [az, byPath] of Object.entries(g)) {
      const c = byPath.concede!;
      const early = demandRate(c, 1, Math.floor(s.rounds / 2));
      const late = demandRate(c, Math.floor(s.rounds / 2) + 1, s.rounds);
      const settled = settlementFigures(c).count / c.length;
      report(s.id, 'circle', az, { demandsEarly: early, demandsLate: late, settledShare: settled, lastingPeace: meanLastingPeace(c), coerces: coerces(byPath) ? 1 : 0 });
      if (!coerces(byPath)) continue;
      checked++;
      // A Baku that coerces keeps pressing a government that gives way, and rarely signs.
      if (!Number.isNaN(late)) expect(late, az).toBeGreaterThanOrEqual(early * 0.9);
      expect(settled, az).toBeLessThan(0.4);
    }
    expect(checked).toBeGreaterThanOrEqual(2);
  },

  refusal(s) {
    const g = gamesOf(s);
    let checked = 0;
    for (const [az, byPath] of Object.entries(g)) {
      const e = escalationSuccessRate(byPath.refuse!);
      report(s.id, 'refusal', az, { escalations: e.count, successRate: e.rate, endRatio: mean(byPath.refuse!.map((x) => x.endRatio)) });
      if (!coerces(byPath)) continue;
      checked++;
      expect(e.rate, az).toBeGreaterThan(0.6);
    }
    expect(checked).toBeGreaterThanOrEqual(2);
  },

  investment(s) {
    const g = gamesOf(s);
    for (const [az, byPath] of Object.entries(g)) {
      const inv = byPath.invest!;
      const from = Math.ceil(s.rounds / 2) + 1;
      const imposed = { invest: impositionsPerRound(inv, from), refuse: impositionsPerRound(byPath.refuse!, from) };
      const dInv = settlementFigures(inv);
      const dCon = settlementFigures(byPath.concede!);
      const long = inv.filter((x) => x.rounds >= Math.ceil((2 * s.rounds) / 3));
      const gap = mean(long.map((x) => x.endRatio / x.startRatio));
      const peace = { invest: meanLastingPeace(inv), concede: meanLastingPeace(byPath.concede!) };
      report(s.id, 'investment', az, {
        longGames: long.length,
        endOverStartRatio: gap,
        narrowed15Share: narrowed(inv, Math.ceil((2 * s.rounds) / 3)),
        imposedPerRoundLateInvest: imposed.invest,
        imposedPerRoundLateRefuse: imposed.refuse,
        deals: dInv.count,
        round: dInv.round,
        durability: dInv.durability,
        durabilityConcede: dCon.durability,
        lastingPeaceInvest: peace.invest,
        lastingPeaceConcede: peace.concede,
      });
      // The balance narrows in the games that run long enough to invest (least against a Baku that puts everything into arms).
      expect(gap, az).toBeLessThan(0.92);
      // Coercion succeeds less often once the investment tells.
      if (coerces(byPath)) expect(imposed.invest, az).toBeLessThan(imposed.refuse * 0.8);
      // Deals reached by investing last longer than those bought by conceding, and appeasement buys less lasting peace.
      if (dInv.count >= 5 && dCon.count >= 5) expect(dInv.durability, az).toBeGreaterThan(dCon.durability);
      expect(peace.concede, az).toBeLessThan(peace.invest);
    }
    const all = pool(g, 'invest');
    expect(narrowed(all, Math.ceil((2 * s.rounds) / 3))).toBeGreaterThan(0.75);
    expect(meanLastingPeace(pool(g, 'concede'))).toBeLessThan(meanLastingPeace(all) - 8);
    // Within the one policy (each opponent and each backing on its own, so the slope is not the
    // difference between opponents): later deals last longer, and a deal lasts longer the more
    // balanced the forces when it was signed.
    const groups = Object.values(g).flatMap((x) => [x.invest!, x.investBacked!]);
    const byRound = durabilitySlope(groups, (d) => d.round);
    const byBalance = durabilitySlope(groups, (d) => Math.abs(Math.log(d.ratio)));
    report(s.id, 'investment', 'all', { deals: byRound.deals, durabilityPerRound: byRound.slope, se: byRound.se, durabilityPerLogRatio: byBalance.slope, seBalance: byBalance.se });
    expect(byRound.slope).toBeGreaterThan(2 * byRound.se);
    expect(byBalance.slope).toBeLessThan(-2 * byBalance.se);
  },

  backing(s) {
    const g = gamesOf(s);
    const low = pool(g, 'invest');
    const high = pool(g, 'investBacked');
    const f = {
      endRatioLow: mean(low.map((x) => x.endRatio)),
      endRatioHigh: mean(high.map((x) => x.endRatio)),
      coercionLow: coercionRate(low, 1).rate,
      coercionHigh: coercionRate(high, 1).rate,
      dealsLow: settlementFigures(low).count,
      dealsHigh: settlementFigures(high).count,
      durabilityLow: settlementFigures(low).durability,
      durabilityHigh: settlementFigures(high).durability,
      lastingPeaceLow: meanLastingPeace(low),
      lastingPeaceHigh: meanLastingPeace(high),
    };
    report(s.id, `backing +0.3 (invest)`, 'all', f);
    expect(f.endRatioHigh).toBeGreaterThan(f.endRatioLow * 1.1);
    expect(f.coercionHigh).toBeGreaterThan(f.coercionLow);
    // Fewer deals, and the deals reached last less long.
    expect(f.dealsHigh).toBeLessThan(f.dealsLow);
    expect(f.durabilityHigh).toBeLessThan(f.durabilityLow);
    expect(f.lastingPeaceHigh).toBeLessThan(f.lastingPeaceLow);
    for (const [az, byPath] of Object.entries(g)) {
      const lo = mean(byPath.invest!.map((x) => x.endRatio));
      const hi = mean(byPath.investBacked!.map((x) => x.endRatio));
      expect(hi, az).toBeGreaterThan(lo);
    }
  },

  parity(s) {
    const here = gamesOf(s);
    const base = baseOf(s.id);
    const there = gamesOf(base);
    for (const az of Object.keys(here)) {
      const c = here[az].concede!;
      const b = there[az].concede!;
      const f = {
        demandsHere: mean(c.map((x) => x.demandsByRound.reduce((a, n) => a + n, 0))),
        demandsBase: mean(b.map((x) => x.demandsByRound.reduce((a, n) => a + n, 0))),
        concededHere: mean(c.map((x) => x.conceded)),
        concededBase: mean(b.map((x) => x.conceded)),
        coercionHere: escalationSuccessRate(here[az].refuse!).rate,
        coercionBase: escalationSuccessRate(there[az].refuse!).rate,
      };
      report(s.id, `parity (vs ${base.id}, Armenia concedes)`, az, f);
      // At parity the circle weakens: fewer demands pressed on a government that gives way, fewer conceded.
      if (f.demandsBase >= 1) {
        expect(f.demandsHere, az).toBeLessThan(f.demandsBase);
        expect(f.concededHere, az).toBeLessThan(f.concededBase);
      }
      // Force, where it is still used, succeeds less often.
      if (escalationSuccessRate(here[az].refuse!).count >= 10) expect(f.coercionHere, az).toBeLessThan(f.coercionBase);
    }
  },
};

describe('claims of the argument, per shipped scenario', { timeout: 300_000 }, () => {
  for (const id of listScenarioIds()) {
    const s = loadScenario(id);
    it(`${id} states which claims it is built to show`, () => {
      expect(s.claims.length).toBeGreaterThan(0);
    });
    for (const claim of s.claims) it(`${id}: ${claim}`, () => CHECKS[claim](s));
  }
});
