import Router from '@koa/router';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { parseBBox } from '../geo/index.js';
import { parseQuery, requireRole } from '../http/index.js';
import { DEVICE_TYPES, type Category, type Department, type Device } from '../models/index.js';
import { inTreeOrder, presentCategory, presentDepartment, presentDevice } from './presenters.js';

/** Devices returned by one request at most; a city has a million, so the map asks by bounding box. */
export const DEVICES_MAX_LIMIT = 10_000;

const DevicesQuery = z.object({
  bbox: z
    .string()
    .transform((text, ctx) => parseBBox(text) ?? (ctx.addIssue({ code: 'custom', message: 'bbox must be minLng,minLat,maxLng,maxLat' }), z.NEVER))
    .optional(),
  type: z.enum(DEVICE_TYPES as [string, ...string[]]).optional(),
  gridCode: z.string().regex(/^\d{15}$/).optional(),
  status: z.enum(['online', 'offline', 'unknown']).optional(),
  limit: z.coerce.number().int().min(1).max(DEVICES_MAX_LIMIT).default(2_000),
});

const STAFF = ['admin', 'commander', 'supervisor', 'department', 'worker'] as const;

/** `GET /api/categories` (tree order), `/api/departments`, `/api/devices?bbox=&type=` for signed-in staff. */
export function referenceRoutes(deps: Pick<AppDeps, 'models'>): Router {
  const { models } = deps;
  const router = new Router({ prefix: '/api' });

  router.get('/categories', requireRole(...STAFF), async (ctx) => {
    const categories = await models.Category.find({}).lean<Category[]>();
    ctx.body = { items: inTreeOrder(categories).map(presentCategory) };
  });

  router.get('/departments', requireRole(...STAFF), async (ctx) => {
    const departments = await models.Department.find({}).sort({ code: 1 }).lean<Department[]>();
    ctx.body = { items: departments.map(presentDepartment) };
  });

  router.get('/devices', requireRole(...STAFF), async (ctx) => {
    const q = parseQuery(DevicesQuery, ctx.query);
    const filter: Record<string, unknown> = {};
    if (q.bbox) {
      filter.lng = { $gte: q.bbox[0], $lte: q.bbox[2] };
      filter.lat = { $gte: q.bbox[1], $lte: q.bbox[3] };
    }
    if (q.type) filter.type = q.type;
    if (q.gridCode) filter.gridCode = q.gridCode;
    if (q.status) filter.status = q.status;
    const devices = await models.Device.find(filter, { tokenHash: 0 }).sort({ deviceId: 1 }).limit(q.limit + 1).lean<Device[]>();
    const truncated = devices.length > q.limit;
    ctx.body = { items: devices.slice(0, q.limit).map(presentDevice), truncated };
  });

  return router;
}
