import type { Area, GridCell } from '../models/index.js';
import type { GeoPolygon } from '../geo/index.js';

export interface Feature<P> {
  type: 'Feature';
  id: string;
  geometry: GeoPolygon;
  properties: P;
}

export interface FeatureCollection<P = Record<string, unknown>> {
  type: 'FeatureCollection';
  features: Feature<P>[];
}

export interface GridProperties {
  code: string;
  name?: string;
  communityCode: string;
  streetCode: string;
  areaM2: number;
  workerIds: string[];
}

export interface AreaProperties {
  code: string;
  level: Area['level'];
  name: string;
  nameEn?: string;
  parentCode?: string;
}

/** Wraps features in a GeoJSON FeatureCollection. */
export function featureCollection<P>(features: Feature<P>[]): FeatureCollection<P> {
  return { type: 'FeatureCollection', features };
}

/** A grid cell as a GeoJSON Feature with the properties of contracts.md (`code, name, communityCode, streetCode, areaM2, workerIds`). */
export function presentGridFeature(cell: Pick<GridCell, 'code' | 'name' | 'communityCode' | 'streetCode' | 'areaM2' | 'workerIds' | 'geometry'>): Feature<GridProperties> {
  return {
    type: 'Feature',
    id: cell.code,
    geometry: { type: cell.geometry.type, coordinates: cell.geometry.coordinates },
    properties: {
      code: cell.code,
      name: cell.name,
      communityCode: cell.communityCode,
      streetCode: cell.streetCode,
      areaM2: cell.areaM2,
      workerIds: cell.workerIds ?? [],
    },
  };
}

/** A district, street or community as a GeoJSON Feature (`code, level, name, nameEn, parentCode`). */
export function presentAreaFeature(area: Pick<Area, 'code' | 'level' | 'name' | 'nameEn' | 'parentCode' | 'geometry'>): Feature<AreaProperties> {
  return {
    type: 'Feature',
    id: area.code,
    geometry: { type: area.geometry.type, coordinates: area.geometry.coordinates },
    properties: { code: area.code, level: area.level, name: area.name, nameEn: area.nameEn, parentCode: area.parentCode },
  };
}

/**
 * A stored basemap layer's features as a FeatureCollection: the seed may store
 * either a bare array of Features or a whole FeatureCollection.
 */
export function basemapFeatureCollection(stored: unknown): { type: 'FeatureCollection'; features: unknown[] } {
  if (Array.isArray(stored)) return { type: 'FeatureCollection', features: stored };
  if (stored && typeof stored === 'object' && Array.isArray((stored as { features?: unknown }).features)) {
    return { type: 'FeatureCollection', features: (stored as { features: unknown[] }).features };
  }
  return { type: 'FeatureCollection', features: [] };
}
