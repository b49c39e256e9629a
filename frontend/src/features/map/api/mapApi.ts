import { api } from '../../lib/apiClient';

export interface FeatureCollection {
  type: 'FeatureCollection';
  features: { type: 'Feature'; geometry: unknown; properties: Record<string, unknown> }[];
}
export interface MapConfig {
  tileUrl: string;
  tileAttribution?: string;
  center: [number, number] | null;
  zoom: number;
}

export const fetchConfig = () => api<MapConfig>('/api/config');
export const fetchGrids = () => api<FeatureCollection>('/api/geo/grids');
export const fetchCommunities = () => api<FeatureCollection>('/api/geo/areas?level=community');
export const fetchBasemap = () => api<{ layers: { id: string; order: number; features: FeatureCollection }[] }>('/api/geo/basemap');
