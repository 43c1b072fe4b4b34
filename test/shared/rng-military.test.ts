import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mixSeed, random, step, weightedPick } from '../../shared/engine/rng.js';
import { balanceRatio, effectiveStrength, escalationOdds, gapWords } from '../../shared/engine/military.js';
import { scenario } from './helpers.js';

describe('seeded random', () => {
  it('gives the same sequence for the same state and stays in [0,1)', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const a = { rng: seed };
        const b = { rng: seed };
        for (let i = 0; i < 20; i++) {
          const x = random(a);
          expect(x).toBe(random(b));
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThan(1);
        }
      }),
    );
  });
  it('is roughly uniform', () => {
    const h = { rng: 7 };
    const buckets = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) buckets[Math.floor(random(h) * 4)]++;
    for (const b of buckets) expect(Math.abs(b - 10_000)).toBeLessThan(400);
  });
  it('picks by weight and mixes labels into different streams', () => {
    const h = { rng: 3 };
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 10_000; i++) counts[weightedPick(h, ['a', 'b'] as const, (x) => (x === 'a' ? 3 : 1))!]++;
    expect(counts.a / 10_000).toBeGreaterThan(0.72);
    expect(counts.a / 10_000).toBeLessThan(0.78);
    expect(weightedPick(h, [], () => 1)).toBeUndefined();
    expect(mixSeed(1, 'armenia')).not.toBe(mixSeed(1, 'azerbaijan'));
    expect(step(5)[1]).not.toBe(5);
  });
});

describe('military balance', () => {
  const arm = { strength: { ...scenario.parties.armenia.strength }, reform: 0 };
  const aze = { strength: { ...scenario.parties.azerbaijan.strength }, reform: 0 };

  it('starts with an overwhelming Azerbaijani advantage in the base scenario', () => {
    const r = balanceRatio(scenario, { armenia: arm, azerbaijan: aze }, scenario.military.turkishBacking);
    expect(r).toBeGreaterThan(2);
    expect(gapWords(scenario, r)).toBe('overwhelming');
  });
  it('anti-drone defence blunts the other side’s drones', () => {
    const weak = effectiveStrength(scenario, aze, arm, 1);
    const defended = effectiveStrength(scenario, aze, { ...arm, strength: { ...arm.strength, airDefence: 60 } }, 1);
    expect(defended).toBeLessThan(weak);
    // Without drones, the other side's air defence changes nothing.
    const noDrones = { ...aze, strength: { ...aze.strength, drones: 0 } };
    expect(effectiveStrength(scenario, noDrones, arm, 1)).toBeCloseTo(effectiveStrength(scenario, noDrones, { ...arm, strength: { ...arm.strength, airDefence: 60 } }, 1));
  });
  it('Turkish backing multiplies Azerbaijan’s effective strength', () => {
    const parties = { armenia: arm, azerbaijan: aze };
    expect(balanceRatio(scenario, parties, 1.5) / balanceRatio(scenario, parties, 1)).toBeCloseTo(1.5);
  });
  it('names the gap at its thresholds', () => {
    expect(gapWords(scenario, 2)).toBe('overwhelming');
    expect(gapWords(scenario, 1.5)).toBe('clear');
    expect(gapWords(scenario, 1.2)).toBe('narrow');
    expect(gapWords(scenario, 1)).toBe('parity');
    expect(gapWords(scenario, 0.5)).toBe('reversed');
  });
  it('escalation odds rise with the ratio and fall with missiles, presence, damping and no preparation', () => {
    const base = { prepared: true, presence: false, damping: 0 };
    fc.assert(
      fc.property(fc.double({ min: 0.3, max: 4, noNaN: true }), fc.double({ min: 0, max: 60, noNaN: true }), (ratio, missiles) => {
        const o = escalationOdds(scenario, ratio, missiles, base).success;
        expect(o).toBeGreaterThanOrEqual(0.02);
        expect(o).toBeLessThanOrEqual(0.98);
        expect(escalationOdds(scenario, ratio * 1.3, missiles, base).success).toBeGreaterThanOrEqual(o);
        expect(escalationOdds(scenario, ratio, missiles + 10, base).success).toBeLessThanOrEqual(o);
        expect(escalationOdds(scenario, ratio, missiles, { ...base, presence: true }).success).toBeLessThanOrEqual(o);
        expect(escalationOdds(scenario, ratio, missiles, { ...base, prepared: false }).success).toBeLessThanOrEqual(o);
        expect(escalationOdds(scenario, ratio, missiles, { ...base, damping: 0.1 }).success).toBeLessThanOrEqual(o);
      }),
    );
  });
});
