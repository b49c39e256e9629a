import pc from 'polygon-clipping';
import type { XY } from './projection.js';

/** A closed ring (first point repeated last) in a metric frame. */
export type Ring = XY[];
/** A polygon: outer ring then holes. */
export type Poly = Ring[];

/** Signed area of a ring in m² (positive when counter-clockwise). */
export function ringArea(ring: readonly XY[]): number {
  let s = 0;
  for (let i = 0, n = ring.length - 1; i < n; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s / 2;
}

/** Area of a polygon in m² (outer minus holes). */
export function polyArea(poly: Poly): number {
  return poly.reduce((s, ring, i) => s + (i === 0 ? 1 : -1) * Math.abs(ringArea(ring)), 0);
}

/** Area-weighted centroid of a polygon's outer ring. */
export function polyCentroid(poly: Poly): XY {
  const ring = poly[0];
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, n = ring.length - 1; i < n; i++) {
    const [x0, y0] = ring[i];
    const [x1, y1] = ring[i + 1];
    const f = x0 * y1 - x1 * y0;
    a += f;
    cx += (x0 + x1) * f;
    cy += (y0 + y1) * f;
  }
  return a === 0 ? ring[0] : [cx / (3 * a), cy / (3 * a)];
}

/** Bounding box [minX, minY, maxX, maxY] of rings. */
export function ringsBBox(rings: readonly (readonly XY[])[]): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const ring of rings)
    for (const [x, y] of ring) {
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
    }
  return [minX, minY, maxX, maxY];
}

/** True when the point lies inside the polygon (even-odd over all rings). */
export function pointInPoly([x, y]: XY, poly: Poly): boolean {
  let inside = false;
  for (const ring of poly)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  return inside;
}

/** A closed axis-aligned rectangle polygon, counter-clockwise. */
export function rectPoly(minX: number, minY: number, maxX: number, maxY: number): Poly {
  return [
    [
      [minX, minY],
      [maxX, minY],
      [maxX, maxY],
      [minX, maxY],
      [minX, minY],
    ],
  ];
}

/** Clips a convex ring to the half-plane of points closer to `a` than to `b` (Sutherland–Hodgman with the bisector). */
export function clipToCloser(ring: readonly XY[], a: XY, b: XY): XY[] {
  const nx = b[0] - a[0];
  const ny = b[1] - a[1];
  const c = (nx * (a[0] + b[0])) / 2 + (ny * (a[1] + b[1])) / 2;
  const side = (p: XY) => nx * p[0] + ny * p[1] - c; // < 0: closer to a
  const out: XY[] = [];
  const open = ring.slice(0, -1);
  for (let i = 0; i < open.length; i++) {
    const p = open[i];
    const q = open[(i + 1) % open.length];
    const sp = side(p);
    const sq = side(q);
    if (sp <= 0) out.push(p);
    if ((sp < 0 && sq > 0) || (sp > 0 && sq < 0)) {
      const t = sp / (sp - sq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  if (out.length) out.push(out[0]);
  return out;
}

/** Rounds a coordinate to the centimetre so points computed twice from the same inputs become identical. */
export function snap(p: XY): XY {
  return [Math.round(p[0] * 100) / 100, Math.round(p[1] * 100) / 100];
}

/**
 * Inserts points every `step` metres along each edge. The intermediate points
 * of an edge are computed from its endpoints in a canonical order, so two
 * polygons sharing an edge get exactly the same points on it.
 */
export function densifyRing(ring: readonly XY[], step: number): XY[] {
  const out: XY[] = [];
  for (let i = 0; i < ring.length - 1; i++) {
    const p = ring[i];
    const q = ring[i + 1];
    out.push(p);
    const len = Math.hypot(q[0] - p[0], q[1] - p[1]);
    const n = Math.floor(len / step);
    if (n < 1) continue;
    const forward = p[0] < q[0] || (p[0] === q[0] && p[1] < q[1]);
    const [s, e] = forward ? [p, q] : [q, p];
    const mids: XY[] = [];
    for (let k = 1; k <= n; k++) {
      const t = k / (n + 1);
      mids.push(snap([s[0] + t * (e[0] - s[0]), s[1] + t * (e[1] - s[1])]));
    }
    if (!forward) mids.reverse();
    out.push(...mids);
  }
  out.push(out[0]);
  return out;
}

/**
 * The parts of a polygon-clipping result as separate polygons, snapped to the
 * centimetre (polygon-clipping fails on points a rounding error apart) with
 * repeated points dropped.
 */
export function partsOf(multi: pc.MultiPolygon): Poly[] {
  return multi
    .map((p) => p.map(snapRing).filter((ring) => ring.length >= 4))
    .filter((p) => p.length > 0);
}

/** A ring snapped to the centimetre without consecutive duplicates, still closed. */
export function snapRing(ring: readonly (readonly number[])[]): Ring {
  const out: Ring = [];
  for (const [x, y] of ring) {
    const p = snap([x, y]);
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  if (out.length > 1 && (out[0][0] !== out[out.length - 1][0] || out[0][1] !== out[out.length - 1][1])) out.push(out[0]);
  return out;
}

/** Intersection of two polygons as separate parts. */
export function intersect(a: Poly, b: Poly): Poly[] {
  return partsOf(pc.intersection(a as pc.Polygon, b as pc.Polygon));
}

/** Union of polygons as separate parts; null when polygon-clipping cannot compute it (a known failure on degenerate input). */
export function unite(a: Poly, ...rest: Poly[]): Poly[] | null {
  try {
    return partsOf(pc.union(a as pc.Polygon, ...(rest as pc.Polygon[])));
  } catch {
    return null;
  }
}

/** Difference a − b as separate parts. */
export function subtract(a: Poly, ...rest: Poly[]): Poly[] {
  return partsOf(pc.difference(a as pc.Polygon, ...(rest as pc.Polygon[])));
}

/** Counter-clockwise outer ring and clockwise holes, as GeoJSON (RFC 7946) asks. */
export function orient(poly: Poly): Poly {
  return poly.map((ring, i) => {
    const ccw = ringArea(ring) > 0;
    return (i === 0) === ccw ? ring : [...ring].reverse();
  });
}
