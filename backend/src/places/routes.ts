import Router from '@koa/router';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { parseQuery, requireRole } from '../http/index.js';
import type { Area, GridCell } from '../models/index.js';
import { bboxIntersects, geometryBBox, parseBBox } from '../geo/index.js';
import { basemapFeatureCollection, featureCollection, presentAreaFeature, presentGridFeature } from './geoJson.js';

/** Cells are ~100 m across; a centroid this far (degrees) outside a bbox cannot reach into it. */
const CENTROID_PAD_DEG = 0.02;

const BBoxParam = z.string().transform((text, ctx) => {
  const bbox = parseBBox(text);
  if (!bbox) ctx.addIssue({ code: 'custom', message: 'bbox must be minLng,minLat,maxLng,maxLat' });
  return bbox ?? z.NEVER;
});

const GridsQuery = z.object({
  bbox: BBoxParam.optional(),
  communityCode: z.string().regex(/^\d{12}$/).optional(),
  streetCode: z.string().regex(/^\d{9}$/).optional(),
});

const AreasQuery = z.object({ level: z.enum(['district', 'street', 'community']).optional() });

const STAFF = ['admin', 'commander', 'supervisor', 'department', 'worker'] as const;

/**
 * `/api/geo/*`: grid cells and administrative areas as GeoJSON for signed-in
 * staff, and the offline basemap for everyone (the login page draws it too).
 */
export function geoRoutes(deps: Pick<AppDeps, 'models'>): Router {
  const { models } = deps;
  const router = new Router({ prefix: '/api/geo' });

  router.get('/grids', requireRole(...STAFF), async (ctx) => {
    const q = parseQuery(GridsQuery, ctx.query);
    const filter: Record<string, unknown> = {};
    if (q.communityCode) filter.communityCode = q.communityCode;
    if (q.streetCode) filter.streetCode = q.streetCode;
    if (q.bbox) {
      const [minLng, minLat, maxLng, maxLat] = q.bbox;
      filter['centroid.lng'] = { $gte: minLng - CENTROID_PAD_DEG, $lte: maxLng + CENTROID_PAD_DEG };
      filter['centroid.lat'] = { $gte: minLat - CENTROID_PAD_DEG, $lte: maxLat + CENTROID_PAD_DEG };
    }
    let cells = await models.GridCell.find(filter, { _id: 0, code: 1, name: 1, communityCode: 1, streetCode: 1, areaM2: 1, workerIds: 1, geometry: 1 })
      .sort({ code: 1 })
      .lean<GridCell[]>();
    if (q.bbox) cells = cells.filter((c) => bboxIntersects(geometryBBox(c.geometry), q.bbox!));
    ctx.body = featureCollection(cells.map(presentGridFeature));
  });

  router.get('/areas', requireRole(...STAFF), async (ctx) => {
    const q = parseQuery(AreasQuery, ctx.query);
    const areas = await models.Area.find(q.level ? { level: q.level } : {}, { _id: 0, code: 1, level: 1, name: 1, nameEn: 1, parentCode: 1, geometry: 1 })
      .sort({ code: 1 })
      .lean<Area[]>();
    ctx.body = featureCollection(areas.map(presentAreaFeature));
  });

  router.get('/basemap', async (ctx) => {
    const layers = await models.BasemapLayer.find({}).sort({ order: 1, _id: 1 }).lean();
    ctx.body = { layers: layers.map((l) => ({ id: l._id, order: l.order ?? 0, features: basemapFeatureCollection(l.features) })) };
  });

  return router;
}
