import { badRequest } from './errors.js';

/**
 * Request parameters as the specification reads them: an empty value is the
 * same as an absent one, and a parameter given twice is an error rather than
 * a silent pick.
 */
export type Params = Record<string, unknown>;

/** The query or form fields with empty strings dropped (nested `attribute[...]` objects kept as they are). */
export function withoutEmpty(source: unknown): Params {
  const out: Params = {};
  for (const [k, v] of Object.entries((source ?? {}) as Params)) if (v !== '' && v !== undefined && v !== null) out[k] = v;
  return out;
}

/** A single-valued text parameter, or undefined; 400 when it was sent more than once or as a structure. */
export function single(params: Params, name: string): string | undefined {
  const v = params[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw badRequest(`${name} must be given once, as text`);
  const trimmed = v.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A comma-separated list parameter (`service_code=01003,06010`), trimmed, empties dropped; undefined when absent. */
export function commaList(params: Params, name: string, max = 100): string[] | undefined {
  const v = single(params, name);
  if (v === undefined) return undefined;
  const list = [...new Set(v.split(',').map((s) => s.trim()).filter(Boolean))];
  if (list.length > max) throw badRequest(`${name} lists at most ${max} values`);
  return list.length ? list : undefined;
}
