import { type BBox, parseBBox } from '../geo/index.js';
import { parseW3C } from './datetime.js';
import { badRequest } from './errors.js';
import { commaList, type Params, single } from './params.js';

/** The specification's window: at most 90 days … */
export const MAX_WINDOW_DAYS = 90;
/** … and at most 1,000 requests per answer (also the largest `page_size`). */
export const MAX_RESULTS = 1000;
const DAY_MS = 86_400_000;

/** A parsed `GET requests` query: the specification's filters and the namespaced extensions. */
export interface RequestQuery {
  /** Case numbers; when present every other filter is ignored, as the specification says. */
  ids?: string[];
  serviceCodes?: string[];
  from?: Date;
  to?: Date;
  statuses?: ('open' | 'closed')[];
  // Extensions (Mark-a-Spot / CitySDK / FixMyStreet style; a strict client never sends them).
  bbox?: BBox;
  updatedAfter?: Date;
  page: number;
  pageSize: number;
  extensions: boolean;
}

function date(params: Params, name: string, problems: string[]): Date | undefined {
  const v = single(params, name);
  if (v === undefined) return undefined;
  const d = parseW3C(v);
  if (!d) problems.push(`${name} must be a W3C datetime, e.g. 2026-11-23T08:00:00+08:00`);
  return d ?? undefined;
}

function positiveInt(params: Params, name: string, max: number, fallback: number, problems: string[]): number {
  const v = single(params, name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < 1 || n > max) {
    problems.push(`${name} must be a whole number from 1 to ${max}`);
    return fallback;
  }
  return n;
}

/**
 * Reads the query of `GET requests`: `service_request_id` (comma list, which
 * overrides the rest), `service_code` (comma list), `start_date`/`end_date`
 * (W3C; the window defaults to the last 90 days and may not be longer),
 * `status` (open, closed or both); extensions `bbox`, `updated_after`, `page`,
 * `page_size` (≤ 1000) and `extensions=true`. Every problem is reported at once (400).
 */
export function parseRequestQuery(params: Params, now: Date): RequestQuery {
  const problems: string[] = [];
  const page = positiveInt(params, 'page', 1_000_000, 1, problems);
  const pageSize = positiveInt(params, 'page_size', MAX_RESULTS, MAX_RESULTS, problems);
  const ext = single(params, 'extensions');
  if (ext !== undefined && ext !== 'true' && ext !== 'false') problems.push('extensions must be true or false');
  const extensions = ext === 'true';
  const ids = commaList(params, 'service_request_id');
  if (ids) {
    if (problems.length) throw badRequest(problems);
    return { ids, page, pageSize, extensions };
  }

  const serviceCodes = commaList(params, 'service_code');
  const statusList = commaList(params, 'status');
  const bad = (statusList ?? []).filter((s) => s !== 'open' && s !== 'closed');
  if (bad.length) problems.push(`status must be open, closed or open,closed (got ${bad.join(', ')})`);
  const statuses = statusList?.filter((s): s is 'open' | 'closed' => s === 'open' || s === 'closed');
  let from = date(params, 'start_date', problems);
  let to = date(params, 'end_date', problems);
  const updatedAfter = date(params, 'updated_after', problems);
  const bboxText = single(params, 'bbox');
  const bbox = bboxText === undefined ? undefined : (parseBBox(bboxText) ?? undefined);
  if (bboxText !== undefined && !bbox) problems.push('bbox must be minLong,minLat,maxLong,maxLat');

  const window = MAX_WINDOW_DAYS * DAY_MS;
  if (from && to && from > to) problems.push('start_date must not be after end_date');
  else if (from && to && to.getTime() - from.getTime() > window) problems.push(`start_date to end_date may span at most ${MAX_WINDOW_DAYS} days`);
  if (problems.length) throw badRequest(problems);
  if (!updatedAfter || from || to) {
    // The specification's default window: the last 90 days, or 90 days from/to whichever end was given.
    if (from && !to) to = new Date(Math.min(now.getTime(), from.getTime() + window));
    if (to && !from) from = new Date(to.getTime() - window);
    if (!from && !to) {
      to = now;
      from = new Date(now.getTime() - window);
    }
  }
  return { serviceCodes, from, to, statuses, bbox, updatedAfter, page, pageSize, extensions };
}

/**
 * The MongoDB filter of a query over the public categories. Case numbers are
 * the public ids; `status` maps to the denormalised `open` flag; the window
 * is on the requested (reported) time; `updated_after` on the last change.
 */
export function requestFilter(q: RequestQuery, publicCodes: string[]): Record<string, unknown> {
  if (q.ids) return { code: { $in: q.ids }, categoryCode: { $in: publicCodes } };
  const codes = q.serviceCodes ? q.serviceCodes.filter((c) => publicCodes.includes(c)) : publicCodes;
  const filter: Record<string, unknown> = { categoryCode: { $in: codes } };
  if (q.from || q.to) filter.reportedAt = { ...(q.from ? { $gte: q.from } : {}), ...(q.to ? { $lte: q.to } : {}) };
  if (q.updatedAfter) filter.updatedAt = { $gt: q.updatedAfter };
  if (q.statuses && q.statuses.length === 1) filter.open = q.statuses[0] === 'open';
  if (q.bbox) {
    filter.lng = { $gte: q.bbox[0], $lte: q.bbox[2] };
    filter.lat = { $gte: q.bbox[1], $lte: q.bbox[3] };
  }
  return filter;
}

/** Newest requested first; a sync by `updated_after` reads oldest change first so it can resume from the last one. */
export function requestSort(q: RequestQuery): Record<string, 1 | -1> {
  return q.updatedAfter ? { updatedAt: 1, _id: 1 } : { reportedAt: -1, _id: -1 };
}
