import type { GeoPolygon } from '../geo/geometry.js';
import { flattenGeometry, type FlatGeometry, type FlatRing } from './flatGeometry.js';

/**
 * True when (x, y) is inside the ring by the even-odd crossing rule. Edges are
 * half-open (a point on the shared edge of two adjacent cells falls in exactly
 * one of them), so a point exactly on a boundary may count as outside; callers
 * that need "on the edge" use the distance, which is then 0.
 */
export function pointInRing(x: number, y: number, ring: FlatRing): boolean {
  let inside = false;
  const n = ring.length;
  for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
    const xi = ring[i];
    const yi = ring[i + 1];
    const xj = ring[j];
    const yj = ring[j + 1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** True when the point is inside some polygon's outer ring and outside all of that polygon's holes. */
export function pointInFlatGeometry(x: number, y: number, geometry: FlatGeometry): boolean {
  for (const polygon of geometry) {
    if (polygon.length === 0 || !pointInRing(x, y, polygon[0])) continue;
    let inHole = false;
    for (let h = 1; h < polygon.length; h++) {
      if (pointInRing(x, y, polygon[h])) {
        inHole = true;
        break;
      }
    }
    if (!inHole) return true;
  }
  return false;
}

/** True when (lng, lat) lies inside a GeoJSON Polygon or MultiPolygon, honouring holes. */
export function pointInPolygon(lng: number, lat: number, geometry: GeoPolygon): boolean {
  return pointInFlatGeometry(lng, lat, flattenGeometry(geometry));
}
