import { describe, expect, it } from 'vitest';
import { advancePhase, durabilityNow, oddsFor, pressureRegion, viewFor } from '../../shared/engine/index.js';
import { demandPreview, durabilityPreview, escalationRange } from '../../client/preview/odds.js';
import { mapStateOf, rangeRings } from '../../client/ui/play/mapState.js';
import { fitProjection, inRing } from '../../client/map/projection.js';
import { act, matchAt, scenario, withDemand } from './fixtures.js';

describe('honest previews', () => {
  it('equal the engine’s own odds when the balance is known exactly', () => {
    for (const seed of [1, 2, 3]) {
      const m = withDemand(seed);
      const open = viewFor(m, 'facilitator');
      for (const region of ['syunik', 'berdzor', 'tavush']) {
        for (const prepared of [true, false]) {
          const mine = escalationRange(open, scenario, 'azerbaijan', region, prepared);
          const engine = oddsFor(m, 'azerbaijan', region, prepared).success;
          expect(mine.low).toBeCloseTo(engine, 9);
          expect(mine.high).toBeCloseTo(engine, 9);
        }
      }
    }
  });

  it('gives the addressee a range that holds the truth', () => {
    let hits = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const m = withDemand(seed);
      const p = demandPreview(viewFor(m, 'armenia'), scenario, m.demands[0]);
      const truth = oddsFor(m, 'azerbaijan', p.escalation.region, true).success;
      expect(p.escalation.low).toBeLessThanOrEqual(p.escalation.high);
      if (truth >= p.escalation.low - 1e-9 && truth <= p.escalation.high + 1e-9) hits++;
    }
    // The intelligence estimate is noisy and biased on purpose; most ranges still hold the truth.
    expect(hits).toBeGreaterThanOrEqual(14);
  });

  it('uses the scenario’s weights and coerced factor, and the engine’s pressure region', () => {
    const m = withDemand(1);
    const d = m.demands[0];
    const p = demandPreview(viewFor(m, 'armenia'), scenario, d);
    const weight = scenario.demands.find((x) => x.id === d.def)!.weight ?? scenario.demandRules.customWeight;
    expect(p.acceptSupport).toBeCloseTo(weight * scenario.support.perConcessionWeight, 9);
    expect(p.coercedSupport).toBeCloseTo(p.acceptSupport * scenario.support.coercedFactor, 9);
    const own = demandPreview(viewFor(m, 'armenia'), scenario, { ...d, def: null, text: 'x' });
    expect(own.escalation.region).toBe(pressureRegion(scenario, null, 'azerbaijan'));
    expect(own.acceptSupport).toBeCloseTo(scenario.demandRules.customWeight * scenario.support.perConcessionWeight, 9);
  });

  it('durability preview equals the engine when exact', () => {
    const m = matchAt('negotiation');
    const clauses = scenario.clauses.slice(0, 3).map((c) => c.id);
    const d = durabilityPreview(viewFor(m, 'facilitator'), scenario, clauses);
    expect(d.low).toBeCloseTo(durabilityNow(m, clauses).durability, 9);
    expect(d.high).toBeCloseTo(durabilityNow(m, clauses).durability, 9);
  });
});

describe('map state', () => {
  it('draws every region of the view and rings only for a party’s own forces', () => {
    const m = matchAt('planning');
    const names = (id: string) => id;
    const arm = mapStateOf(viewFor(m, 'armenia'), scenario, names, null);
    expect(arm.regions).toHaveLength(scenario.regions.length);
    expect(arm.rings.map((r) => r.kind).sort()).toEqual(['drones', 'missiles']);
    expect(rangeRings(viewFor(m, 'eu'), scenario)).toEqual([]);
    const after = act(m, 'armenia', { type: 'plan', procure: [], reform: 0, diplomacy: 0, prepareEscalation: null });
    expect(rangeRings(viewFor(after, 'armenia'), scenario).every((r) => r.km > 0)).toBe(true);
    expect(advancePhase(after).match.phase).toBe('demands');
  });

  it('projects the playable regions inside the canvas and finds them again by point', () => {
    const proj = fitProjection(scenario.regions, 800, 600, 20);
    for (const r of scenario.regions.filter((x) => x.kind !== 'context')) {
      const ring = r.polygon[0].map((p) => proj.project(p));
      for (const [x, y] of ring) {
        expect(x).toBeGreaterThanOrEqual(19.9);
        expect(x).toBeLessThanOrEqual(780.1);
        expect(y).toBeGreaterThanOrEqual(19.9);
        expect(y).toBeLessThanOrEqual(580.1);
      }
      const [lx, ly] = proj.project(r.label);
      expect(typeof inRing(lx, ly, ring)).toBe('boolean');
    }
    expect(proj.kmToPx(111.32)).toBeCloseTo(proj.scale, 6);
  });

  it('never gives a negative scale, however small the canvas (a negative radius threw on phones)', () => {
    for (const [w, h] of [[0, 0], [18, 600], [40, 40], [56, 30], [390, 10], [1, 1]]) {
      const proj = fitProjection(scenario.regions, w, h, 28);
      expect(proj.scale).toBeGreaterThanOrEqual(0);
      expect(proj.kmToPx(300)).toBeGreaterThanOrEqual(0);
      for (const r of scenario.regions.filter((x) => x.kind !== 'context')) {
        const [x, y] = proj.project(r.label);
        expect(x).toBeGreaterThanOrEqual(-1e-9);
        expect(x).toBeLessThanOrEqual(w + 1e-9);
        expect(y).toBeGreaterThanOrEqual(-1e-9);
        expect(y).toBeLessThanOrEqual(h + 1e-9);
      }
    }
    // A canvas wide enough keeps the full padding.
    const big = fitProjection(scenario.regions, 390, 400, 28);
    expect(big.scale).toBeGreaterThan(0);
  });
});
