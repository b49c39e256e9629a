import Router from '@koa/router';
import type { Context } from 'koa';
import type { AppDeps } from '../deps.js';
import { WindowRateLimit, parseBody, parseQuery } from '../http/index.js';
import { incidentPolicy } from '../incidents/index.js';
import type { Area } from '../models/index.js';
import { followCase } from './followCase.js';
import { nearbyCases } from './nearbyCases.js';
import { locatePlace, namePlace } from './placeNames.js';
import { presentTracking } from './presentTracking.js';
import { publicCategories, publicCategory } from './publicCategories.js';
import { rateAsResident } from './rateAsResident.js';
import { reportsMap } from './reportsMap.js';
import { residentPolicy } from './residentPolicy.js';
import { FollowBody, LocateQuery, NearbyQuery, RatingBody, ReportsQuery } from './schemas.js';
import { trackCase, type Tracked } from './trackCase.js';

const bodyOf = (ctx: Context): unknown => (ctx.request as { body?: unknown }).body;

/**
 * The resident side around a complaint, no account needed (the complaint itself
 * is `POST /api/public/complaints` in incidents/publicRoutes.ts):
 * - `GET /api/public/categories`, `/areas`: what can be reported, where (names in both languages);
 * - `GET /api/public/locate?lng&lat`: the grid cell, community and street of a point, or `inDistrict: false`;
 * - `GET /api/public/nearby?categoryCode&lng&lat`: "already reported?" — open cases of the category within its fusion distance;
 * - `POST /api/public/cases/:id/follow`: "follow this one" — a tracking code of one's own on that case;
 * - `GET /api/public/reports`: the public map of open and recently closed cases;
 * - `GET /api/public/track/:code`, `POST …/rating`: progress and the holder's own rating (rate-limited per address).
 * Every answer is built from allow-lists; nothing carries a reporter or free text but the holder's own.
 */
export function residentRoutes(deps: AppDeps): Router {
  const router = new Router({ prefix: '/api/public' });
  const lookups = new WindowRateLimit(60_000, 'tracking look-ups');
  const follows = new WindowRateLimit(3_600_000, 'follow requests');

  router.get('/categories', async (ctx) => {
    const { all, majors } = await publicCategories(deps);
    ctx.body = { categories: all, groups: majors };
  });

  router.get('/areas', async (ctx) => {
    const areas = await deps.models.Area.find({ level: { $in: ['street', 'community'] } }, { _id: 0, code: 1, level: 1, name: 1, nameEn: 1, parentCode: 1, geometry: 1 })
      .sort({ code: 1 })
      .lean<Area[]>();
    ctx.body = {
      type: 'FeatureCollection',
      features: areas.map((a) => ({ type: 'Feature', id: a.code, geometry: a.geometry, properties: { code: a.code, level: a.level, name: a.name, nameEn: a.nameEn, parentCode: a.parentCode } })),
    };
  });

  router.get('/locate', async (ctx) => {
    const q = parseQuery(LocateQuery, ctx.query);
    const place = await locatePlace(deps, q.lng, q.lat);
    ctx.body = place ? { inDistrict: true, ...place } : { inDistrict: false };
  });

  router.get('/nearby', async (ctx) => {
    ctx.body = await nearbyCases(deps, parseQuery(NearbyQuery, ctx.query));
  });

  router.get('/reports', async (ctx) => {
    ctx.body = await reportsMap(deps, parseQuery(ReportsQuery, ctx.query));
  });

  router.post('/cases/:id/follow', async (ctx) => {
    follows.hit(ctx.ip, (await residentPolicy(deps.conn)).followsPerHour, deps.clock.now().getTime());
    const body = parseBody(FollowBody, bodyOf(ctx));
    const { follower, duplicate } = await followCase(deps, ctx.params.id!, {
      senderId: body.phone?.replace(/\D/g, '') || `ip:${ctx.ip}`,
      messageId: body.messageId,
      note: body.note,
      contact: body.name || body.phone ? { name: body.name, phone: body.phone } : undefined,
    });
    ctx.status = duplicate ? 200 : 201;
    ctx.body = { trackingCode: follower.trackingCode, duplicate };
  });

  router.get('/track/:trackingCode', async (ctx) => {
    lookups.hit(ctx.ip, (await residentPolicy(deps.conn)).trackLookupsPerMinute, deps.clock.now().getTime());
    ctx.body = await view(await trackCase(deps, ctx.params.trackingCode!));
  });

  router.post('/track/:trackingCode/rating', async (ctx) => {
    lookups.hit(ctx.ip, (await residentPolicy(deps.conn)).trackLookupsPerMinute, deps.clock.now().getTime());
    const body = parseBody(RatingBody, bodyOf(ctx));
    ctx.body = await view(await rateAsResident(deps, ctx.params.trackingCode!, body));
  });

  async function view(t: Tracked) {
    const f = t.followed;
    const [category, place, policy] = await Promise.all([
      publicCategory(deps, f.categoryCode),
      f.gridCode && f.communityCode && f.streetCode ? namePlace(deps, f.gridCode, f.communityCode, f.streetCode) : undefined,
      incidentPolicy(deps.conn),
    ]);
    return presentTracking(t, { now: deps.clock.now(), category, place, reopenAllowed: policy.reopenOnDissatisfied });
  }

  return router;
}
