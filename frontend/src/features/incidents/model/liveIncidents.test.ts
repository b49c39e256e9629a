import { describe, expect, it } from 'vitest';
import { applyStreamEvent, mergeFetched, mergeLoaded, sortNewestFirst } from './liveIncidents';
import type { IncidentEvent, IncidentSummary, IncidentView } from './types';

const summary = (id: string, status: string, reportedAt = '2026-11-23T01:00:00Z'): IncidentSummary => ({ id, code: `C-${id}`, status, categoryCode: '01003', severity: 'major', title: 't', lng: 120, lat: 30, reportedAt });
const event = (s: IncidentSummary | undefined, type = 'incident.reported'): IncidentEvent => ({ type, data: s ? { incident: s } : {} });
const view = (s: IncidentSummary, extra: Partial<IncidentView> = {}): IncidentView => ({ ...s, version: 0, source: '', ...extra });

describe('live incident list', () => {
  it('puts a newly reported case on top', () => {
    const next = applyStreamEvent([view(summary('a', 'closed'))], event(summary('b', 'reported')));
    expect(next.map((i) => i.id)).toEqual(['b', 'a']);
  });

  it('updates a known case in place and keeps what the event does not carry', () => {
    const list = [view(summary('a', 'reported'), { source: 'device', description: 'tilted' })];
    const next = applyStreamEvent(list, event(summary('a', 'dispatched'), 'incident.dispatched'));
    expect(next).toHaveLength(1);
    expect(next[0]).toMatchObject({ status: 'dispatched', description: 'tilted', source: 'device' });
    expect(list[0]!.status).toBe('reported');
  });

  it('ignores events without an incident summary and non-incident events', () => {
    const list: IncidentView[] = [];
    expect(applyStreamEvent(list, event(undefined))).toBe(list);
    expect(applyStreamEvent(list, event(summary('d', 'reported'), 'device.status'))).toBe(list);
  });

  it('sorts newest first', () => {
    const list = [view(summary('old', 'closed', '2026-01-01T00:00:00Z')), view(summary('new', 'reported', '2026-11-01T00:00:00Z'))];
    expect(sortNewestFirst(list).map((i) => i.id)).toEqual(['new', 'old']);
  });

  it('keeps live updates that arrived while the first page loaded', () => {
    const loaded = [view(summary('a', 'reported', '2026-01-01T00:00:00Z'), { version: 1, description: 'from list' })];
    const live = [view(summary('b', 'reported', '2026-02-01T00:00:00Z')), view(summary('a', 'accepted', '2026-01-01T00:00:00Z'))];
    const merged = mergeLoaded(loaded, live);
    expect(merged.map((i) => [i.id, i.status])).toEqual([
      ['b', 'reported'],
      ['a', 'accepted'],
    ]);
    expect(merged[1]!.description).toBe('from list');
  });

  it('takes a fetched view with its clock unless the list already has a newer version', () => {
    const list = [view(summary('a', 'accepted'), { version: 2 })];
    const fetched = view(summary('a', 'accepted'), { version: 2, clock: { stage: 'dispatch', dueAt: '2026-11-23T02:00:00Z', remainingMinutes: 25, level: 'green' } });
    expect(mergeFetched(list, fetched)[0]!.clock?.remainingMinutes).toBe(25);
    expect(mergeFetched(list, { ...fetched, version: 1 })).toBe(list);
    expect(mergeFetched(list, { ...fetched, id: 'other' })).toBe(list);
  });
});
