import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import type { Incident } from '@onegrid/backend/models';
import { cloneIncident, trackingCodeFor } from './cloneIncident.js';

const WEEK = 7 * 86_400_000;

describe('cloning a played incident for the city-scale history', () => {
  it('gives distinct, well-formed tracking codes to the first 200,000 clones', () => {
    const codes = new Set<string>();
    for (let n = 0; n < 200_000; n++) codes.add(trackingCodeFor(n));
    expect(codes.size).toBe(200_000);
    for (const c of [...codes].slice(0, 100)) expect(c).toMatch(/^[ABCDEFGHJKLMNPQRSTUVWXYZ2-9]{8}$/);
  });

  it('moves every date by the shift and the case to the new cell, with its own identity and no outbox', () => {
    const at = new Date('2026-10-12T02:00:00Z');
    const template = {
      _id: new Types.ObjectId(),
      code: '20261012-000001',
      trackingCode: 'ABCDEFGH',
      status: 'closed',
      source: 'worker',
      idempotencyKey: 'worker:worker-02:hist-1',
      reportedAt: at,
      closedAt: new Date(at.getTime() + 3_600_000),
      updatedAt: new Date(at.getTime() + 3_600_000),
      lng: 120.15,
      lat: 30.28,
      gridCode: '330106001001001',
      assignments: [{ departmentCode: 'CG', role: 'lead', status: 'resolved', assignedAt: at, dueAt: new Date(at.getTime() + 7_200_000) }],
      verification: { workerIds: ['worker-02'], requestedAt: at, result: 'passed' },
      timeline: [{ eventId: 'e1', type: 'incident.verifying', at, data: { workerIds: ['worker-02'], task: { kind: 'verify', incidentId: 'x', code: 'c' } } }],
      outbox: [{ id: 'e1' }],
      duplicateIds: [],
    } as unknown as Incident;
    const place = { lng: 120.2, lat: 30.3, gridCode: '330106002003004', communityCode: '330106002003', streetCode: '330106002', workerIds: ['worker-77'] };
    const clone = cloneIncident(template, 42, -2 * WEEK, place, '20260928-000009');
    expect(clone.reportedAt.getTime()).toBe(at.getTime() - 2 * WEEK);
    expect(new Date(clone.assignments[0].dueAt!).getTime()).toBe(at.getTime() + 7_200_000 - 2 * WEEK);
    expect(clone.timeline[0].at.getTime()).toBe(at.getTime() - 2 * WEEK);
    expect(clone).toMatchObject({ code: '20260928-000009', gridCode: place.gridCode, streetCode: place.streetCode, idempotencyKey: 'worker:worker-02:bulk-42', outbox: [] });
    expect(String(clone._id)).not.toBe(String(template._id));
    expect(clone.verification!.workerIds).toEqual(['worker-77']);
    expect(clone.timeline[0].data).toMatchObject({ workerIds: ['worker-77'], task: { incidentId: String(clone._id), code: '20260928-000009' } });
    expect(clone.timeline[0].eventId).not.toBe('e1');
    expect(template.reportedAt).toEqual(at);
  });
});
