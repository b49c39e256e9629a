import { Schema } from 'mongoose';
import type { GeoPolygon, LngLat } from '../geo/index.js';


export const GeoPolygonSchema = new Schema<GeoPolygon>(
  { type: { type: String, enum: ['Polygon', 'MultiPolygon'], required: true }, coordinates: { type: Schema.Types.Mixed, required: true } },
  { _id: false },
);

export const LngLatSchema = new Schema<LngLat>(
  { lng: { type: Number, required: true, min: -180, max: 180 }, lat: { type: Number, required: true, min: -90, max: 90 } },
  { _id: false },
);
