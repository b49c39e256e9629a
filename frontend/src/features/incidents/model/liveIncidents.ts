import type { IncidentPage, IncidentView, StreamEvent } from '@onegrid/backend/contracts';

/**
 * Folds a live event into the cached incident list. Incident events carry
 * `view`, the case's list view as this user sees it (clock, assignments,
 * actions): a new case goes on top, a known one is replaced unless the cache
 * already holds a newer version. Pure, so it is unit-tested without a browser.
 * Returns `undefined` when the event tells the list nothing it can apply.
 */
export function applyStreamEvent(page: IncidentPage, event: Pick<StreamEvent, 'type' | 'view'>): IncidentPage | undefined {
  if (!event.type.startsWith('incident.') || !event.view) return undefined;
  return { ...page, items: upsertView(page.items, event.view) };
}

/** The list with `view` in place of its case (unless the list holds a newer version), or on top when new. */
export function upsertView(list: readonly IncidentView[], view: IncidentView): IncidentView[] {
  const index = list.findIndex((i) => i.id === view.id);
  if (index === -1) return sortNewestFirst([view, ...list]);
  if (list[index]!.version > view.version) return list.slice();
  const next = list.slice();
  next[index] = view;
  return next;
}

/** Newest first by report time (ISO strings compare in time order). */
export function sortNewestFirst(list: IncidentView[]): IncidentView[] {
  return list.slice().sort((a, b) => (a.reportedAt < b.reportedAt ? 1 : a.reportedAt > b.reportedAt ? -1 : 0));
}
