import type { GeoPolygon } from '../geo/geometry.js';
import { flattenGeometry, type FlatGeometry } from './flatGeometry.js';
import { pointInFlatGeometry } from './pointInPolygon.js';

/** Mean Earth radius in metres (IUGG), used by every distance here. */
export const EARTH_RADIUS_M = 6_371_008.8;
/** Metres per degree of latitude (and of longitude at the equator). */
export const METRES_PER_DEGREE = (Math.PI / 180) * EARTH_RADIUS_M;
const RAD = Math.PI / 180;

/** The great-circle (haversine) distance in metres between two WGS84 points. */
export function haversineM(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLng = (lng2 - lng1) * RAD;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(s)));
}

/**
 * The distance in metres from a point to the nearest edge of a prepared geometry,
 * or 0 when the point is inside it. Edges are measured in a local equirectangular
 * projection centred on the point: within a few kilometres the error is far below
 * a metre, which is all that "nearest grid cell within 200 m" needs.
 */
export function pointToFlatGeometryDistanceM(lng: number, lat: number, geometry: FlatGeometry): number {
  if (pointInFlatGeometry(lng, lat, geometry)) return 0;
  const kx = Math.cos(lat * RAD) * METRES_PER_DEGREE;
  const ky = METRES_PER_DEGREE;
  let best = Infinity;
  for (const polygon of geometry) {
    for (const ring of polygon) {
      const n = ring.length;
      for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
        const ax = (ring[j] - lng) * kx;
        const ay = (ring[j + 1] - lat) * ky;
        const bx = (ring[i] - lng) * kx;
        const by = (ring[i + 1] - lat) * ky;
        const d2 = originToSegmentSquared(ax, ay, bx, by);
        if (d2 < best) best = d2;
      }
    }
  }
  return Math.sqrt(best);
}

/** The distance in metres from (lng, lat) to a GeoJSON Polygon or MultiPolygon; 0 when inside. */
export function pointToPolygonDistanceM(lng: number, lat: number, geometry: GeoPolygon): number {
  return pointToFlatGeometryDistanceM(lng, lat, flattenGeometry(geometry));
}

function originToSegmentSquared(ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : -(ax * dx + ay * dy) / len2;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  const px = ax + t * dx;
  const py = ay + t * dy;
  return px * px + py * py;
}
