import { useQuery } from '@tanstack/react-query';
import { api } from './apiClient';
import { queryKeys } from './queryClient';

/** GET /api/config (public). */
export interface AppConfig {
  tileUrl: string;
  tileAttribution?: string;
  center: [number, number] | null;
  zoom: number;
  demo?: boolean;
}

/** The backend's public configuration, fetched once per page however many components ask. */
export function useConfig() {
  return useQuery({ queryKey: queryKeys.config, queryFn: () => api<AppConfig>('/api/config') });
}

/** A layer of the offline basemap (GET /api/geo/basemap, public). */
export interface BasemapLayer {
  id: string;
  order: number;
  features: { type: 'FeatureCollection'; features: { type: 'Feature'; geometry: unknown; properties: Record<string, unknown> | null }[] };
}

/** The offline basemap's layers, shared by the command map and the complaint form. */
export function useBasemap(options: { enabled?: boolean } = {}) {
  return useQuery({ ...options, queryKey: queryKeys.basemap, queryFn: () => api<{ layers: BasemapLayer[] }>('/api/geo/basemap').then((r) => r.layers) });
}
