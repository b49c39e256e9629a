import type { Principal } from '@onegrid/backend/kernel';
import { reportIncident, RESIDENT_PRINCIPAL, type CommandDeps } from '@onegrid/backend/incidents';
import { ingestDeviceAlarm, ingestWorkerReport } from '@onegrid/backend/ingest';
import type { Device, GridCell, Incident } from '@onegrid/backend/models';
import { DEVICE_TYPE_SPECS } from './deviceTypes.js';
import { DESCRIPTIONS, OPERATOR_CATEGORIES, RESIDENT_CATEGORIES, WORKER_CATEGORIES, type HistorySource } from './historyPlan.js';
import { personName } from './names.js';
import type { Rng } from './random.js';

/** The service principal the gateway's ingest calls act as. */
export const GATEWAY_PRINCIPAL: Principal = { id: 'service', username: 'gateway', role: 'service', displayName: 'Device gateway' };

/** What a past report can be made of. */
export interface ReportWorld {
  devices: Pick<Device, 'deviceId' | 'type'>[];
  cells: Pick<GridCell, 'code' | 'centroid'>[];
  cellByCode: Map<string, Pick<GridCell, 'code' | 'centroid'>>;
  workers: Principal[];
  operator: Principal;
}

/**
 * One past report through the same entry point its channel uses live: a
 * device alarm through ingestDeviceAlarm, a worker's report through
 * ingestWorkerReport, a resident complaint and an operator entry through
 * reportIncident with what the public and operator routes pass.
 */
export async function reportPast(deps: CommandDeps, world: ReportWorld, source: HistorySource, messageId: string, r: Rng, at: Date): Promise<Incident> {
  if (source === 'device' && world.devices.length) {
    const device = r.pick(world.devices);
    const spec = DEVICE_TYPE_SPECS[device.type];
    const value = Math.round(r.range(spec.alarm.alarm[0], spec.alarm.alarm[1]) * 100) / 100;
    const severity = r.chance(0.75) ? 'major' : 'minor';
    return (await ingestDeviceAlarm(deps, GATEWAY_PRINCIPAL, { deviceId: device.deviceId, messageId, alarmType: spec.alarm.type, severity, value, unit: spec.alarm.unit, at })).incident;
  }
  if (source === 'worker' && world.workers.length) {
    const worker = r.pick(world.workers);
    const cell = world.cellByCode.get(r.pick(worker.gridCodes!))!;
    const categoryCode = r.weighted(WORKER_CATEGORIES);
    const [lng, lat] = jitter(cell.centroid, r, 25);
    const report = { username: worker.username, messageId, categoryCode, lng, lat, description: describe(categoryCode, r), photos: [`seed://photos/${messageId}.jpg`] };
    return (await ingestWorkerReport(deps, report)).incident;
  }
  const cell = r.pick(world.cells);
  const [lng, lat] = jitter(cell.centroid, r, 40);
  if (source === 'resident') {
    const categoryCode = r.weighted(RESIDENT_CATEGORIES);
    const phone = `1${r.pick(['36', '39', '58', '87'])}${String(r.int(0, 99_999_999)).padStart(8, '0')}`;
    const input = { source: 'resident' as const, senderId: phone, messageId, categoryCode, description: describe(categoryCode, r), lng, lat, reporter: { name: personName(r), phone } };
    return (await reportIncident(deps, RESIDENT_PRINCIPAL, input)).incident;
  }
  const categoryCode = r.weighted(OPERATOR_CATEGORIES);
  const input = { source: 'operator' as const, senderId: world.operator.username, messageId, categoryCode, description: `12345热线转办：${describe(categoryCode, r)}`, lng, lat };
  return (await reportIncident(deps, world.operator, input)).incident;
}

function describe(categoryCode: string, r: Rng): string {
  const options = DESCRIPTIONS[categoryCode];
  return options ? r.pick(options) : '巡查发现问题，请尽快处置';
}

/** A point within `metres` of a cell's interior point (the GeoService finds its cell, or the nearest). */
export function jitter(c: { lng: number; lat: number }, r: Rng, metres: number): [number, number] {
  const dLat = metres / 111_195;
  const dLng = dLat / Math.cos((c.lat * Math.PI) / 180);
  return [Math.round((c.lng + r.range(-dLng, dLng)) * 1e7) / 1e7, Math.round((c.lat + r.range(-dLat, dLat)) * 1e7) / 1e7];
}
