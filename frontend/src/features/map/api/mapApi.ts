import { api } from '../../../lib/apiClient';
import { useQuery } from '@tanstack/react-query';
import { useBasemap, useConfig } from '../../../lib/config';
import { queryKeys } from '../../../lib/queryClient';

export interface Feature {
  type: 'Feature';
  geometry: unknown;
  properties: Record<string, unknown> | null;
}
export interface FeatureCollection {
  type: 'FeatureCollection';
  features: Feature[];
}
export type { BasemapLayer } from '../../../lib/config';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * Everything the command map draws besides incidents: configuration, the
 * offline basemap, community boundaries and grid cells, each loaded on its own
 * so a slow or failing one does not hold the others back.
 */
export function useMapLayers() {
  const config = useConfig();
  const basemap = useBasemap();
  const communities = useQuery({ queryKey: queryKeys.communities, queryFn: () => api<FeatureCollection>('/api/geo/areas?level=community').catch(() => EMPTY) });
  const grids = useQuery({ queryKey: queryKeys.grids, queryFn: () => api<FeatureCollection>('/api/geo/grids') });
  return { config: config.data, basemap: basemap.data, communities: communities.data, grids: grids.data, error: grids.error ?? config.error };
}

