import type { IncidentSummary, IncidentView, StreamEvent } from './types';

/**
 * Folds a live event into the incident list: a new case goes on top, a known
 * one takes the event's summary (status, place); events without a summary
 * change nothing. Pure, so it is unit-tested without a browser.
 */
export function applyStreamEvent(list: IncidentView[], event: StreamEvent): IncidentView[] {
  const summary: IncidentSummary | undefined = event.data?.incident;
  if (!summary) return list;
  const index = list.findIndex((i) => i.id === summary.id);
  if (index === -1) return [{ version: 0, source: '', ...summary }, ...list];
  const next = list.slice();
  next[index] = { ...list[index], ...summary };
  return next;
}

/** Newest first by report time. */
export function sortNewestFirst(list: IncidentView[]): IncidentView[] {
  return list.slice().sort((a, b) => (a.reportedAt < b.reportedAt ? 1 : a.reportedAt > b.reportedAt ? -1 : 0));
}
