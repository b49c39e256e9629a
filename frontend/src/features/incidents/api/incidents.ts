import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CategoryView, DepartmentView, IncidentDetail, IncidentPage } from '@onegrid/backend/contracts';
import { api, ApiError } from '../../../lib/apiClient';
import { queryKeys } from '../../../lib/queryClient';
import { upsertView } from '../model/liveIncidents';

/** GET /api/incidents: the newest 500 cases the caller may see. */
export const fetchIncidents = () => api<IncidentPage>('/api/incidents?limit=500&sort=-reportedAt');

/** GET /api/incidents/:id: one case as the caller sees it (clock, actions, timeline). */
export const fetchIncident = (id: string) => api<IncidentDetail>(`/api/incidents/${encodeURIComponent(id)}`);

/** The incident list, loaded once and then kept current by the live stream (useLiveIncidents). */
export function useIncidents() {
  return useQuery({ queryKey: queryKeys.incidentList, queryFn: fetchIncidents, staleTime: Infinity });
}

/** One case with its timeline and the caller's actions; a live event for it refetches it while it is shown. */
export function useIncident(id: string) {
  return useQuery({ queryKey: queryKeys.incident(id), queryFn: () => fetchIncident(id), staleTime: 0 });
}

/** Category names by code (staff only; an empty map when not allowed). */
export function useCategories() {
  return useQuery({
    queryKey: queryKeys.categories,
    queryFn: () => api<{ items: CategoryView[] }>('/api/categories').catch(() => ({ items: [] as CategoryView[] })),
    select: (r) => new Map(r.items.map((c) => [c.code, c])),
  });
}

/** Departments, for choosing a lead when dispatching. */
export function useDepartments() {
  return useQuery({ queryKey: queryKeys.departments, queryFn: () => api<{ items: DepartmentView[] }>('/api/departments'), select: (r) => r.items });
}

/**
 * Runs `POST /api/incidents/:id/:action`; the answer (the case after the action)
 * goes into the detail and list caches at once. Reports the error a failed run
 * gave, as its code.
 */
export function useRunAction() {
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: ({ id, action, body }: { id: string; action: string; body: Record<string, unknown> }) =>
      api<IncidentDetail>(`/api/incidents/${encodeURIComponent(id)}/${encodeURIComponent(action)}`, { method: 'POST', body }),
    onSuccess: (updated) => {
      client.setQueryData<IncidentDetail>(queryKeys.incident(updated.id), (old) => ({ ...updated, timeline: updated.timeline ?? old?.timeline }));
      client.setQueryData<IncidentPage>(queryKeys.incidentList, (page) => page && { ...page, items: upsertView(page.items, { ...updated, timeline: undefined } as IncidentDetail) });
      void client.invalidateQueries({ queryKey: queryKeys.incident(updated.id) });
    },
  });
  const run = async (id: string, action: string, body: Record<string, unknown>): Promise<IncidentDetail | null> => {
    try {
      return await mutation.mutateAsync({ id, action, body });
    } catch {
      return null;
    }
  };
  const error = mutation.error ? (mutation.error instanceof ApiError ? mutation.error.code : String(mutation.error)) : null;
  return { run, pending: mutation.isPending, error, clearError: () => mutation.reset() };
}
