import { api } from '../../lib/apiClient';
import type { IncidentView } from './model/types';

export const fetchIncidents = () => api<{ items: IncidentView[]; nextCursor: string | null }>('/api/incidents?limit=500&sort=-reportedAt');
export const fetchIncident = (id: string) => api<IncidentView>(`/api/incidents/${encodeURIComponent(id)}`);
/** POST /api/incidents/:id/:action with the version the operator saw. */
export const runAction = (id: string, action: string, version: number, reason?: string) =>
  api<IncidentView>(`/api/incidents/${encodeURIComponent(id)}/${action}`, { method: 'POST', body: reason ? { version, reason, note: reason, message: reason } : { version } });
