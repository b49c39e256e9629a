import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportIncident } from '@onegrid/backend/incidents';
import { CAT_COVER, CAT_RUBBISH, DEPT, GRID, PRINCIPALS as P, incidentWorld, pointIn, type IncidentWorld } from '../support/fixtures.js';
import { expectTimelineRebuilds, load, report, typesOf } from './helpers.js';

let w: IncidentWorld;
beforeAll(async () => {
  w = await incidentWorld({ fusion: false });
});
afterAll(() => w.close());

const alarm = (messageId: string, severity: 'critical' | 'major' | 'minor' | 'warning', eastM = 0) => ({
  source: 'device' as const,
  senderId: 'cover-001',
  deviceId: 'cover-001',
  messageId,
  categoryCode: CAT_COVER,
  severity,
  trusted: true,
  title: '井盖倾斜 cover tilted',
  ...pointIn('A2', eastM),
  detail: { alarmType: 'tilt', value: 23, unit: 'deg' },
});

describe('intake: one command for every channel', () => {
  it('accepts and dispatches a trusted sensor alarm at or above the category threshold: incident.reported then incident.dispatched', async () => {
    const { incident: i, duplicate } = await reportIncident(w.deps, P.gateway, alarm('m-critical', 'critical'));
    expect(duplicate).toBe(false);
    expect(i.status).toBe('dispatched');
    expect(i.gridCode).toBe(GRID.A2);
    expect(typesOf(i)).toEqual(['incident.reported', 'incident.dispatched']);
    expect(i.outbox[1].data).toMatchObject({ from: 'reported', to: 'dispatched', autoAccepted: true, leadDepartmentCode: DEPT.SZ });
    expect(i.outbox[0].data).toMatchObject({ alarmType: 'tilt', value: 23, source: 'device' });
    expect(i.assignments).toMatchObject([{ departmentCode: DEPT.SZ, role: 'lead', status: 'assigned' }]);
    expect(i.outbox.every((e) => e.scope.gridCodes.includes(GRID.A2))).toBe(true);
    // The department is in scope from the dispatch on (it did not hold the case when it was reported).
    expect(i.outbox.map((e) => e.scope.departmentCodes)).toEqual([[], [DEPT.SZ]]);
    expect(i.version).toBe(2);
    expect(w.bus.notified).toBeGreaterThan(0);
    await expectTimelineRebuilds(w, i._id);
  });

  it('is idempotent on (source, sender, message id): a replay returns the same incident as a duplicate and writes nothing', async () => {
    const first = await reportIncident(w.deps, P.gateway, alarm('m-replay', 'critical', 200));
    const again = await reportIncident(w.deps, P.gateway, alarm('m-replay', 'critical', 200));
    expect(again.duplicate).toBe(true);
    expect(String(again.incident._id)).toBe(String(first.incident._id));
    expect(await w.models.Incident.countDocuments({ idempotencyKey: 'device:cover-001:m-replay' })).toBe(1);
    expect((await load(w, first.incident._id)).version).toBe(first.incident.version);
  });

  it('replays racing each other still create one incident', async () => {
    const input = { ...alarm('m-race', 'critical'), ...pointIn('B2') };
    const results = await Promise.all([reportIncident(w.deps, P.gateway, input), reportIncident(w.deps, P.gateway, input), reportIncident(w.deps, P.gateway, input)]);
    expect(new Set(results.map((r) => String(r.incident._id))).size).toBe(1);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
  });

  it('leaves a minor alarm (below autoAcceptSeverity) reported, with the accept clock running', async () => {
    const { incident } = await reportIncident(w.deps, P.gateway, { ...alarm('m-minor', 'minor'), ...pointIn('B1') });
    expect(incident.status).toBe('reported');
    expect(incident.clock?.stage).toBe('accept');
    expect(incident.assignments).toEqual([]);
  });

  it('never auto-accepts an untrusted or non-device report, whatever its severity', async () => {
    const { incident } = await reportIncident(w.deps, P.workerB, { source: 'worker', senderId: 'worker-b', messageId: 'w1', categoryCode: CAT_COVER, severity: 'critical', ...pointIn('B1', 0, -30) });
    expect(incident.status).toBe('reported');
  });

  it('locates a point just outside every cell in the nearest cell, and a far point in the unlocated queue', async () => {
    const near = await report(w, { ...pointIn('A1', -80), messageId: 'near' }); // 30 m west of the district edge
    expect(near.gridCode).toBe(GRID.A1);
    expect(near.unlocated).toBe(false);
    expect(near.timeline[0].data).toMatchObject({ located: true });
    const far = await report(w, { ...pointIn('A1', -2_000), messageId: 'far' });
    expect(far.unlocated).toBe(true);
    expect(far.gridCode).toBeUndefined();
    expect(far.timeline[0].data).toMatchObject({ located: false });
  });

  it('numbers cases per day YYYYMMDD-NNNNNN and gives short unambiguous tracking codes', async () => {
    w.clock.set('2026-09-29T01:00:00Z');
    const a = await report(w, { ...pointIn('B2', 20, 20) });
    const b = await report(w, { ...pointIn('B2', -20, -20), categoryCode: CAT_COVER });
    expect(a.code).toBe('20260929-000001');
    expect(b.code).toBe('20260929-000002');
    for (const code of [a.trackingCode, b.trackingCode]) expect(code).toMatch(/^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{8}$/);
    // A Beijing day starts at 16:00Z the day before.
    w.clock.set('2026-09-29T16:30:00Z');
    const c = await report(w, { ...pointIn('A2', 30, -30) });
    expect(c.code).toBe('20260930-000001');
  });

  it('refuses an unknown category with 422 category_unknown', async () => {
    await expect(report(w, { categoryCode: '99999' })).rejects.toMatchObject({ status: 422, code: 'category_unknown' });
  });

  it('indexes words and Chinese bigrams of the text for search', async () => {
    const i = await report(w, { description: '小区门口 Rubbish overflow', categoryCode: CAT_RUBBISH, ...pointIn('B1', 40, 40) });
    expect(i.searchTerms).toEqual(expect.arrayContaining(['小区', '区门', '门口', 'rubbish', 'overflow']));
  });
});
