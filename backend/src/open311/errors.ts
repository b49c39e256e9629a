import type { Context, Next } from 'koa';
import type { Logger } from 'pino';
import { ZodError } from 'zod';
import { AppError } from '../kernel/index.js';
import { formatOfPath, respond } from './format.js';

/** One entry of the specification's error list. */
export interface SpecError {
  code: number;
  description: string;
}

/**
 * A GeoReport v2 error: an HTTP status and one or more `{code, description}`
 * entries (the specification answers every problem of a request at once).
 * A typed AppError, so it also reads right outside Open311.
 */
export class Open311Error extends AppError {
  readonly errors: SpecError[];

  constructor(status: number, descriptions: string | string[], code = 'open311_error') {
    const list = (Array.isArray(descriptions) ? descriptions : [descriptions]).map((description) => ({ code: status, description }));
    super(status, code, list.map((e) => e.description).join('; '), { errors: list });
    this.errors = list;
  }
}

/** 400: a missing or malformed parameter (every problem listed). */
export const badRequest = (descriptions: string | string[]) => new Open311Error(400, descriptions, 'open311_bad_request');
/** 403: no, unknown or revoked api_key. */
export const forbidden = (description: string) => new Open311Error(403, description, 'open311_forbidden');
/** 404: unknown jurisdiction, service code, request or token, or no such resource. */
export const notFound = (description: string) => new Open311Error(404, description, 'open311_not_found');

/** The spec error list for any thrown value: Open311 and other typed errors keep their status; anything else is a 500 that reveals nothing. */
export function specErrorsOf(err: unknown): { status: number; errors: SpecError[]; unexpected: boolean } {
  if (err instanceof Open311Error) return { status: err.status, errors: err.errors, unexpected: false };
  if (err instanceof AppError) return { status: err.status, errors: [{ code: err.status, description: err.message }], unexpected: err.status >= 500 };
  if (err instanceof ZodError) return { status: 400, errors: err.issues.map((i) => ({ code: 400, description: `${i.path.join('.') || 'request'}: ${i.message}` })), unexpected: false };
  const status = (err as { status?: number }).status;
  if (status && status >= 400 && status < 500) return { status, errors: [{ code: status, description: (err as Error).message }], unexpected: false };
  return { status: 500, errors: [{ code: 500, description: 'internal error' }], unexpected: true };
}

/** Answers a list of errors in the format the path asks for (`.xml` → XML, otherwise JSON). */
export function respondErrors(ctx: Context, status: number, errors: SpecError[]): void {
  respond(ctx, formatOfPath(ctx.path), 'errors', errors, status);
}

/**
 * The Open311 error funnel: every error under /open311 is answered in the
 * specification's shape (`[{code, description}]`, `<errors><error>…`) with
 * its HTTP status, in the format of the request's suffix. Retry-After is kept
 * for rate limits.
 */
export function open311Errors(logger: Logger) {
  return async (ctx: Context, next: Next): Promise<void> => {
    try {
      await next();
    } catch (err) {
      const { status, errors, unexpected } = specErrorsOf(err);
      if (unexpected) logger.error({ err, requestId: ctx.state.requestId, path: ctx.path }, 'open311 request failed');
      const retryAfter = (err as AppError).details && ((err as AppError).details as { retryAfterSeconds?: number }).retryAfterSeconds;
      if (retryAfter) ctx.set('Retry-After', String(retryAfter));
      respondErrors(ctx, status, errors);
    }
  };
}
