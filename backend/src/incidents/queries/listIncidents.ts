import type { Principal } from '../../kernel/index.js';
import type { AppDeps } from '../../deps.js';
import type { Incident } from '../../models/index.js';
import { cursorFilter, encodeCursor, listFilter, SORTS, type ListQuery } from './listQuery.js';
import { presentIncidents, type IncidentView } from '../presenters/presentIncident.js';
import { scopeFilter } from '../rules/scope.js';

/** Fields a list item needs: everything but the timeline and the outbox (both grow with the case). */
export const LIST_PROJECTION = { timeline: 0, outbox: 0, searchTerms: 0 } as const;

export interface IncidentPage {
  items: IncidentView[];
  nextCursor: string | null;
}

/** Combines filters with $and, dropping empty ones (scope, list filters, cursor, queue). */
export function allOf(...filters: (Record<string, unknown> | null | undefined)[]): Record<string, unknown> {
  const parts = filters.filter((f): f is Record<string, unknown> => !!f && Object.keys(f).length > 0);
  return parts.length === 0 ? {} : parts.length === 1 ? parts[0] : { $and: parts };
}

/**
 * One page of incidents the principal may see, filtered, sorted and
 * cursor-paginated (the cursor is the last item's sort value and id).
 * `extra` narrows further (the "my work" queues).
 */
export async function listIncidents(deps: Pick<AppDeps, 'models' | 'clock'>, principal: Principal, q: ListQuery, extra?: Record<string, unknown>): Promise<IncidentPage> {
  const [field, dir] = SORTS[q.sort];
  const filter = allOf(scopeFilter(principal), listFilter(q, deps.clock.now()), extra, q.cursor ? cursorFilter(q.cursor, field, dir, true) : null);
  const docs = await deps.models.Incident.find(filter, LIST_PROJECTION)
    .sort({ [field]: dir, _id: dir })
    .limit(q.limit + 1)
    .lean<Incident[]>();
  const page = docs.slice(0, q.limit);
  const last = page[page.length - 1];
  const nextCursor = docs.length > q.limit && last ? encodeCursor(sortValue(last, field), last._id) : null;
  return { items: await presentIncidents(deps, page, principal), nextCursor };
}

function sortValue(i: Incident, field: string): unknown {
  return field.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], i);
}
