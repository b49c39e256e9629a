import { Schema, type Connection, type Model } from 'mongoose';

/** One layer of the offline basemap (roads, blocks, water…) as a GeoJSON FeatureCollection, written by the seed. */
export interface BasemapLayer {
  _id: string;
  /** Draw order: lower first. */
  order: number;
  features: unknown[];
}

export const BasemapLayerSchema = new Schema<BasemapLayer>(
  { _id: String, order: { type: Number, default: 0 }, features: { type: Schema.Types.Mixed, default: () => [] } },
  { collection: 'basemap', versionKey: false, minimize: false },
);

export const basemapLayerModel = (conn: Connection): Model<BasemapLayer> =>
  conn.models.BasemapLayer ?? conn.model<BasemapLayer>('BasemapLayer', BasemapLayerSchema);
