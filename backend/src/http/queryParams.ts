import type { z } from 'zod';
import { BadRequest } from '../kernel/index.js';

/**
 * Parses a request's query string with a zod schema; throws BadRequest
 * ('invalid_query', with the zod issues as details) when it does not fit.
 */
export function parseQuery<S extends z.ZodType>(schema: S, query: unknown): z.output<S> {
  const result = schema.safeParse(query);
  if (!result.success) {
    const details = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new BadRequest('invalid query parameters', details, 'invalid_query');
  }
  return result.data;
}
