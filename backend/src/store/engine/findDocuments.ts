import { Query } from './mongoQuery.js';
import { planQuery, type Plan } from './queryPlanner.js';
import type { StoreCollection, StoredDoc } from './storeCollection.js';
import { compareValues, valuesAtPath, type Doc } from './values.js';

export interface FindSpec {
  filter: Doc;
  sort?: Doc;
  skip?: number;
  /** 0 or undefined = no limit. */
  limit?: number;
}

export interface FindResult {
  docs: StoredDoc[];
  plan: Plan;
  /** Documents the filter was evaluated on (for explain and tests of index use). */
  examined: number;
}

/** Compiles a filter once; an empty filter matches everything without calling mingo. */
export function compileFilter(filter: Doc): (view: Doc) => boolean {
  if (!filter || Object.keys(filter).length === 0) return () => true;
  const q = new Query(filter);
  return (view) => q.test(view);
}

/** Runs a query over one collection: plan, filter, sort, skip and limit, returning stored documents in order. */
export function findDocuments(coll: StoreCollection, spec: FindSpec): FindResult {
  const sort = spec.sort && Object.keys(spec.sort).length && !('$natural' in spec.sort) ? spec.sort : undefined;
  const plan = planQuery(coll, spec.filter ?? {}, sort);
  const matches = compileFilter(spec.filter ?? {});
  const skip = spec.skip ?? 0;
  const limit = spec.limit && spec.limit > 0 ? spec.limit : Infinity;
  const enough = !sort || plan.sorted ? skip + limit : Infinity;
  const out: StoredDoc[] = [];
  let examined = 0;
  for (const doc of plan.candidates) {
    examined++;
    if (matches(doc.view)) {
      out.push(doc);
      if (out.length >= enough) break;
    }
  }
  if (sort && !plan.sorted) out.sort(sortComparator(sort));
  if (spec.sort && '$natural' in spec.sort && Number(spec.sort.$natural) < 0) out.reverse();
  return { docs: out.slice(skip, skip + limit === Infinity ? undefined : skip + limit), plan, examined };
}

/** MongoDB's sort order on view documents: per field, arrays sort by their smallest (ascending) or largest (descending) element. */
export function sortComparator(sort: Doc): (a: StoredDoc, b: StoredDoc) => number {
  const fields = Object.entries(sort).map(([path, dir]) => ({ path, dir: Number(dir) < 0 ? -1 : 1 }));
  const keyCache = new Map<StoredDoc, unknown[]>();
  const keys = (d: StoredDoc) => {
    let k = keyCache.get(d);
    if (!k) {
      k = fields.map(({ path, dir }) => sortKey(d.view, path, dir));
      keyCache.set(d, k);
    }
    return k;
  };
  return (a, b) => {
    const ka = keys(a);
    const kb = keys(b);
    for (let i = 0; i < fields.length; i++) {
      const c = compareValues(ka[i], kb[i]);
      if (c !== 0) return c * fields[i].dir;
    }
    return 0;
  };
}

function sortKey(view: Doc, path: string, dir: number): unknown {
  const values = valuesAtPath(view, path).flatMap((v) => (Array.isArray(v) ? v : [v]));
  if (values.length === 0) return null;
  let best: unknown = values[0] === undefined ? null : values[0];
  for (const v of values.slice(1)) {
    const value = v === undefined ? null : v;
    const c = compareValues(value, best);
    if ((dir > 0 && c < 0) || (dir < 0 && c > 0)) best = value;
  }
  return best;
}
