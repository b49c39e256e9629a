import { api } from '../../../lib/apiClient';
import { useAsync } from '../../../lib/useAsync';

export interface Feature {
  type: 'Feature';
  geometry: unknown;
  properties: Record<string, unknown> | null;
}
export interface FeatureCollection {
  type: 'FeatureCollection';
  features: Feature[];
}
/** GET /api/config (public). */
export interface MapConfig {
  tileUrl: string;
  tileAttribution?: string;
  center: [number, number] | null;
  zoom: number;
}
export interface BasemapLayer {
  id: string;
  order: number;
  features: FeatureCollection;
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * Everything the command map draws besides incidents: configuration, the
 * offline basemap, community boundaries and grid cells, each loaded on its own
 * so a slow or failing one does not hold the others back.
 */
export function useMapLayers() {
  const config = useAsync(() => api<MapConfig>('/api/config'), []);
  const basemap = useAsync(() => api<{ layers: BasemapLayer[] }>('/api/geo/basemap').then((r) => r.layers), []);
  const communities = useAsync(() => api<FeatureCollection>('/api/geo/areas?level=community').catch(() => EMPTY), []);
  const grids = useAsync(() => api<FeatureCollection>('/api/geo/grids'), []);
  return { config: config.data, basemap: basemap.data, communities: communities.data, grids: grids.data, error: grids.error ?? config.error };
}
