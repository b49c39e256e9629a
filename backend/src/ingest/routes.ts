import Router from '@koa/router';
import { Unauthorized, type Principal } from '../kernel/index.js';
import { verifySecret, verifyToken } from '../auth/index.js';
import type { AppDeps } from '../deps.js';
import { parseBody, requireRole } from '../http/index.js';
import type { ReportResult } from '../incidents/index.js';
import type { Device } from '../models/index.js';
import { DeviceAlarmBody, DeviceAuthBody, DeviceStatusBody, WorkerAuthBody, WorkerLocationBody, WorkerReportBody, type IngestReportAnswer } from '../contracts/index.js';
import { ingestDeviceAlarm, ingestDeviceStatus, ingestWorkerLocation, ingestWorkerReport } from './ingestCommands.js';

function answer(result: ReportResult): IngestReportAnswer {
  const i = result.incident as ReportResult['incident'] & { _id: unknown };
  return { incidentId: String(i._id), code: i.code, trackingCode: i.trackingCode, status: i.status, duplicate: result.duplicate };
}

/** The gateway's side door (`/api/ingest/*`, service token only): credential checks and the four uplink commands. */
export function ingestRoutes(deps: AppDeps, secrets: { jwtSecret: string }): Router {
  const router = new Router({ prefix: '/api/ingest' });
  router.use(requireRole('service'));

  router.post('/device-auth', async (ctx) => {
    const { deviceId, token } = parseBody(DeviceAuthBody, ctx.request.body);
    const device = await deps.models.Device.findOne({ deviceId }).lean<Device>();
    if (!device || !(await verifySecret(token, device.tokenHash))) throw new Unauthorized('unknown device or wrong token', 'invalid_credentials');
    ctx.body = { deviceId, type: device.type };
  });

  router.post('/worker-auth', async (ctx) => {
    const { username, token } = parseBody(WorkerAuthBody, ctx.request.body);
    const principal = await verifyToken({ secret: secrets.jwtSecret }, token);
    if (!principal || principal.username !== username || principal.role !== 'worker') throw new Unauthorized('invalid worker session', 'invalid_credentials');
    ctx.body = { userId: principal.id, username };
  });

  router.post('/device-alarms', async (ctx) => {
    const alarm = parseBody(DeviceAlarmBody, ctx.request.body);
    const result = await ingestDeviceAlarm(deps, ctx.state.user as Principal, { ...alarm, at: alarm.at ? new Date(alarm.at) : undefined });
    ctx.status = result.duplicate ? 200 : 201;
    ctx.body = answer(result);
  });

  router.post('/worker-reports', async (ctx) => {
    const result = await ingestWorkerReport(deps, parseBody(WorkerReportBody, ctx.request.body));
    ctx.status = result.duplicate ? 200 : 201;
    ctx.body = answer(result);
  });

  router.post('/device-status', async (ctx) => {
    const s = parseBody(DeviceStatusBody, ctx.request.body);
    await ingestDeviceStatus(deps, s.deviceId, s.status, new Date(s.at));
    ctx.status = 204;
  });

  router.post('/worker-locations', async (ctx) => {
    const l = parseBody(WorkerLocationBody, ctx.request.body);
    await ingestWorkerLocation(deps, l.username, l.lng, l.lat, new Date(l.at));
    ctx.status = 204;
  });

  return router;
}
