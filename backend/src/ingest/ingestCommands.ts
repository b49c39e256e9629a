import { Unprocessable, type Principal } from '../kernel/index.js';
import { reportIncident, type CommandDeps, type ReportResult } from '../incidents/index.js';
import type { Device, Severity, User } from '../models/index.js';

export interface DeviceAlarm {
  deviceId: string;
  messageId: string;
  alarmType?: string;
  severity?: Severity;
  value?: number;
  unit?: string;
  lng?: number;
  lat?: number;
  at?: Date;
  detail?: unknown;
}

/**
 * A sensor alarm forwarded by the gateway becomes an incident: the category
 * comes from the Device document, the place from the device unless the alarm
 * gives one; the alarm is trusted (auto-accepted at or above the category's
 * threshold). Idempotent on (device, message id). 422 device_unknown.
 */
export async function ingestDeviceAlarm(deps: CommandDeps, principal: Principal, alarm: DeviceAlarm): Promise<ReportResult> {
  const device = await deps.models.Device.findOne({ deviceId: alarm.deviceId }).lean<Device>();
  if (!device) throw new Unprocessable('device_unknown', `unknown device ${alarm.deviceId}`, { deviceId: alarm.deviceId });
  return reportIncident(deps, principal, {
    source: 'device',
    senderId: device.deviceId,
    deviceId: device.deviceId,
    messageId: alarm.messageId,
    categoryCode: device.categoryCode,
    severity: alarm.severity,
    title: alarm.alarmType ? `${device.name} · ${alarm.alarmType}` : device.name,
    lng: alarm.lng ?? device.lng,
    lat: alarm.lat ?? device.lat,
    trusted: true,
    observedAt: alarm.at,
    detail: {
      ...(alarm.alarmType ? { alarmType: alarm.alarmType } : {}),
      ...(alarm.value !== undefined ? { value: alarm.value } : {}),
      ...(alarm.unit ? { unit: alarm.unit } : {}),
      ...(alarm.detail !== undefined ? { alarm: alarm.detail } : {}),
    },
  });
}

export interface WorkerReport {
  username: string;
  messageId: string;
  categoryCode: string;
  lng: number;
  lat: number;
  description: string;
  photos?: string[];
}

/** The worker a username names, as a principal (the audit names the worker, not the gateway); 422 worker_unknown. */
export async function workerPrincipal(deps: Pick<CommandDeps, 'models'>, username: string): Promise<Principal> {
  const user = await deps.models.User.findOne({ username, role: 'worker', active: true }).lean<User & { _id: unknown }>();
  if (!user) throw new Unprocessable('worker_unknown', `unknown grid worker ${username}`, { username });
  return { id: String(user._id), username: user.username, role: 'worker', displayName: user.displayName, gridCodes: user.gridCodes };
}

/** A grid worker's field report (上报) forwarded by the gateway; idempotent on (worker, message id). */
export async function ingestWorkerReport(deps: CommandDeps, report: WorkerReport): Promise<ReportResult> {
  const worker = await workerPrincipal(deps, report.username);
  return reportIncident(deps, worker, {
    source: 'worker',
    senderId: worker.username,
    messageId: report.messageId,
    categoryCode: report.categoryCode,
    description: report.description,
    lng: report.lng,
    lat: report.lat,
    photos: report.photos,
    reporter: { userId: worker.id, name: worker.displayName },
  });
}

/** Records a device's online/offline state and when it was last seen; 422 device_unknown. */
export async function ingestDeviceStatus(deps: Pick<CommandDeps, 'models'>, deviceId: string, status: 'online' | 'offline', at: Date): Promise<void> {
  const res = await deps.models.Device.updateOne({ deviceId, $or: [{ lastSeenAt: { $exists: false } }, { lastSeenAt: { $lte: at } }] }, { $set: { status, lastSeenAt: at } });
  if (res.matchedCount === 0 && !(await deps.models.Device.exists({ deviceId }))) throw new Unprocessable('device_unknown', `unknown device ${deviceId}`, { deviceId });
}

/** Keeps a grid worker's last known position (one document per worker in `workerlocations`), ignoring older fixes. */
export async function ingestWorkerLocation(deps: Pick<CommandDeps, 'conn' | 'models'>, username: string, lng: number, lat: number, at: Date): Promise<void> {
  await workerPrincipal(deps, username);
  await deps.conn
    .collection<{ _id: string; lng: number; lat: number; at: Date }>('workerlocations')
    .updateOne({ _id: username, $or: [{ at: { $exists: false } }, { at: { $lte: at } }] }, { $set: { lng, lat, at } }, { upsert: true })
    .catch((err: { code?: number }) => {
      if (err.code !== 11000) throw err; // a newer fix is stored: the upsert found no match and collided
    });
}
