import { Types } from 'mongoose';
import { z } from 'zod';
import { BadRequest } from '../../kernel/index.js';
import { parseBBox } from '../../geo/index.js';
import { INCIDENT_SOURCES, INCIDENT_STATUSES } from '../../models/index.js';
import { searchTerms } from '../rules/searchTerms.js';

/** Largest page; the map asks by bounding box, lists page with the cursor. */
export const MAX_PAGE = 500;

const csv = <T extends string>(values: readonly T[]) =>
  z
    .string()
    .transform((s) => s.split(',').map((v) => v.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values as unknown as [T, ...T[]])).min(1));

/** Sort keys: newest first (default), oldest first, most recently changed, most urgent (cases with a running clock only). */
export const SORTS = { '-reportedAt': ['reportedAt', -1], reportedAt: ['reportedAt', 1], '-updatedAt': ['updatedAt', -1], dueAt: ['clock.dueAt', 1] } as const;

/** The query string of `GET /api/incidents` (contracts.md). */
export const ListQuery = z.object({
  status: csv(INCIDENT_STATUSES).optional(),
  categoryCode: z.string().regex(/^\d{2,5}$/).optional(),
  gridCode: z.string().regex(/^\d{15}$/).optional(),
  communityCode: z.string().regex(/^\d{12}$/).optional(),
  streetCode: z.string().regex(/^\d{9}$/).optional(),
  departmentCode: z.string().min(1).max(64).optional(),
  source: csv(INCIDENT_SOURCES).optional(),
  open: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  unlocated: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  bbox: z
    .string()
    .transform((t, ctx) => parseBBox(t) ?? (ctx.addIssue({ code: 'custom', message: 'bbox must be minLng,minLat,maxLng,maxLat' }), z.NEVER))
    .optional(),
  since: z.coerce.date().optional(),
  until: z.coerce.date().optional(),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(Object.keys(SORTS) as [keyof typeof SORTS, ...(keyof typeof SORTS)[]]).default('-reportedAt'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(50),
});
export type ListQuery = z.output<typeof ListQuery>;

/** Assignment states in which a department's own deadline runs (overdue per department). */
const RUNNING = ['assigned', 'in_progress', 'postponement_requested'];

/** The MongoDB filter for the list filters at `now` (scope is added by the caller). */
export function listFilter(q: ListQuery, now: Date): Record<string, unknown> {
  const f: Record<string, unknown> = {};
  if (q.status) f.status = q.status.length === 1 ? q.status[0] : { $in: q.status };
  if (q.open !== undefined) f.open = q.open;
  if (q.categoryCode) f.categoryCode = q.categoryCode.length === 5 ? q.categoryCode : { $regex: `^${q.categoryCode}` };
  if (q.gridCode) f.gridCode = q.gridCode;
  if (q.communityCode) f.communityCode = q.communityCode;
  if (q.streetCode) f.streetCode = q.streetCode;
  if (q.source) f.source = q.source.length === 1 ? q.source[0] : { $in: q.source };
  if (q.unlocated !== undefined) f.unlocated = q.unlocated;
  if (q.departmentCode) f.departmentCodes = q.departmentCode;
  if (q.overdue) {
    f.open = true;
    // A department's overdue cases are those where *its own* share is late (联办: each its own deadline).
    if (q.departmentCode) f.assignments = { $elemMatch: { departmentCode: q.departmentCode, status: { $in: RUNNING }, dueAt: { $lt: now } } };
    else f['clock.dueAt'] = { $lt: now };
  }
  if (q.bbox) {
    f.lng = { $gte: q.bbox[0], $lte: q.bbox[2] };
    f.lat = { $gte: q.bbox[1], $lte: q.bbox[3] };
  }
  if (q.since || q.until) f.reportedAt = { ...(q.since ? { $gte: q.since } : {}), ...(q.until ? { $lt: q.until } : {}) };
  if (q.q) {
    const terms = searchTerms(q.q);
    // One Chinese character is not a bigram: fall back to a scan of the text for it.
    if (terms.length === 1 && [...terms[0]].length === 1) f.$or = [{ title: { $regex: escapeRegex(terms[0]) } }, { description: { $regex: escapeRegex(terms[0]) } }];
    else if (terms.length) f.searchTerms = terms.length === 1 ? terms[0] : { $all: terms };
  }
  if (q.sort === 'dueAt') f['clock.dueAt'] = { ...((f['clock.dueAt'] as object) ?? {}), $exists: true };
  return f;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Cursor {
  v: string | number | null;
  id: string;
}

/** The opaque cursor after the last item of a page: its sort value and id. */
export function encodeCursor(value: unknown, id: unknown): string {
  const v = value instanceof Date ? value.getTime() : value == null ? null : (value as string | number);
  return Buffer.from(JSON.stringify({ v, id: String(id) })).toString('base64url');
}

/** The filter that continues after a cursor for a sort field and direction (ties broken by _id in the same direction). */
export function cursorFilter(cursor: string, field: string, dir: 1 | -1, isDate: boolean): Record<string, unknown> {
  let c: Cursor;
  try {
    c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Cursor;
    if (!Types.ObjectId.isValid(c.id)) throw new Error('bad id');
  } catch {
    throw new BadRequest('invalid cursor', { cursor }, 'invalid_cursor');
  }
  const v = isDate && c.v !== null ? new Date(c.v) : c.v;
  const op = dir === 1 ? '$gt' : '$lt';
  const id = new Types.ObjectId(c.id);
  return { $or: [{ [field]: { [op]: v } }, { [field]: v, _id: { [op]: id } }] };
}
