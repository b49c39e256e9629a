import { Schema, type Connection, type Model } from 'mongoose';
import type { GeoPolygon, LngLat } from '../geo/index.js';
import { GeoPolygonSchema, LngLatSchema } from './geometry.js';

/**
 * A grid cell (单元网格): about 10,000 m², a closed polygon clipped to its
 * community, with a 15-digit code = 6 district + 3 street + 3 community + 3 grid.
 */
export interface GridCell {
  code: string;
  name?: string;
  communityCode: string;
  streetCode: string;
  districtCode: string;
  geometry: GeoPolygon;
  centroid: LngLat;
  areaM2: number;
  /** Usernames/ids of the grid workers (网格员) responsible for this cell. */
  workerIds: string[];
}

export const GridCellSchema = new Schema<GridCell>(
  {
    code: { type: String, required: true, unique: true, match: /^\d{15}$/ },
    name: String,
    communityCode: { type: String, required: true, index: true },
    streetCode: { type: String, required: true, index: true },
    districtCode: { type: String, required: true },
    geometry: { type: GeoPolygonSchema, required: true },
    centroid: { type: LngLatSchema, required: true },
    areaM2: { type: Number, required: true },
    workerIds: { type: [String], default: [] },
  },
  { collection: 'gridcells', timestamps: true },
);

export type GridCellModel = Model<GridCell>;
export const gridCellModel = (conn: Connection): GridCellModel =>
  conn.models.GridCell ?? conn.model<GridCell>('GridCell', GridCellSchema);
