import { QueryClient } from '@tanstack/react-query';

/**
 * The web app's one server-state cache (TanStack Query). Reference data is
 * fresh for an hour (categories, departments, the map layers change with an
 * admin edit or a seed, not while a screen is open); the incident list is kept
 * fresh by the live stream, not by refetching.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 60 * 60_000, gcTime: 2 * 60 * 60_000, refetchOnWindowFocus: false, retry: 1 },
      mutations: { retry: false },
    },
  });
}

/** Query keys, in one place so invalidation and live updates hit what the hooks read. */
export const queryKeys = {
  config: ['config'] as const,
  categories: ['categories'] as const,
  departments: ['departments'] as const,
  basemap: ['geo', 'basemap'] as const,
  communities: ['geo', 'areas', 'community'] as const,
  grids: ['geo', 'grids'] as const,
  incidentList: ['incidents', 'list'] as const,
  incident: (id: string) => ['incidents', 'detail', id] as const,
};
