import Router from '@koa/router';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { TooManyRequests, Unauthorized } from '../kernel/index.js';
import { LoginRateLimit, parseBody, requireRole } from '../http/index.js';
import type { User } from '../models/index.js';
import { verifySecret } from './password.js';
import { principalOf } from './principalOf.js';
import { issueToken } from './tokens.js';

const Login = z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) });

/** `POST /api/auth/login` → `{ token, user }` (rate-limited per username and address); `GET /api/auth/me` → `{ user }`. */
export function authRoutes(deps: AppDeps, secrets: { jwtSecret: string }): Router {
  const router = new Router({ prefix: '/api/auth' });
  const limiter = new LoginRateLimit(deps.env.LOGIN_MAX_FAILURES, deps.env.LOGIN_WINDOW_MS);

  router.post('/login', async (ctx) => {
    const { username, password } = parseBody(Login, ctx.request.body);
    const key = `${username.toLowerCase()}|${ctx.ip}`;
    const wait = limiter.retryAfterMs(key);
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      ctx.set('Retry-After', String(seconds));
      throw new TooManyRequests(`too many failed logins; try again in ${seconds} s`, seconds);
    }
    const user = await deps.models.User.findOne({ username: username.toLowerCase() }).lean<User & { _id: unknown }>();
    const ok = user !== null && user.active !== false && !(user.demo && !deps.env.DEMO) && (await verifySecret(password, user.passwordHash));
    if (!ok || !user) {
      limiter.recordFailure(key);
      throw new Unauthorized('wrong username or password', 'invalid_credentials');
    }
    limiter.clear(key);
    const principal = principalOf(user);
    ctx.body = { token: await issueToken({ secret: secrets.jwtSecret, ttlHours: deps.env.JWT_TTL_HOURS }, principal), user: principal };
  });

  router.get('/me', requireRole('admin', 'commander', 'supervisor', 'department', 'worker'), (ctx) => {
    ctx.body = { user: ctx.state.user };
  });

  return router;
}
