import { Schema } from 'mongoose';

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

export const GeoPolygonSchema = new Schema<GeoPolygon>(
  { type: { type: String, enum: ['Polygon', 'MultiPolygon'], required: true }, coordinates: { type: Schema.Types.Mixed, required: true } },
  { _id: false },
);

export const LngLatSchema = new Schema<LngLat>(
  { lng: { type: Number, required: true, min: -180, max: 180 }, lat: { type: Number, required: true, min: -90, max: 90 } },
  { _id: false },
);
