import type { BBox } from './flatGeometry.js';
import { METRES_PER_DEGREE } from './distance.js';

export type { BBox } from './flatGeometry.js';

/**
 * Parses `minLng,minLat,maxLng,maxLat` (the `bbox=` query form) into a BBox;
 * returns null when the text is not four finite numbers in WGS84 range with min ≤ max.
 */
export function parseBBox(text: string): BBox | null {
  const parts = text.split(',').map((p) => p.trim());
  if (parts.length !== 4 || parts.some((p) => p === '')) return null;
  const [minLng, minLat, maxLng, maxLat] = parts.map(Number);
  if (![minLng, minLat, maxLng, maxLat].every(Number.isFinite)) return null;
  if (minLng < -180 || maxLng > 180 || minLat < -90 || maxLat > 90) return null;
  if (minLng > maxLng || minLat > maxLat) return null;
  return [minLng, minLat, maxLng, maxLat];
}

/** True when two boxes overlap or touch. */
export function bboxIntersects(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/**
 * The smallest box holding every point within `radiusM` metres of (lng, lat), for
 * a `lng`/`lat` range prefilter before an exact haversine test (e.g. fusion's 50 m).
 */
export function bboxAround(lng: number, lat: number, radiusM: number): BBox {
  const dLat = radiusM / METRES_PER_DEGREE;
  const cos = Math.cos(((Math.min(89.9, Math.abs(lat) + dLat)) * Math.PI) / 180);
  const dLng = Math.min(180, radiusM / (METRES_PER_DEGREE * cos));
  return [lng - dLng, Math.max(-90, lat - dLat), lng + dLng, Math.min(90, lat + dLat)];
}
