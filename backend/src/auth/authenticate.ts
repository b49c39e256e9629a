import { timingSafeEqual } from 'node:crypto';
import type { Context, Next } from 'koa';
import type { Principal } from '../kernel/index.js';
import { verifyToken } from './tokens.js';

export const GATEWAY_PRINCIPAL: Principal = { id: 'service:gateway', username: 'gateway', role: 'service', displayName: 'Device gateway' };

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Sets ctx.state.user from `Authorization: Bearer <token>` (or `access_token`
 * in the query, for EventSource): the service token gives the gateway's
 * principal, a valid session JWT its user. Never rejects by itself: requireRole decides.
 */
export function authenticate(config: { jwtSecret: string; serviceToken: string }) {
  return async (ctx: Context, next: Next): Promise<void> => {
    const header = ctx.get('authorization');
    const fromQuery = typeof ctx.query.access_token === 'string' ? ctx.query.access_token : '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : fromQuery;
    if (token) {
      if (sameSecret(token, config.serviceToken)) ctx.state.user = GATEWAY_PRINCIPAL;
      else {
        const principal = await verifyToken({ secret: config.jwtSecret }, token);
        if (principal) ctx.state.user = principal;
      }
    }
    await next();
  };
}
