import { describe, expect, it } from 'vitest';
import { applyStreamEvent, sortNewestFirst, upsertView } from './liveIncidents';
import type { IncidentPage, IncidentView } from '@onegrid/backend/contracts';

const view = (id: string, status: IncidentView['status'], extra: Partial<IncidentView> = {}): IncidentView => ({
  id,
  code: `C-${id}`,
  trackingCode: `T-${id}`,
  status,
  version: 0,
  source: 'device',
  categoryCode: '01003',
  severity: 'major',
  title: 't',
  lng: 120,
  lat: 30,
  assignments: [],
  departmentCodes: [],
  clock: null,
  reportedAt: '2026-11-23T01:00:00Z',
  ...extra,
});
const page = (items: IncidentView[]): IncidentPage => ({ items, nextCursor: null });

describe('live incident list', () => {
  it('puts a newly reported case on top', () => {
    const next = applyStreamEvent(page([view('a', 'closed', { reportedAt: '2026-11-01T00:00:00Z' })]), { type: 'incident.reported', view: view('b', 'reported') });
    expect(next!.items.map((i) => i.id)).toEqual(['b', 'a']);
  });

  it('replaces a known case with the newer view the event carries', () => {
    const list = [view('a', 'reported', { description: 'tilted' })];
    const next = applyStreamEvent(page(list), { type: 'incident.dispatched', view: view('a', 'dispatched', { version: 1, description: 'tilted' }) });
    expect(next!.items).toHaveLength(1);
    expect(next!.items[0]).toMatchObject({ status: 'dispatched', version: 1, description: 'tilted' });
    expect(list[0]!.status).toBe('reported');
  });

  it('keeps a newer version than a late event carries', () => {
    const next = upsertView([view('a', 'closed', { version: 5 })], view('a', 'dispatched', { version: 3 }));
    expect(next[0]).toMatchObject({ status: 'closed', version: 5 });
  });

  it('ignores events without a view and non-incident events', () => {
    expect(applyStreamEvent(page([]), { type: 'incident.reported' })).toBeUndefined();
    expect(applyStreamEvent(page([]), { type: 'device.status', view: view('d', 'reported') })).toBeUndefined();
  });

  it('sorts newest first', () => {
    const list = [view('old', 'closed', { reportedAt: '2026-01-01T00:00:00Z' }), view('new', 'reported', { reportedAt: '2026-11-01T00:00:00Z' })];
    expect(sortNewestFirst(list).map((i) => i.id)).toEqual(['new', 'old']);
  });
});
