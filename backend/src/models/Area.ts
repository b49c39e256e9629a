import { Schema, type Connection, type Model } from 'mongoose';
import type { GeoPolygon, LngLat } from '../geo/index.js';
import { GeoPolygonSchema, LngLatSchema } from './geometry.js';

/** Administrative level above the grid cell: district (区) → street (街道) → community (社区). */
export type AreaLevel = 'district' | 'street' | 'community';

/** A district, street or community with its boundary. Codes: district 6 digits (GB/T 2260), street 9, community 12. */
export interface Area {
  code: string;
  level: AreaLevel;
  name: string;
  nameEn?: string;
  parentCode?: string;
  geometry: GeoPolygon;
  centroid: LngLat;
}

export const AreaSchema = new Schema<Area>(
  {
    code: { type: String, required: true, unique: true },
    level: { type: String, enum: ['district', 'street', 'community'], required: true },
    name: { type: String, required: true },
    nameEn: String,
    parentCode: { type: String, index: true },
    geometry: { type: GeoPolygonSchema, required: true },
    centroid: { type: LngLatSchema, required: true },
  },
  { collection: 'areas', timestamps: true },
);

export type AreaModel = Model<Area>;
export const areaModel = (conn: Connection): AreaModel => conn.models.Area ?? conn.model<Area>('Area', AreaSchema);
