import type { IncidentEvent, IncidentSummary, IncidentView } from './types';

/**
 * Folds a live event into the incident list: a new case goes on top, a known
 * one takes the event's summary (status, place); events without a summary
 * change nothing. Pure, so it is unit-tested without a browser.
 */
export function applyStreamEvent(list: IncidentView[], event: IncidentEvent): IncidentView[] {
  const summary: IncidentSummary | undefined = event.data?.incident;
  if (!summary || !event.type.startsWith('incident.')) return list;
  const index = list.findIndex((i) => i.id === summary.id);
  if (index === -1) return [{ version: 0, source: '', ...summary }, ...list];
  const next = list.slice();
  next[index] = { ...list[index], ...summary };
  return next;
}

/** The loaded page merged with live entries that arrived while it loaded (the live ones are newer), newest first. */
export function mergeLoaded(loaded: IncidentView[], live: IncidentView[]): IncidentView[] {
  const byId = new Map(loaded.map((i) => [i.id, i]));
  for (const l of live) byId.set(l.id, { ...byId.get(l.id), ...l });
  return sortNewestFirst([...byId.values()]);
}

/** Newest first by report time (ISO strings compare in time order). */
export function sortNewestFirst(list: IncidentView[]): IncidentView[] {
  return list.slice().sort((a, b) => (a.reportedAt < b.reportedAt ? 1 : a.reportedAt > b.reportedAt ? -1 : 0));
}

/**
 * Puts a freshly fetched IncidentView (clock, actions) into the list in place
 * of its entry, unless the entry already holds a newer version (answers to
 * overlapping fetches may arrive out of order). Cases not in the list are ignored.
 */
export function mergeFetched(list: IncidentView[], view: IncidentView): IncidentView[] {
  const index = list.findIndex((i) => i.id === view.id);
  if (index === -1 || list[index]!.version > view.version) return list;
  const next = list.slice();
  next[index] = { ...list[index], ...view, timeline: undefined };
  return next;
}
