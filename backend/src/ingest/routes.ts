import Router from '@koa/router';
import { z } from 'zod';
import { Unauthorized, type Principal } from '../kernel/index.js';
import { verifySecret, verifyToken } from '../auth/index.js';
import type { AppDeps } from '../deps.js';
import { parseBody, requireRole } from '../http/index.js';
import type { ReportResult } from '../incidents/index.js';
import { SEVERITIES, type Device } from '../models/index.js';
import { ingestDeviceAlarm, ingestDeviceStatus, ingestWorkerLocation, ingestWorkerReport } from './ingestCommands.js';

const lng = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);
const at = z.coerce.date();

const DeviceAuth = z.object({ deviceId: z.string().min(1).max(128), token: z.string().min(1).max(512) });
const WorkerAuth = z.object({ username: z.string().min(1).max(64), token: z.string().min(1).max(4096) });
const DeviceAlarm = z.object({
  deviceId: z.string().min(1).max(128),
  messageId: z.string().min(1).max(128),
  alarmType: z.string().max(64).optional(),
  severity: z.enum(SEVERITIES as [string, ...string[]]).optional(),
  value: z.number().optional(),
  unit: z.string().max(16).optional(),
  lng: lng.optional(),
  lat: lat.optional(),
  at: at.optional(),
  detail: z.unknown().optional(),
});
const DeviceStatus = z.object({ deviceId: z.string().min(1).max(128), status: z.enum(['online', 'offline']), at });
const WorkerReport = z.object({
  username: z.string().min(1).max(64),
  messageId: z.string().min(1).max(128),
  categoryCode: z.string().regex(/^\d{5}$/),
  lng,
  lat,
  description: z.string().trim().min(1).max(4000),
  photos: z.array(z.string().min(1).max(500)).max(20).optional(),
});
const WorkerLocation = z.object({ username: z.string().min(1).max(64), lng, lat, at });

function answer(result: ReportResult) {
  const i = result.incident as ReportResult['incident'] & { _id: unknown };
  return { incidentId: String(i._id), code: i.code, trackingCode: i.trackingCode, status: i.status, duplicate: result.duplicate };
}

/** The gateway's side door (`/api/ingest/*`, service token only): credential checks and the four uplink commands. */
export function ingestRoutes(deps: AppDeps, secrets: { jwtSecret: string }): Router {
  const router = new Router({ prefix: '/api/ingest' });
  router.use(requireRole('service'));

  router.post('/device-auth', async (ctx) => {
    const { deviceId, token } = parseBody(DeviceAuth, ctx.request.body);
    const device = await deps.models.Device.findOne({ deviceId }).lean<Device>();
    if (!device || !(await verifySecret(token, device.tokenHash))) throw new Unauthorized('unknown device or wrong token', 'invalid_credentials');
    ctx.body = { deviceId, type: device.type };
  });

  router.post('/worker-auth', async (ctx) => {
    const { username, token } = parseBody(WorkerAuth, ctx.request.body);
    const principal = await verifyToken({ secret: secrets.jwtSecret }, token);
    if (!principal || principal.username !== username || principal.role !== 'worker') throw new Unauthorized('invalid worker session', 'invalid_credentials');
    ctx.body = { userId: principal.id, username };
  });

  router.post('/device-alarms', async (ctx) => {
    const alarm = parseBody(DeviceAlarm, ctx.request.body);
    const result = await ingestDeviceAlarm(deps, ctx.state.user as Principal, alarm as Parameters<typeof ingestDeviceAlarm>[2]);
    ctx.status = result.duplicate ? 200 : 201;
    ctx.body = answer(result);
  });

  router.post('/worker-reports', async (ctx) => {
    const result = await ingestWorkerReport(deps, parseBody(WorkerReport, ctx.request.body));
    ctx.status = result.duplicate ? 200 : 201;
    ctx.body = answer(result);
  });

  router.post('/device-status', async (ctx) => {
    const s = parseBody(DeviceStatus, ctx.request.body);
    await ingestDeviceStatus(deps, s.deviceId, s.status, s.at);
    ctx.status = 204;
  });

  router.post('/worker-locations', async (ctx) => {
    const l = parseBody(WorkerLocation, ctx.request.body);
    await ingestWorkerLocation(deps, l.username, l.lng, l.lat, l.at);
    ctx.status = 204;
  });

  return router;
}
