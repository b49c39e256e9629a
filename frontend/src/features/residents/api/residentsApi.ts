import { useCallback, useState } from 'react';
import { api, ApiError } from '../../../lib/apiClient';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useBasemap, useConfig } from '../../../lib/config';

/** GET /api/public/categories (backend residents/publicCategories.ts). */
export interface PublicCategory {
  code: string;
  name: string;
  nameEn: string;
  major: string;
  kind: 'component' | 'event';
  nearbyM: number;
}
export interface GeoFeature {
  type: 'Feature';
  id?: string;
  geometry: unknown;
  properties: Record<string, unknown> | null;
}
export interface GeoCollection {
  type: 'FeatureCollection';
  features: GeoFeature[];
}
/** A street or community (GET /api/public/areas). */
export interface AreaProps {
  code: string;
  level: 'street' | 'community';
  name: string;
  nameEn?: string;
  parentCode?: string;
}
/** GET /api/public/locate (backend residents/placeNames.ts). */
export type Located =
  | { inDistrict: false }
  | {
      inDistrict: true;
      gridCode: string;
      gridName?: string;
      communityCode: string;
      communityName?: string;
      communityNameEn?: string;
      streetCode: string;
      streetName?: string;
      streetNameEn?: string;
      distanceM: number;
    };
/** A case on the public map (backend residents/presentPublicCase.ts). */
export interface ReportPoint {
  id: string;
  categoryCode: string;
  status: string;
  state: 'open' | 'closed';
  lng: number;
  lat: number;
  communityCode?: string;
  reportedAt: string;
  closedAt?: string;
}
export interface NearbyCase extends ReportPoint {
  distanceM: number;
  followers: number;
}
export type { AppConfig as MapConfig, BasemapLayer } from '../../../lib/config';

/** What every public map draws: configuration (tiles), the offline basemap and the streets and communities. */
export function usePublicMapLayers() {
  const config = useConfig();
  const basemap = useBasemap();
  const areas = useQuery({ queryKey: ['public', 'areas'], queryFn: () => api<GeoCollection>('/api/public/areas') });
  return { config: config.data, basemap: basemap.data, areas: areas.data };
}

/** The categories a resident can choose, grouped by their major class. */
export function usePublicCategories() {
  return useQuery({ queryKey: ['public', 'categories'], queryFn: () => api<{ categories: PublicCategory[]; groups: PublicCategory[] }>('/api/public/categories') }).data;
}

/** The place of the pin (null while none is placed); `loading` while the pin's place is asked. */
export function useLocate(pin: { lat: number; lng: number } | null) {
  const q = useQuery({
    queryKey: ['public', 'locate', pin?.lng, pin?.lat],
    queryFn: () => (pin ? api<Located>(`/api/public/locate?lng=${pin.lng}&lat=${pin.lat}`) : null),
    staleTime: 5 * 60_000,
  });
  return { data: q.data, error: q.error, loading: q.isFetching };
}

/** "Already reported?": open cases of the category near the pin (only once both are chosen and the pin is in the district). */
export function useNearby(categoryCode: string, pin: { lat: number; lng: number } | null, inDistrict: boolean) {
  return useQuery({
    queryKey: ['public', 'nearby', categoryCode, pin?.lng, pin?.lat, inDistrict],
    queryFn: () => (pin && categoryCode && inDistrict ? api<{ radiusM: number; cases: NearbyCase[] }>(`/api/public/nearby?categoryCode=${categoryCode}&lng=${pin.lng}&lat=${pin.lat}`) : null),
    staleTime: 30_000,
  });
}

/** The public reports map, filtered. */
export function useReports(filter: { categoryCode: string; communityCode: string }) {
  return useQuery({
    queryKey: ['public', 'reports', filter.categoryCode, filter.communityCode],
    queryFn: () => {
      const q = new URLSearchParams();
      if (filter.categoryCode) q.set('categoryCode', filter.categoryCode);
      if (filter.communityCode) q.set('communityCode', filter.communityCode);
      return api<{ since: string; truncated: boolean; reports: ReportPoint[] }>(`/api/public/reports?${q}`);
    },
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

/** The i18n key of an API failure. */
export function errorKey(err: unknown): string {
  if (!(err instanceof ApiError)) return 'residents.failed';
  if (err.status === 429) return 'residents.tooMany';
  return `residents.error.${err.code}`;
}

/** A POST that resolves to its answer, or null with `error` set to an i18n key. */
export function usePublicPost<T>() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const post = useCallback(async (path: string, body: unknown): Promise<T | null> => {
    setPending(true);
    setError(null);
    try {
      return await api<T>(path, { method: 'POST', body });
    } catch (err) {
      setError(errorKey(err));
      return null;
    } finally {
      setPending(false);
    }
  }, []);
  return { post, pending, error, setError };
}
