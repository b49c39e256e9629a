import Router from '@koa/router';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { parseBody, requireRole } from '../http/index.js';
import { ackDownlinks, pullDownlinks, releaseDownlinks } from './taskDownlinks.js';

const LEASE_MS = 30_000;
const Holder = z.string().min(1).max(200);
const Pull = z.object({ holder: Holder, limit: z.number().int().min(1).max(1000).default(100), waitMs: z.number().int().min(0).max(60_000).default(0) });
const Release = z.object({ holder: Holder });
const Ack = z.object({ holder: Holder, seq: z.number().int().min(0) });

/**
 * The gateway's downlink feed (`/api/ingest/downlinks/*`, service token only):
 * `pull` long-polls for downlinks after the checkpoint, `ack` advances it,
 * `release` hands the feed to another gateway at once.
 */
export function downlinkRoutes(deps: AppDeps): Router {
  const router = new Router({ prefix: '/api/ingest/downlinks' });
  router.use(requireRole('service'));

  router.post('/pull', async (ctx) => {
    const { holder, limit, waitMs } = parseBody(Pull, ctx.request.body);
    const gone = new AbortController();
    ctx.res.once('close', () => gone.abort());
    ctx.body = await pullDownlinks(deps, { holder, limit, waitMs, leaseMs: LEASE_MS, signal: gone.signal });
  });

  router.post('/ack', async (ctx) => {
    const { holder, seq } = parseBody(Ack, ctx.request.body);
    ctx.body = { checkpoint: await ackDownlinks(deps, holder, seq, LEASE_MS) };
  });

  router.post('/release', async (ctx) => {
    const { holder } = parseBody(Release, ctx.request.body);
    await releaseDownlinks(deps, holder);
    ctx.body = { released: true };
  });

  return router;
}
