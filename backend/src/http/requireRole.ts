import type { Context, Next } from 'koa';
import { Forbidden, Unauthorized, type Principal, type Role } from '../kernel/index.js';

/** Guards a route: 401 without a valid session (set by the authenticate middleware), 403 when the caller's role is not listed. */
export function requireRole(...roles: Role[]) {
  return async (ctx: Context, next: Next): Promise<void> => {
    const user = ctx.state.user as Principal | undefined;
    if (!user) throw new Unauthorized();
    if (!roles.includes(user.role)) throw new Forbidden(`this action needs one of the roles: ${roles.join(', ')}`, 'forbidden_role');
    await next();
  };
}
