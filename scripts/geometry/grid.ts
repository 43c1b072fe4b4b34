// Raster-and-trace geometry helpers for scripts/geometry/derive.ts.
//
// Every region is painted onto one label grid (one label per cell), so regions cannot overlap
// and unions, splits and clips are plain cell operations. Outlines are then traced back from
// the grid as shared arcs (a border between two regions is traced once and simplified once),
// so neighbouring outlines stay aligned after Douglas–Peucker simplification.
// Everything here is deterministic: no randomness, no dependence on object iteration order
// beyond insertion order.

export type Point = [number, number];
export type Ring = Point[];

export interface GridSpec {
  west: number;
  south: number;
  east: number;
  north: number;
  /** Cell size in degrees (the same for longitude and latitude). */
  step: number;
}

export class LabelGrid {
  readonly cols: number;
  readonly rows: number;
  readonly labels: Int16Array;

  constructor(readonly spec: GridSpec) {
    this.cols = Math.round((spec.east - spec.west) / spec.step);
    this.rows = Math.round((spec.north - spec.south) / spec.step);
    this.labels = new Int16Array(this.cols * this.rows).fill(-1);
  }

  /** Longitude of a cell centre. */
  lon(c: number): number {
    return this.spec.west + (c + 0.5) * this.spec.step;
  }

  /** Latitude of a cell centre (row 0 is the southern edge). */
  lat(r: number): number {
    return this.spec.south + (r + 0.5) * this.spec.step;
  }

  get(c: number, r: number): number {
    if (c < 0 || r < 0 || c >= this.cols || r >= this.rows) return -1;
    return this.labels[r * this.cols + c];
  }

  /**
   * Calls visit(c, r) for every cell whose centre lies inside the polygon (even–odd rule over
   * all its rings, so holes stay empty).
   */
  scan(polygon: Ring[], visit: (c: number, r: number) => void): void {
    const { west, south, step } = this.spec;
    let minY = Infinity;
    let maxY = -Infinity;
    for (const ring of polygon) for (const [, y] of ring) (minY = Math.min(minY, y)), (maxY = Math.max(maxY, y));
    const r0 = Math.max(0, Math.floor((minY - south) / step - 0.5));
    const r1 = Math.min(this.rows - 1, Math.ceil((maxY - south) / step - 0.5));
    const xs: number[] = [];
    for (let r = r0; r <= r1; r++) {
      const y = this.lat(r);
      xs.length = 0;
      for (const ring of polygon) {
        for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
          const [xi, yi] = ring[i];
          const [xj, yj] = ring[j];
          if (yi > y !== yj > y) xs.push(xi + ((y - yi) / (yj - yi)) * (xj - xi));
        }
      }
      xs.sort((a, b) => a - b);
      for (let k = 0; k + 1 < xs.length; k += 2) {
        const c0 = Math.max(0, Math.ceil((xs[k] - west) / step - 0.5));
        const c1 = Math.min(this.cols - 1, Math.ceil((xs[k + 1] - west) / step - 0.5) - 1);
        for (let c = c0; c <= c1; c++) visit(c, r);
      }
    }
  }

  /** Number of cells carrying each label. */
  counts(nLabels: number): number[] {
    const n = new Array<number>(nLabels).fill(0);
    for (const l of this.labels) if (l >= 0) n[l]++;
    return n;
  }

  /**
   * Keeps only the largest 4-connected piece of every label (ties: the piece found first in
   * row-major order). Smaller pieces (exclaves, slivers) and small enclosed unlabelled pockets
   * (fewer than maxPocket cells, not touching the grid edge) take the label most common along
   * their border. Repeats until nothing changes. Returns a log of what was merged.
   */
  tidy(nLabels: number, maxPocket: number, names: string[]): string[] {
    const log: string[] = [];
    for (let pass = 0; pass < 10; pass++) {
      const comp = new Int32Array(this.labels.length).fill(-1);
      const pieces: { label: number; cells: number[]; edge: boolean }[] = [];
      const stack: number[] = [];
      for (let start = 0; start < this.labels.length; start++) {
        if (comp[start] !== -1) continue;
        const label = this.labels[start];
        const id = pieces.length;
        const piece = { label, cells: [] as number[], edge: false };
        pieces.push(piece);
        comp[start] = id;
        stack.push(start);
        while (stack.length) {
          const k = stack.pop()!;
          piece.cells.push(k);
          const c = k % this.cols;
          const r = (k - c) / this.cols;
          if (c === 0 || r === 0 || c === this.cols - 1 || r === this.rows - 1) piece.edge = true;
          const nb = [c > 0 ? k - 1 : -1, c < this.cols - 1 ? k + 1 : -1, r > 0 ? k - this.cols : -1, r < this.rows - 1 ? k + this.cols : -1];
          for (const m of nb) {
            if (m >= 0 && comp[m] === -1 && this.labels[m] === label) {
              comp[m] = id;
              stack.push(m);
            }
          }
        }
      }
      const largest = new Map<number, number>();
      pieces.forEach((p, i) => {
        if (p.label < 0) return;
        const best = largest.get(p.label);
        if (best === undefined || pieces[best].cells.length < p.cells.length) largest.set(p.label, i);
      });
      let changed = false;
      pieces.forEach((p, i) => {
        const drop = p.label >= 0 ? largest.get(p.label) !== i : !p.edge && p.cells.length < maxPocket;
        if (!drop) return;
        const around = new Array<number>(nLabels + 1).fill(0);
        for (const k of p.cells) {
          const c = k % this.cols;
          const r = (k - c) / this.cols;
          for (const [dc, dr] of [[1, 0], [-1, 0], [0, 1], [0, -1]]) {
            const l = this.get(c + dc, r + dr);
            if (c + dc < 0 || r + dr < 0 || c + dc >= this.cols || r + dr >= this.rows) continue;
            if (comp[(r + dr) * this.cols + c + dc] !== i) around[l + 1]++;
          }
        }
        let to = -1;
        for (let l = 0; l <= nLabels; l++) if (around[l] > around[to + 1]) to = l - 1;
        if (to === p.label) return;
        for (const k of p.cells) this.labels[k] = to;
        changed = true;
        const from = p.label >= 0 ? names[p.label] : '(none)';
        log.push(`merged ${p.cells.length} cells of ${from} into ${to >= 0 ? names[to] : '(none)'}`);
      });
      if (!changed) break;
    }
    return log;
  }

  /**
   * The cell of a label farthest from any other label (a chamfer distance transform in cell
   * units): a label point that sits well inside the region. Ties go to the first cell.
   */
  poles(nLabels: number): (Point | null)[] {
    const { cols, rows } = this;
    const d = new Float64Array(cols * rows);
    const same = (k: number, c: number, r: number) => this.get(c, r) === this.labels[k];
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const k = r * cols + c;
        if (this.labels[k] < 0) continue;
        let v = Infinity;
        v = Math.min(v, same(k, c - 1, r) ? d[k - 1] + 1 : 1);
        v = Math.min(v, same(k, c, r - 1) ? d[k - cols] + 1 : 1);
        v = Math.min(v, same(k, c - 1, r - 1) ? d[k - cols - 1] + Math.SQRT2 : 1);
        v = Math.min(v, same(k, c + 1, r - 1) ? d[k - cols + 1] + Math.SQRT2 : 1);
        d[k] = v;
      }
    }
    for (let r = rows - 1; r >= 0; r--) {
      for (let c = cols - 1; c >= 0; c--) {
        const k = r * cols + c;
        if (this.labels[k] < 0) continue;
        let v = d[k];
        v = Math.min(v, same(k, c + 1, r) ? d[k + 1] + 1 : 1);
        v = Math.min(v, same(k, c, r + 1) ? d[k + cols] + 1 : 1);
        v = Math.min(v, same(k, c + 1, r + 1) ? d[k + cols + 1] + Math.SQRT2 : 1);
        v = Math.min(v, same(k, c - 1, r + 1) ? d[k + cols - 1] + Math.SQRT2 : 1);
        d[k] = v;
      }
    }
    const best = new Array<number>(nLabels).fill(-1);
    for (let k = 0; k < d.length; k++) {
      const l = this.labels[k];
      if (l >= 0 && (best[l] < 0 || d[k] > d[best[l]])) best[l] = k;
    }
    return best.map((k) => (k < 0 ? null : [this.lon(k % cols), this.lat(Math.floor(k / cols))]));
  }
}

// ---------------------------------------------------------------------------------------------
// Tracing outlines as shared arcs.

/** A traced ring: corner vertex ids (j * (cols + 1) + i), counter-clockwise for outer rings. */
interface TracedRing {
  vertices: number[];
  /** Label on the right-hand side of the edge leaving each vertex. */
  right: number[];
  area: number;
}

/** Traces the boundary rings of one label, keeping the label on the left of every edge. */
function traceLabel(g: LabelGrid, label: number): TracedRing[] {
  const W = g.cols + 1;
  // Outgoing edges by start vertex; at most two (a saddle) per vertex.
  const out = new Map<number, { to: number; right: number; dir: number }[]>();
  const add = (from: number, to: number, right: number, dir: number) => {
    const list = out.get(from);
    if (list) list.push({ to, right, dir });
    else out.set(from, [{ to, right, dir }]);
  };
  // Directions: 0 east, 1 north, 2 west, 3 south.
  for (let r = 0; r < g.rows; r++) {
    for (let c = 0; c < g.cols; c++) {
      if (g.labels[r * g.cols + c] !== label) continue;
      const v = (i: number, j: number) => j * W + i;
      const s = g.get(c, r - 1);
      if (s !== label) add(v(c, r), v(c + 1, r), s, 0);
      const e = g.get(c + 1, r);
      if (e !== label) add(v(c + 1, r), v(c + 1, r + 1), e, 1);
      const n = g.get(c, r + 1);
      if (n !== label) add(v(c + 1, r + 1), v(c, r + 1), n, 2);
      const w = g.get(c - 1, r);
      if (w !== label) add(v(c, r + 1), v(c, r), w, 3);
    }
  }
  const rings: TracedRing[] = [];
  // Start from ordinary corners first: starting on a saddle could pair its edges the wrong way.
  const keys = [...out.keys()].sort((a, b) => a - b);
  const starts = [...keys.filter((k) => out.get(k)!.length === 1), ...keys.filter((k) => out.get(k)!.length > 1)];
  for (const start of starts) {
    while ((out.get(start) ?? []).length) {
      const vertices: number[] = [];
      const right: number[] = [];
      let at = start;
      let dir = -1;
      for (;;) {
        const list = out.get(at);
        if (!list || !list.length) break;
        // At a saddle take the left turn, which keeps diagonal neighbours apart (4-connectivity).
        let pick = 0;
        if (list.length > 1 && dir >= 0) {
          const left = (dir + 1) % 4;
          pick = Math.max(0, list.findIndex((e) => e.dir === left));
        }
        const e = list.splice(pick, 1)[0];
        vertices.push(at);
        right.push(e.right);
        at = e.to;
        dir = e.dir;
        if (at === start) break;
      }
      let area = 0;
      for (let i = 0; i < vertices.length; i++) {
        const a = vertices[i];
        const b = vertices[(i + 1) % vertices.length];
        area += (a % W) * Math.floor(b / W) - (b % W) * Math.floor(a / W);
      }
      rings.push({ vertices, right, area: area / 2 });
    }
  }
  return rings;
}

/** Perpendicular distance from p to the segment a–b. */
function segDist(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  let t = len2 ? ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2 : 0;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/**
 * Douglas–Peucker on an open polyline; the end points are kept, and so is the farthest point
 * of any polyline that has interior points (so a ring made of two arcs never collapses).
 */
export function douglasPeucker(points: Point[], tolerance: number): Point[] {
  if (points.length <= 2) return points.slice();
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  let first = true;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [i, j] = stack.pop()!;
    let far = -1;
    let farD = -1;
    for (let k = i + 1; k < j; k++) {
      const d = segDist(points[k], points[i], points[j]);
      if (d > farD) (farD = d), (far = k);
    }
    if (far >= 0 && (farD > tolerance || first)) {
      keep[far] = 1;
      stack.push([i, far], [far, j]);
    }
    first = false;
  }
  return points.filter((_, k) => keep[k]);
}

export interface TraceResult {
  /** Per label: rings (outer first, then holes), in grid corner units. */
  rings: Point[][][];
}

/**
 * Traces every label's outline, splits rings into arcs at junctions (corners where three or
 * more labels meet, or saddles), simplifies each arc once with the larger tolerance of the two
 * labels it separates, and reassembles the rings. Tolerances are in cell units; a label whose
 * rings exceed maxPoints has its tolerance raised by 25 % until every ring fits.
 */
export function traceShared(
  g: LabelGrid,
  nLabels: number,
  baseTolerance: number,
  maxPoints: number,
  minHoleCells: number,
  /** Labels simplified on their own along borders with the other kind (context regions). */
  independent: boolean[] = [],
): TraceResult {
  const W = g.cols + 1;
  const traced: TracedRing[][] = [];
  for (let l = 0; l < nLabels; l++) {
    const rings = traceLabel(g, l).filter((r) => r.area > 0 || -r.area >= minHoleCells);
    rings.sort((a, b) => b.area - a.area);
    traced.push(rings);
  }
  const isJunction = (v: number) => {
    const i = v % W;
    const j = Math.floor(v / W);
    const a = g.get(i - 1, j - 1);
    const b = g.get(i, j - 1);
    const c = g.get(i - 1, j);
    const d = g.get(i, j);
    const set = new Set([a, b, c, d]);
    return set.size >= 3 || (set.size === 2 && a === d && b === c && a !== b);
  };
  const toPoint = (v: number): Point => [v % W, Math.floor(v / W)];
  const tol = new Array<number>(nLabels).fill(baseTolerance);
  for (let round = 0; round < 60; round++) {
    const cache = new Map<string, Point[]>();
    const simplifyArc = (verts: number[], a: number, b: number): Point[] => {
      // Canonical direction so both neighbours simplify the identical polyline.
      const forward = verts[0] < verts[verts.length - 1] || (verts[0] === verts[verts.length - 1] && verts.length > 2 && verts[1] < verts[verts.length - 2]);
      const canon = forward ? verts : verts.slice().reverse();
      // A border between a context region and a playable one is simplified separately for each
      // side, so that a coarse context outline never coarsens a playable region's border.
      const playableA = !independent[a];
      const playableB = b >= 0 && !independent[b];
      const t = playableA || playableB ? Math.max(playableA ? tol[a] : 0, playableB ? tol[b] : 0) : tol[a];
      const key = `${canon.join(',')}|${t}`;
      let pts = cache.get(key);
      if (!pts) {
        const raw = canon.map(toPoint);
        if (canon[0] === canon[canon.length - 1]) {
          // A closed arc: split at the point farthest from its anchor and simplify both halves.
          let far = 1;
          let farD = -1;
          for (let k = 1; k < raw.length - 1; k++) {
            const d = Math.hypot(raw[k][0] - raw[0][0], raw[k][1] - raw[0][1]);
            if (d > farD) (farD = d), (far = k);
          }
          pts = [...douglasPeucker(raw.slice(0, far + 1), t).slice(0, -1), ...douglasPeucker(raw.slice(far), t)];
        } else {
          pts = douglasPeucker(raw, t);
        }
        cache.set(key, pts);
      }
      return forward ? pts : pts.slice().reverse();
    };
    const result: Point[][][] = [];
    const over = new Set<number>();
    for (let l = 0; l < nLabels; l++) {
      const out: Point[][] = [];
      for (const ring of traced[l]) {
        const n = ring.vertices.length;
        // Start at the first junction, or at the lowest vertex id for a ring without any.
        let first = -1;
        for (let k = 0; k < n && first < 0; k++) if (isJunction(ring.vertices[k])) first = k;
        if (first < 0) {
          first = 0;
          for (let k = 1; k < n; k++) if (ring.vertices[k] < ring.vertices[first]) first = k;
        }
        const pts: Point[] = [];
        // Per point: 2 fixed (a junction), 1 grow-only (a context region's border with a
        // playable one), 0 free.
        const kinds: number[] = [];
        let arc: number[] = [ring.vertices[first]];
        let arcRight = ring.right[first];
        for (let s = 1; s <= n; s++) {
          const k = (first + s) % n;
          const v = ring.vertices[k];
          arc.push(v);
          if (s === n || isJunction(v)) {
            const simple = simplifyArc(arc, l, arcRight);
            const kind = arcRight >= 0 && !independent[arcRight] ? 1 : 0;
            pts.push(...simple.slice(0, -1));
            kinds.push(2, ...simple.slice(1, -1).map(() => kind));
            arc = [v];
            arcRight = ring.right[k];
          }
        }
        // Drop points that sit on a straight line between their neighbours.
        const keep = pts.map((p, k) => {
          const a = pts[(k + pts.length - 1) % pts.length];
          const b = pts[(k + 1) % pts.length];
          return (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) !== 0;
        });
        let clean = pts.filter((_, k) => keep[k]);
        const cleanKinds = kinds.filter((_, k) => keep[k]);
        if (clean.length > maxPoints) {
          if (independent[l]) clean = fitContext(clean, cleanKinds, maxPoints);
          else over.add(l);
        }
        out.push(clean);
      }
      result.push(out);
    }
    if (!over.size) return { rings: result };
    for (const l of over) tol[l] *= 1.25;
  }
  throw new Error('could not simplify every ring below the point limit');
}

/**
 * Removes points from a ring (region on the left of every edge) until it has at most max
 * points, always the one whose removal changes the area least (Visvalingam–Whyatt), with two
 * constraints: fixed points stay, and "grow-only" points go only where the region gains the
 * triangle. A context outline so reaches under its playable neighbours (which are drawn over
 * it) and never leaves a visible gap beside them. Only when nothing else is left may a
 * grow-only point go the other way.
 */
function fitContext(ring: Point[], kinds: number[], max: number): Point[] {
  const pts = ring.slice();
  const kind = kinds.slice();
  while (pts.length > max) {
    let best = -1;
    let bestCost = Infinity;
    for (let pass = 0; pass < 2 && best < 0; pass++) {
      for (let k = 0; k < pts.length; k++) {
        if (kind[k] === 2) continue;
        const a = pts[(k + pts.length - 1) % pts.length];
        const p = pts[k];
        const b = pts[(k + 1) % pts.length];
        const cross = (p[0] - a[0]) * (b[1] - p[1]) - (p[1] - a[1]) * (b[0] - p[0]);
        if (kind[k] === 1 && cross > 0 && pass === 0) continue;
        const cost = Math.abs(cross);
        if (cost < bestCost) (bestCost = cost), (best = k);
      }
    }
    if (best < 0) break;
    pts.splice(best, 1);
    kind.splice(best, 1);
  }
  return pts;
}

// ---------------------------------------------------------------------------------------------
// Small helpers.

export function ringArea(ring: Ring): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  return a / 2;
}

/** Even–odd point-in-polygon over all rings. */
export function inside(p: Point, polygon: Ring[]): boolean {
  let odd = false;
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > p[1] !== yj > p[1] && p[0] < xi + ((p[1] - yi) / (yj - yi)) * (xj - xi)) odd = !odd;
    }
  }
  return odd;
}

/** Distance in km between two lon/lat points (equirectangular; fine at this scale). */
export function km(a: Point, b: Point): number {
  const lat = ((a[1] + b[1]) / 2) * (Math.PI / 180);
  return Math.hypot((a[0] - b[0]) * 111.32 * Math.cos(lat), (a[1] - b[1]) * 110.57);
}

/** Distance in km from p to the polyline. */
export function kmToPolyline(p: Point, line: Point[]): number {
  const lat = p[1] * (Math.PI / 180);
  const sx = 111.32 * Math.cos(lat);
  const sy = 110.57;
  const q: Point = [p[0] * sx, p[1] * sy];
  let best = Infinity;
  for (let i = 0; i + 1 < line.length; i++) {
    best = Math.min(best, segDist(q, [line[i][0] * sx, line[i][1] * sy], [line[i + 1][0] * sx, line[i + 1][1] * sy]));
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// A minimal PNG writer, for previews.

import { deflateSync } from 'node:zlib';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Encodes an RGB image (width * height * 3 bytes, top row first) as PNG. */
export function encodePng(width: number, height: number, rgb: Uint8Array): Buffer {
  const chunk = (type: string, data: Uint8Array) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), Buffer.from(data)]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;
    Buffer.from(rgb.buffer, rgb.byteOffset + y * width * 3, width * 3).copy(raw, y * (width * 3 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}
