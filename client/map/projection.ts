// Longitude/latitude to canvas pixels: an equirectangular projection at the theatre's latitude,
// fitted to the playable regions (context regions may run off the edge).
import type { Region } from '../../shared/scenario/schema.js';

export interface Projection {
  project(p: readonly [number, number]): [number, number];
  kmToPx(km: number): number;
  scale: number;
}

const KM_PER_DEG = 111.32;

export function fitProjection(regions: readonly Pick<Region, 'polygon' | 'kind'>[], width: number, height: number, pad = 24): Projection {
  const focus = regions.filter((r) => r.kind !== 'context');
  const use = focus.length ? focus : regions;
  let minLon = Infinity, maxLon = -Infinity, minLat = Infinity, maxLat = -Infinity;
  for (const r of use)
    for (const [lon, lat] of r.polygon[0]) {
      minLon = Math.min(minLon, lon);
      maxLon = Math.max(maxLon, lon);
      minLat = Math.min(minLat, lat);
      maxLat = Math.max(maxLat, lat);
    }
  if (!Number.isFinite(minLon)) [minLon, maxLon, minLat, maxLat] = [0, 1, 0, 1];
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const w = Math.max(1e-6, (maxLon - minLon) * kx);
  const h = Math.max(1e-6, maxLat - minLat);
  // A small canvas keeps at least half of each side for the map: the padding shrinks, the scale
  // never goes negative (a negative scale drew circles of negative radius and threw).
  const p = Math.max(0, Math.min(pad, width / 4, height / 4));
  const scale = Math.max(0, Math.min((Math.max(0, width) - 2 * p) / w, (Math.max(0, height) - 2 * p) / h));
  const ox = (width - w * scale) / 2;
  const oy = (height - h * scale) / 2;
  return {
    scale,
    project: ([lon, lat]) => [ox + (lon - minLon) * kx * scale, oy + (maxLat - lat) * scale],
    kmToPx: (km) => (km / KM_PER_DEG) * scale,
  };
}

/** Whether a point lies in a ring (even-odd rule). */
export function inRing(x: number, y: number, ring: readonly (readonly [number, number])[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
