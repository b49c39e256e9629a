import { z } from 'zod';
import { DeviceId, IsoDateTime, Username } from './common.js';
import { AlarmPayload, DeviceStatusPayload, WorkerLocationPayload, WorkerReportPayload } from './mqtt.js';

// Bodies of the gateway's side door, /api/ingest/* (service token): each is the
// MQTT payload the gateway validated plus the sender the topic named.

export const DeviceAuthBody = z.object({ deviceId: DeviceId, token: z.string().min(1).max(512) });
export type DeviceAuthBody = z.infer<typeof DeviceAuthBody>;

export const WorkerAuthBody = z.object({ username: Username, token: z.string().min(1).max(4096) });
export type WorkerAuthBody = z.infer<typeof WorkerAuthBody>;

export const DeviceAlarmBody = AlarmPayload.extend({ deviceId: DeviceId });
export type DeviceAlarmBody = z.infer<typeof DeviceAlarmBody>;

/** The gateway stamps `at` when the device did not. */
export const DeviceStatusBody = DeviceStatusPayload.extend({ deviceId: DeviceId, at: IsoDateTime });
export type DeviceStatusBody = z.infer<typeof DeviceStatusBody>;

export const WorkerReportBody = WorkerReportPayload.extend({ username: Username });
export type WorkerReportBody = z.infer<typeof WorkerReportBody>;

export const WorkerLocationBody = WorkerLocationPayload.extend({ username: Username, at: IsoDateTime });
export type WorkerLocationBody = z.infer<typeof WorkerLocationBody>;

/** 201 (new) or 200 (a replayed messageId) of device-alarms and worker-reports. */
export const IngestReportAnswer = z.object({
  incidentId: z.string(),
  code: z.string(),
  trackingCode: z.string(),
  status: z.string(),
  duplicate: z.boolean(),
});
export type IngestReportAnswer = z.infer<typeof IngestReportAnswer>;
