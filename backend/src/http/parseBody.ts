import type { z } from 'zod';
import { BadRequest } from '../kernel/index.js';

/** Parses a request body with a zod schema; throws BadRequest('invalid_body', zod issues as details) when it does not fit. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body ?? {});
  if (!result.success) {
    const details = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new BadRequest('invalid request body', details, 'invalid_body');
  }
  return result.data;
}
