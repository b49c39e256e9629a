import { describe, expect, it } from 'vitest';
import { applyStreamEvent, sortNewestFirst } from './liveIncidents';
import type { IncidentView, StreamEvent } from './types';

const summary = (id: string, status: string, reportedAt = '2026-11-23T01:00:00Z') => ({ id, code: `C-${id}`, status, categoryCode: '01003', severity: 'major', title: 't', lng: 120, lat: 30, reportedAt });
const event = (s: ReturnType<typeof summary> | undefined, type = 'incident.reported'): StreamEvent => ({ seq: 1, type, aggregateId: s?.id ?? 'x', data: s ? { incident: s } : {} });

describe('live incident list', () => {
  it('puts a newly reported case on top', () => {
    const list: IncidentView[] = [{ ...summary('a', 'closed'), version: 3, source: 'worker' }];
    const next = applyStreamEvent(list, event(summary('b', 'reported')));
    expect(next.map((i) => i.id)).toEqual(['b', 'a']);
  });

  it('updates a known case in place and keeps what the event does not carry', () => {
    const list: IncidentView[] = [{ ...summary('a', 'reported'), version: 1, source: 'device', description: 'tilted' }];
    const next = applyStreamEvent(list, event(summary('a', 'dispatched'), 'incident.dispatched'));
    expect(next).toHaveLength(1);
    expect(next[0]).toMatchObject({ status: 'dispatched', description: 'tilted', source: 'device' });
  });

  it('ignores events without an incident summary', () => {
    const list: IncidentView[] = [];
    expect(applyStreamEvent(list, event(undefined))).toBe(list);
  });

  it('sorts newest first', () => {
    const list = [summary('old', 'closed', '2026-01-01T00:00:00Z'), summary('new', 'reported', '2026-11-01T00:00:00Z')].map((s) => ({ ...s, version: 0, source: '' }));
    expect(sortNewestFirst(list).map((i) => i.id)).toEqual(['new', 'old']);
  });
});
