import type { IncidentView } from '@onegrid/backend/contracts';

/** The queue's views: cases still in the loop, cases past their stage deadline, or everything. */
export type ListView = 'open' | 'overdue' | 'all';
export const LIST_VIEWS: readonly ListView[] = ['open', 'overdue', 'all'];

/** States in which nobody has to act any more (backend models/Incident.ts FINAL_STATUSES). */
const FINAL = new Set(['rejected', 'merged', 'closed', 'evaluated']);

/**
 * The entries of a list view whose code, title or grid code contains the
 * search text (case-insensitive), keeping the list's order.
 */
export function filterIncidents(list: readonly IncidentView[], view: ListView, search: string): IncidentView[] {
  const q = search.trim().toLowerCase();
  return list.filter((i) => {
    if (view === 'open' && FINAL.has(i.status)) return false;
    if (view === 'overdue' && (FINAL.has(i.status) || i.clock?.level !== 'red')) return false;
    if (!q) return true;
    return [i.code, i.title, i.gridCode ?? '', i.description ?? ''].some((s) => s.toLowerCase().includes(q));
  });
}
