import pc from 'polygon-clipping';
import type { GeoPolygon } from '@onegrid/backend/geo';
import type { LocalFrame } from './projection.js';
import { polyArea, ringArea, type Poly } from './planar.js';

/** The metric polygons of a GeoJSON Polygon or MultiPolygon. */
export function metricPolys(frame: LocalFrame, geometry: GeoPolygon): Poly[] {
  const polys = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as number[][][][];
  return polys.map((p) => p.map((ring) => ring.map((pt) => frame.toXY(pt))));
}

/** Area in m² of a GeoJSON geometry, measured in the frame. */
export function geometryAreaM2(frame: LocalFrame, geometry: GeoPolygon): number {
  return metricPolys(frame, geometry).reduce((s, p) => s + polyArea(p), 0);
}

/** Area in m² of the intersection of two GeoJSON geometries. */
export function overlapAreaM2(frame: LocalFrame, a: GeoPolygon, b: GeoPolygon): number {
  const parts = pc.intersection(metricPolys(frame, a) as pc.MultiPolygon, metricPolys(frame, b) as pc.MultiPolygon);
  return parts.reduce((s, p) => s + polyArea(p as Poly), 0);
}

/** Why a GeoJSON polygon is not valid (unclosed or short ring, wrong winding, self-intersection), or null when it is. */
export function polygonProblem(geometry: GeoPolygon): string | null {
  const polys = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as number[][][][];
  for (const poly of polys)
    for (const [i, ring] of poly.entries()) {
      if (ring.length < 4) return 'ring with fewer than 4 points';
      const [first, last] = [ring[0], ring[ring.length - 1]];
      if (first[0] !== last[0] || first[1] !== last[1]) return 'ring not closed';
      if (ring.some((p) => p.length !== 2 || !p.every(Number.isFinite))) return 'non-finite coordinate';
      const area = ringArea(ring as [number, number][]);
      if (i === 0 ? area <= 0 : area >= 0) return 'wrong winding';
      if (selfIntersects(ring)) return 'self-intersecting ring';
    }
  return null;
}

function selfIntersects(ring: number[][]): boolean {
  const n = ring.length - 1;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      if (j === i + 1 || (i === 0 && j === n - 1)) continue;
      if (segmentsCross(ring[i], ring[i + 1], ring[j], ring[j + 1])) return true;
    }
  return false;
}

function segmentsCross(a: number[], b: number[], c: number[], d: number[]): boolean {
  const o = (p: number[], q: number[], r: number[]) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  return o(a, b, c) * o(a, b, d) < 0 && o(c, d, a) * o(c, d, b) < 0;
}
