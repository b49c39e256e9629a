import type { Connection } from 'mongoose';
import type { AppDeps } from '../deps.js';
import { DEFAULT_FUSION } from '../incidents/index.js';
import type { Category } from '../models/index.js';

/** A category as residents see it: code, names in both languages, its major class, and its "same problem" distance. */
export interface PublicCategory {
  code: string;
  name: string;
  nameEn: string;
  major: string;
  kind: Category['kind'];
  /** Reports of this category within this many metres are the same problem (the fusion distance). */
  nearbyM: number;
}

const TTL_MS = 60_000;
const cache = new WeakMap<Connection, { at: number; all: PublicCategory[]; majors: PublicCategory[] }>();

/** Every category (minor ones to choose from, major ones to group them), cached per connection for a minute. */
export async function publicCategories(deps: Pick<AppDeps, 'models' | 'conn'>, nowMs = Date.now()): Promise<{ all: PublicCategory[]; majors: PublicCategory[] }> {
  const hit = cache.get(deps.conn);
  if (hit && nowMs - hit.at < TTL_MS) return hit;
  const rows = await deps.models.Category.find({}, { _id: 0, code: 1, name: 1, nameEn: 1, major: 1, kind: 1, level: 1, fusion: 1 }).sort({ code: 1 }).lean<Category[]>();
  const present = (c: Category): PublicCategory => ({
    code: c.code,
    name: c.name,
    nameEn: c.nameEn,
    major: c.major,
    kind: c.kind,
    nearbyM: c.fusion?.distanceM ?? DEFAULT_FUSION.distanceM,
  });
  const entry = { at: nowMs, all: rows.filter((c) => c.level !== 'major').map(present), majors: rows.filter((c) => c.level === 'major').map(present) };
  cache.set(deps.conn, entry);
  return entry;
}

/** One category by code, or undefined. */
export async function publicCategory(deps: Pick<AppDeps, 'models' | 'conn'>, code: string): Promise<PublicCategory | undefined> {
  return (await publicCategories(deps)).all.find((c) => c.code === code);
}
