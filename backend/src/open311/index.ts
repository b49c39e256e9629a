import { bodyParser } from '@koa/bodyparser';
import type { Context, Middleware, Next } from 'koa';
import type { AppDeps } from '../deps.js';
import { notFound, Open311Error, open311Errors } from './errors.js';
import { open311Routes } from './routes.js';

// What other folders (app.ts) and tests, seed and scripts use from this room.
export { clientForKey, createClient, hashApiKey, listClients, revokeClient } from './apiKeys.js';
export { formatOfPath, MEDIA_TYPES } from './format.js';
export { KEYS_USAGE, runKeysCommand } from './keysCommand.js';
export { presentDefinition } from './services.js';
export { toXml } from './xml.js';

/** True for `/open311` and everything under it. */
export const isOpen311Path = (path: string): boolean => path === '/open311' || path.startsWith('/open311/');

/**
 * The Open311 GeoReport v2 room as one Koa middleware, mounted before the
 * app's JSON body parser: everything under `/open311` is answered here and
 * never falls through to the web app (an unknown path is the specification's
 * 404 in the suffix's format, a known path with another method a 405), with
 * its own error funnel and a form-encoded body parser. Other paths pass on.
 */
export function open311(deps: AppDeps): Middleware {
  const router = open311Routes(deps);
  const routes = router.routes();
  const errors = open311Errors(deps.logger);
  const formBody = bodyParser({ enableTypes: ['form'], formLimit: '100kb', encoding: 'utf-8' });
  const unmatched = async (ctx: Context): Promise<void> => {
    const allowed = new Set(router.match(ctx.path, ctx.method).path.flatMap((layer) => layer.methods));
    if (allowed.size) {
      ctx.set('Allow', [...allowed].join(', '));
      throw new Open311Error(405, `${ctx.method} is not allowed on ${ctx.path} (allowed: ${[...allowed].join(', ')})`, 'open311_method_not_allowed');
    }
    throw notFound(`no resource ${ctx.path}`);
  };
  return async (ctx: Context, next: Next): Promise<void> => {
    if (!isOpen311Path(ctx.path)) return next();
    ctx.set('Access-Control-Allow-Origin', '*');
    await errors(ctx, () => formBody(ctx, () => routes(ctx as never, () => unmatched(ctx)) as Promise<void>));
  };
}
