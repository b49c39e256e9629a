import { describe, expect, it } from 'vitest';
import { filterIncidents } from './listFilter';
import type { IncidentView } from '@onegrid/backend/contracts';

const item = (id: string, status: IncidentView['status'], over: Partial<IncidentView> = {}): IncidentView => ({
  id, code: `20261123-00000${id}`, trackingCode: `T${id}`, status, categoryCode: '06010', severity: 'minor', title: `暴露垃圾 ${id}`, lng: 116.4, lat: 39.9, reportedAt: '2026-11-23T01:00:00Z', version: 1, source: 'worker', assignments: [], departmentCodes: [], clock: null, ...over,
});
const red = { stage: 'handle' as const, startedAt: '2026-11-23T01:00:00Z', dueAt: '2026-11-23T02:00:00Z', remainingMinutes: -5, level: 'red' as const, escalationLevel: 0 };
const list = [item('1', 'reported'), item('2', 'closed'), item('3', 'dispatched', { clock: red, gridCode: '110101001001001' }), item('4', 'rejected', { clock: red })];

describe('incident list filter', () => {
  it('shows cases still in the loop by default view', () => {
    expect(filterIncidents(list, 'open', '').map((i) => i.id)).toEqual(['1', '3']);
  });

  it('shows overdue open cases only', () => {
    expect(filterIncidents(list, 'overdue', '').map((i) => i.id)).toEqual(['3']);
  });

  it('searches code, title and grid code, ignoring case and spaces around', () => {
    expect(filterIncidents(list, 'all', ' 00004 ').map((i) => i.id)).toEqual(['4']);
    expect(filterIncidents(list, 'all', '110101001001001').map((i) => i.id)).toEqual(['3']);
    expect(filterIncidents(list, 'all', '垃圾')).toHaveLength(4);
  });
});
