import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bodyParser } from '@koa/bodyparser';
import Router from '@koa/router';
import Koa from 'koa';
import serve from 'koa-static';
import { authenticate, authRoutes, type Secrets } from './auth/index.js';
import type { AppDeps } from './deps.js';
import { geoRoutes } from './places/index.js';
import { errorHandler, requestContext } from './http/index.js';
import { incidentRoutes, publicRoutes } from './incidents/index.js';
import { downlinkRoutes } from './downlinks/index.js';
import { ingestRoutes } from './ingest/index.js';
import { formatOfPath, open311, toXml } from './open311/index.js';
import { referenceRoutes } from './reference/index.js';
import { streamRoutes } from './stream/index.js';
import { residentRoutes } from './residents/index.js';

export interface AppOptions {
  secrets: Secrets;
  /** Reports whether the store and the bus are ready, for /readyz. */
  readiness?: () => Promise<{ store: boolean; bus: boolean }>;
}

const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../frontend/dist', import.meta.url));

/** Builds the Koa application with every route; it never listens (server.ts does, tests use app.callback()). */
export function createApp(deps: AppDeps, options: AppOptions): Koa {
  const app = new Koa({ proxy: true });
  app.silent = true;
  app.use(requestContext(deps.logger));
  app.use(errorHandler(deps.logger));
  app.use(open311(deps)); // /open311/v2: GeoReport v2, form-encoded bodies, answers every path under /open311 itself
  app.use(bodyParser({ jsonLimit: '2mb', enableTypes: ['json'], encoding: 'utf-8' }));
  app.use(authenticate({ jwtSecret: options.secrets.JWT_SECRET, serviceToken: options.secrets.SERVICE_TOKEN }));

  const health = new Router();
  health.get('/healthz', (ctx) => {
    ctx.body = { ok: true };
  });
  health.get('/readyz', async (ctx) => {
    const state = options.readiness ? await options.readiness() : { store: deps.conn.readyState === 1, bus: true };
    const ok = state.store && state.bus;
    ctx.status = ok ? 200 : 503;
    ctx.body = { ok, ...state };
  });
  health.get('/api/config', (ctx) => {
    const center = deps.env.MAP_CENTER?.split(',').map(Number);
    ctx.body = { tileUrl: deps.env.TILE_URL, tileAttribution: deps.env.TILE_ATTRIBUTION, center: center ?? null, zoom: deps.env.MAP_ZOOM, locales: ['zh-CN', 'en'], demo: deps.env.DEMO };
  });

  const jwt = { jwtSecret: options.secrets.JWT_SECRET };
  for (const router of [health, authRoutes(deps, jwt), streamRoutes(deps), geoRoutes(deps), referenceRoutes(deps), incidentRoutes(deps), publicRoutes(deps), residentRoutes(deps), ingestRoutes(deps, jwt), downlinkRoutes(deps)]) {
    app.use(router.routes());
    app.use(router.allowedMethods());
  }
  mountWebApp(app, deps.env.WEB_DIST ? resolve(deps.env.WEB_DIST) : DEFAULT_WEB_DIST);
  return app;
}

/** Serves the built web app with a fallback to index.html for client-side routes; unknown /api paths stay 404 (JSON, XML for `.xml`). */
function mountWebApp(app: Koa, dist: string): void {
  app.use(async (ctx, next) => {
    await next();
    if (ctx.status === 404 && ctx.body === undefined && ctx.path.startsWith('/api')) {
      ctx.status = 404;
      const message = `no route ${ctx.method} ${ctx.path}`;
      if (formatOfPath(ctx.path) === 'xml') {
        ctx.type = 'text/xml; charset=utf-8';
        ctx.body = toXml('errors', [{ code: 404, description: message }]);
      } else ctx.body = { error: { code: 'not_found', message, details: null } };
    }
  });
  if (!existsSync(join(dist, 'index.html'))) return;
  app.use(serve(dist, { maxage: 3600_000, index: 'index.html' }));
  const index = readFileSync(join(dist, 'index.html'), 'utf8');
  app.use(async (ctx, next) => {
    await next();
    if (ctx.status === 404 && ctx.method === 'GET' && !ctx.path.startsWith('/api') && ctx.accepts('html')) {
      ctx.type = 'html';
      ctx.body = index;
    }
  });
}
