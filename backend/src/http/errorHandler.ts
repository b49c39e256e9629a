import type { Context, Next } from 'koa';
import type { Logger } from 'pino';
import { ZodError } from 'zod';
import { AppError } from '../kernel/index.js';

/** The one error funnel: typed errors keep their status and code; anything else is a 500 that reveals nothing internal. */
export function errorHandler(logger: Logger) {
  return async (ctx: Context, next: Next): Promise<void> => {
    try {
      await next();
    } catch (err) {
      const requestId = ctx.state.requestId as string | undefined;
      if (err instanceof AppError) {
        ctx.status = err.status;
        ctx.body = { error: { code: err.code, message: err.message, details: err.details ?? null, requestId } };
        if (err.status >= 500) logger.error({ err, requestId }, 'request failed');
        return;
      }
      if (err instanceof ZodError) {
        ctx.status = 400;
        ctx.body = { error: { code: 'validation_failed', message: 'invalid request', details: err.issues.map((i) => ({ path: i.path.join('.'), message: i.message })), requestId } };
        return;
      }
      const status = (err as { status?: number; expose?: boolean }).status;
      if (status && status >= 400 && status < 500) {
        // koa/bodyparser client errors (malformed JSON, body too large, wrong content type)
        ctx.status = status;
        const code = status === 413 ? 'payload_too_large' : status === 415 ? 'unsupported_media_type' : 'bad_request';
        ctx.body = { error: { code, message: (err as Error).message, details: null, requestId } };
        return;
      }
      logger.error({ err, requestId, path: ctx.path }, 'unhandled error');
      ctx.status = 500;
      ctx.body = { error: { code: 'internal', message: 'internal error', details: null, requestId } };
    }
  };
}
