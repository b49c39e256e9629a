import type { GeoPolygon } from '../geo/geometry.js';

/** One ring as a flat `[lng0, lat0, lng1, lat1, …]` array (closing vertex optional). */
export type FlatRing = Float64Array;
/** One polygon: its outer ring first, then its holes. */
export type FlatPolygon = FlatRing[];
/** A Polygon or MultiPolygon prepared for fast repeated tests: a list of polygons. */
export type FlatGeometry = FlatPolygon[];

/** `[minLng, minLat, maxLng, maxLat]` in WGS84 degrees. */
export type BBox = [number, number, number, number];

/** Converts a GeoJSON Polygon or MultiPolygon into flat typed arrays; throws on any other type. */
export function flattenGeometry(geometry: GeoPolygon): FlatGeometry {
  if (geometry.type === 'Polygon') return [flattenPolygon(geometry.coordinates as number[][][])];
  if (geometry.type === 'MultiPolygon') return (geometry.coordinates as number[][][][]).map(flattenPolygon);
  throw new TypeError(`unsupported geometry type ${(geometry as { type: unknown }).type}`);
}

function flattenPolygon(rings: number[][][]): FlatPolygon {
  return rings.map((ring) => {
    const flat = new Float64Array(ring.length * 2);
    for (let i = 0; i < ring.length; i++) {
      flat[i * 2] = ring[i][0];
      flat[i * 2 + 1] = ring[i][1];
    }
    return flat;
  });
}

/** The bounding box of a prepared geometry's outer rings (holes lie inside them). */
export function flatBBox(geometry: FlatGeometry): BBox {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const polygon of geometry) {
    const outer = polygon[0];
    if (!outer) continue;
    for (let i = 0; i < outer.length; i += 2) {
      const x = outer[i];
      const y = outer[i + 1];
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  return [minX, minY, maxX, maxY];
}

/** The bounding box of a GeoJSON Polygon or MultiPolygon. */
export function geometryBBox(geometry: GeoPolygon): BBox {
  return flatBBox(flattenGeometry(geometry));
}
