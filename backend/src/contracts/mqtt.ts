import { z } from 'zod';
import { CategoryCode, IsoDateTime, Lat, Lng, MessageId, Severity } from './common.js';

// MQTT payloads (topics in shared/reference/iot.md). The gateway validates
// uplinks with these before it forwards them to /api/ingest/*.

/** `devices/{id}/alarm` */
export const AlarmPayload = z.object({
  messageId: MessageId,
  alarmType: z.string().min(1).max(64).optional(),
  severity: Severity.optional(),
  value: z.number().finite().optional(),
  unit: z.string().max(16).optional(),
  lng: Lng.optional(),
  lat: Lat.optional(),
  at: IsoDateTime.optional(),
  detail: z.record(z.string(), z.unknown()).optional(),
});
export type AlarmPayload = z.infer<typeof AlarmPayload>;

/** `devices/{id}/status` (retained; the last will says offline) */
export const DeviceStatusPayload = z.object({
  status: z.enum(['online', 'offline']),
  at: IsoDateTime.optional(),
});
export type DeviceStatusPayload = z.infer<typeof DeviceStatusPayload>;

/** `workers/{id}/reports` */
export const WorkerReportPayload = z.object({
  messageId: MessageId,
  categoryCode: CategoryCode,
  lng: Lng,
  lat: Lat,
  description: z.string().trim().min(1).max(2000),
  photos: z.array(z.string().min(1).max(2048)).max(9).optional(),
});
export type WorkerReportPayload = z.infer<typeof WorkerReportPayload>;

/** `workers/{id}/location` */
export const WorkerLocationPayload = z.object({
  lng: Lng,
  lat: Lat,
  at: IsoDateTime.optional(),
});
export type WorkerLocationPayload = z.infer<typeof WorkerLocationPayload>;

/** `devices/{id}/ack`, `workers/{id}/ack`: the answer to one uplink. */
export const AckPayload = z.discriminatedUnion('ok', [
  z.object({ messageId: z.string().nullable(), ok: z.literal(true), incidentCode: z.string(), trackingCode: z.string(), duplicate: z.boolean() }),
  z.object({ messageId: z.string().nullable(), ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);
export type AckPayload = z.infer<typeof AckPayload>;

/** `workers/{username}/tasks`: a verification task (核查). `taskId` is stable across redeliveries: dedupe on it. */
export const TaskPayload = z.object({
  taskId: z.string(),
  kind: z.literal('verify'),
  seq: z.number().int(),
  incidentId: z.string(),
  code: z.string(),
  title: z.string(),
  categoryCode: z.string(),
  lng: z.number(),
  lat: z.number(),
  gridCode: z.string().optional(),
  address: z.string().optional(),
  requestedAt: IsoDateTime,
  /** When the check is due (working time of the verify stage), if the case has a clock. */
  dueAt: IsoDateTime.optional(),
});
export type TaskPayload = z.infer<typeof TaskPayload>;
