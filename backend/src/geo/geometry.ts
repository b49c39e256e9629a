/** A GeoJSON Polygon or MultiPolygon, stored as plain data (no 2dsphere index: geography happens in memory). */
export interface GeoPolygon {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: number[][][] | number[][][][];
}

/** A WGS84 point stored as plain numbers so a bounding-box range query can prefilter "nearby". */
export interface LngLat {
  lng: number;
  lat: number;
}
