import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestDeviceAlarm, ingestDeviceStatus, ingestWorkerLocation, ingestWorkerReport } from '@onegrid/backend/ingest';
import { CAT_COVER, CAT_RUBBISH, DEPT, GRID, PRINCIPALS as P, incidentWorld, pointIn, type IncidentWorld } from '../support/fixtures.js';
import { typesOf } from './helpers.js';

let w: IncidentWorld;
beforeAll(async () => {
  w = await incidentWorld({ fusion: false });
  await w.models.Device.create({ deviceId: 'cover-001', type: 'well-cover', name: '井盖传感器 001', tokenHash: 'x', ...pointIn('A2'), gridCode: GRID.A2, categoryCode: CAT_COVER });
  await w.models.User.create({ username: 'worker-a', passwordHash: 'x', role: 'worker', displayName: '孙网格', gridCodes: [GRID.A1, GRID.A2] });
});
afterAll(() => w.close());

describe('ingest commands (the gateway side)', () => {
  it('turns a device alarm into an incident with the device category and place, dispatched when severe', async () => {
    const { incident, duplicate } = await ingestDeviceAlarm(w.deps, P.gateway, { deviceId: 'cover-001', messageId: 'm1', alarmType: 'tilt', severity: 'critical', value: 23, unit: 'deg' });
    expect(duplicate).toBe(false);
    expect(incident).toMatchObject({ categoryCode: CAT_COVER, gridCode: GRID.A2, deviceId: 'cover-001', status: 'dispatched', source: 'device', title: '井盖传感器 001 · tilt' });
    expect(incident.assignments[0].departmentCode).toBe(DEPT.SZ);
    expect(typesOf(incident)).toEqual(['incident.reported', 'incident.dispatched']);
    const again = await ingestDeviceAlarm(w.deps, P.gateway, { deviceId: 'cover-001', messageId: 'm1', severity: 'critical' });
    expect(again.duplicate).toBe(true);
    expect(String(again.incident._id)).toBe(String(incident._id));
  });

  it('uses the position the alarm gives over the device’s own', async () => {
    const at = pointIn('B1');
    const { incident } = await ingestDeviceAlarm(w.deps, P.gateway, { deviceId: 'cover-001', messageId: 'm2', severity: 'minor', ...at });
    expect(incident.gridCode).toBe(GRID.B1);
    expect(incident.status).toBe('reported');
  });

  it('answers 422 device_unknown for an unknown device', async () => {
    await expect(ingestDeviceAlarm(w.deps, P.gateway, { deviceId: 'ghost', messageId: 'm' })).rejects.toMatchObject({ status: 422, code: 'device_unknown' });
    await expect(ingestDeviceStatus(w.deps, 'ghost', 'online', new Date())).rejects.toMatchObject({ status: 422, code: 'device_unknown' });
  });

  it('records a worker report under the worker’s own name, idempotent on the message id', async () => {
    const input = { username: 'worker-a', messageId: 'r1', categoryCode: CAT_RUBBISH, description: '垃圾堆放', ...pointIn('A1') };
    const first = await ingestWorkerReport(w.deps, input);
    expect(first.incident).toMatchObject({ source: 'worker', reporter: { name: '孙网格' }, gridCode: GRID.A1 });
    expect(first.incident.timeline[0].actor).toMatchObject({ role: 'worker', name: '孙网格' });
    expect((await ingestWorkerReport(w.deps, input)).duplicate).toBe(true);
    await expect(ingestWorkerReport(w.deps, { ...input, username: 'nobody' })).rejects.toMatchObject({ status: 422, code: 'worker_unknown' });
  });

  it('keeps the newest device status and worker position, ignoring late arrivals', async () => {
    await ingestDeviceStatus(w.deps, 'cover-001', 'offline', new Date('2026-09-28T03:00:00Z'));
    await ingestDeviceStatus(w.deps, 'cover-001', 'online', new Date('2026-09-28T02:00:00Z'));
    expect(await w.models.Device.findOne({ deviceId: 'cover-001' }).lean()).toMatchObject({ status: 'offline' });
    await ingestWorkerLocation(w.deps, 'worker-a', 116.401, 39.899, new Date('2026-09-28T03:00:00Z'));
    await ingestWorkerLocation(w.deps, 'worker-a', 116.5, 39.5, new Date('2026-09-28T02:00:00Z'));
    expect(await w.conn.collection('workerlocations').findOne({ _id: 'worker-a' as never })).toMatchObject({ lng: 116.401, lat: 39.899 });
  });
});
