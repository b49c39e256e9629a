import { useCallback, useState } from 'react';
import { api, ApiError } from '../../../lib/apiClient';
import { useAsync } from '../../../lib/useAsync';
import type { Category, Department, IncidentView } from '../model/types';

/** GET /api/incidents: the newest 500 cases the caller may see. */
export const fetchIncidents = () => api<{ items: IncidentView[]; nextCursor: string | null }>('/api/incidents?limit=500&sort=-reportedAt');

/** GET /api/incidents/:id: one case as the caller sees it (clock, actions, timeline). */
export const fetchIncident = (id: string) => api<IncidentView>(`/api/incidents/${encodeURIComponent(id)}`);

/** One case with its timeline and the caller's actions; reloads when `refreshKey` changes. */
export function useIncident(id: string, refreshKey: number) {
  return useAsync(() => fetchIncident(id), [id, refreshKey]);
}

/** Category names by code (staff only; an empty map when not allowed). */
export function useCategories() {
  return useAsync(async () => {
    const { items } = await api<{ items: Category[] }>('/api/categories').catch(() => ({ items: [] as Category[] }));
    return new Map(items.map((c) => [c.code, c]));
  }, []);
}

/** Departments, for choosing a lead when dispatching. */
export function useDepartments() {
  return useAsync(() => api<{ items: Department[] }>('/api/departments').then((r) => r.items), []);
}

/** Runs `POST /api/incidents/:id/:action` and reports the error a failed run gave, as `code: message`. */
export function useRunAction() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (id: string, action: string, body: Record<string, unknown>): Promise<IncidentView | null> => {
    setPending(true);
    setError(null);
    try {
      return await api<IncidentView>(`/api/incidents/${encodeURIComponent(id)}/${encodeURIComponent(action)}`, { method: 'POST', body });
    } catch (e) {
      setError(e instanceof ApiError ? e.code : String(e));
      return null;
    } finally {
      setPending(false);
    }
  }, []);
  return { run, pending, error, clearError: () => setError(null) };
}
