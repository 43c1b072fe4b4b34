// The base scenario's map: outlines derived from open data, simplified, rounded, in place, and
// not overlapping; and up to date with scripts/geometry/derive.ts.
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../shared/scenario/files.js';
import { deriveForScenario, GEOMETRY_SOURCE, overlapShare } from '../../scripts/geometry/derive.js';
import { inside, ringArea } from '../../scripts/geometry/grid.js';

const s = loadScenario('august-2022');
const CONTEXT = new Set(['armenia-interior', 'azerbaijan-interior', 'georgia', 'iran', 'turkey']);

describe('the map of the base scenario', () => {
  it('names its data and licence', () => {
    expect(s.geometrySource.name).toMatch(/Natural Earth/);
    expect(s.geometrySource.licence).toMatch(/public domain/i);
    expect(s.geometrySource.note.length).toBeGreaterThan(200);
  });

  it('has simplified rings: at most 60 points, 3 decimals, no repeated closing point', () => {
    for (const r of s.regions) {
      for (const ring of r.polygon) {
        expect(ring.length, r.id).toBeGreaterThanOrEqual(3);
        expect(ring.length, r.id).toBeLessThanOrEqual(60);
        for (const [x, y] of ring) {
          expect(Math.round(x * 1000) / 1000).toBe(x);
          expect(Math.round(y * 1000) / 1000).toBe(y);
        }
        expect(ring[0]).not.toEqual(ring[ring.length - 1]);
      }
    }
  });

  it('stays within the South Caucasus box, outer rings counter-clockwise', () => {
    for (const r of s.regions) {
      for (const [x, y] of r.polygon.flat()) {
        expect(x).toBeGreaterThanOrEqual(43);
        expect(x).toBeLessThanOrEqual(50);
        expect(y).toBeGreaterThanOrEqual(38.3);
        expect(y).toBeLessThanOrEqual(42);
      }
      expect(ringArea(r.polygon[0]), r.id).toBeGreaterThan(0);
    }
  });

  it('puts every label inside its region', () => {
    for (const r of s.regions) expect(inside(r.label, r.polygon), r.id).toBe(true);
  });

  it('puts places where they are', () => {
    const at = (id: string) => s.regions.find((r) => r.id === id)!.polygon;
    expect(inside([44.513, 40.177], at('armenia-interior'))).toBe(true); // Yerevan
    expect(inside([46.405, 39.208], at('syunik'))).toBe(true); // Kapan
    expect(inside([45.414, 39.209], at('nakhchivan'))).toBe(true); // Nakhchivan city
    expect(inside([49.867, 40.409], at('azerbaijan-interior'))).toBe(true); // Baku
    expect(inside([44.793, 41.715], at('georgia'))).toBe(true); // Tbilisi
    expect(inside([46.752, 39.815], at('stepanakert'))).toBe(true);
    expect(inside([46.749, 39.758], at('shusha'))).toBe(true);
    expect(inside([46.547, 39.641], at('berdzor'))).toBe(true);
  });

  it('does not overlap between playable regions', () => {
    const o = overlapShare({ regions: s.regions, ids: s.regions.map((r) => r.id) });
    expect(o.playable).toBeLessThan(0.002);
    expect(o.all).toBeLessThan(0.02);
  });

  it('keeps context regions apart from playable ones by kind', () => {
    for (const r of s.regions) expect(r.kind === 'context', r.id).toBe(CONTEXT.has(r.id));
  });

  it('is what scripts/geometry/derive.ts derives now (run it after changing the rules)', () => {
    const d = deriveForScenario(s.regions.map((r) => r.id));
    for (const r of d.regions) {
      const inFile = s.regions.find((x) => x.id === r.id)!;
      expect(inFile.polygon, r.id).toEqual(r.polygon);
      expect(inFile.label, r.id).toEqual(r.label);
    }
    expect(s.geometrySource).toEqual(GEOMETRY_SOURCE);
  }, 60_000);
});
