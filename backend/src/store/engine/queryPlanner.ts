import type { StoreCollection, StoredDoc } from './storeCollection.js';
import type { StoreIndex } from './storeIndex.js';
import { typeFamily, type Doc } from './values.js';

/** How a query reads its candidates: which index (if any), and whether they come out already in the requested order. */
export interface Plan {
  stage: 'IDHACK' | 'IXSCAN' | 'COLLSCAN';
  indexName?: string;
  /** Candidate documents (a superset of the matches; the filter still runs on each). */
  candidates: Iterable<StoredDoc>;
  /** True when candidates are already in the sort order. */
  sorted: boolean;
}

const RANGE_OPS = ['$gt', '$gte', '$lt', '$lte'];

/**
 * Chooses candidates for a filter: _id equality, then an index whose first
 * field the filter pins by equality, `$in` or a range, then an index that
 * yields the sort order, else a collection scan. Partial and sparse indexes are
 * never used, as they may not hold every matching document.
 */
export function planQuery(coll: StoreCollection, filter: Doc, sort?: Doc): Plan {
  const idValues = pointValues(filter._id);
  if (idValues) {
    const idIndex = coll.indexes.get('_id_')!;
    return { stage: 'IDHACK', indexName: '_id_', candidates: resolve(coll, idIndex.idsForValues(idValues)), sorted: false };
  }
  // A sparse single-field index holds exactly the documents that have the field: it answers `{field: {$exists: true}}`.
  for (const index of coll.indexes.values()) {
    const cond = filter[index.fields[0]] as Doc | undefined;
    if (index.spec.sparse && index.fields.length === 1 && !index.spec.partialFilterExpression && isOperatorDoc(cond) && Object.keys(cond!).length === 1 && cond!.$exists === true) {
      return { stage: 'IXSCAN', indexName: index.name, candidates: lazyResolve(coll, index.idsInOrder(false)), sorted: false };
    }
  }
  const usable = [...coll.indexes.values()].filter((i) => !i.spec.sparse && !i.spec.partialFilterExpression);
  if (sort && Object.keys(sort).length) {
    // Equality on an index's first field and a sort on the fields after it: walk that slice of the index in order.
    for (const index of usable) {
      const values = pointValues(filter[index.fields[0]]);
      if (values?.length !== 1 || index.fields.length < 2) continue;
      const direction = sortMatchesIndex(sort, index, 1);
      if (direction) {
        return { stage: 'IXSCAN', indexName: index.name, candidates: lazyResolve(coll, index.idsForValueInOrder(values[0], direction === 'reverse')), sorted: true };
      }
    }
  }
  for (const index of usable) {
    const values = pointValues(filter[index.fields[0]]);
    if (values) return { stage: 'IXSCAN', indexName: index.name, candidates: resolve(coll, index.idsForValues(values)), sorted: false };
  }
  for (const index of usable) {
    const range = rangeOf(filter[index.fields[0]]);
    if (range) {
      const ids = index.idsInRange(range.low, range.high);
      const sorted = sortMatchesIndex(sort, index);
      return { stage: 'IXSCAN', indexName: index.name, candidates: resolve(coll, ids), sorted: sorted === 'forward' };
    }
  }
  if (sort && Object.keys(sort).length) {
    for (const index of usable) {
      const direction = sortMatchesIndex(sort, index);
      if (direction) {
        return { stage: 'IXSCAN', indexName: index.name, candidates: lazyResolve(coll, index.idsInOrder(direction === 'reverse')), sorted: true };
      }
    }
  }
  return { stage: 'COLLSCAN', candidates: coll.docs.values(), sorted: false };
}

/** Equality values pinned by a filter condition (`v`, `{$eq: v}`, `{$in: [...]}`), or null when it pins none usable by an index. */
function pointValues(cond: unknown): unknown[] | null {
  if (cond === undefined) return null;
  if (isOperatorDoc(cond)) {
    const ops = Object.keys(cond as Doc);
    if (ops.length === 1 && ops[0] === '$eq') return scalarOnly([(cond as Doc).$eq]);
    if (ops.length === 1 && ops[0] === '$in' && Array.isArray((cond as Doc).$in)) return scalarOnly((cond as Doc).$in as unknown[]);
    return null;
  }
  return scalarOnly([cond]);
}

/** Only scalars (not arrays, documents or regexes) can be looked up by value: those match in other ways too. */
function scalarOnly(values: unknown[]): unknown[] | null {
  for (const v of values) {
    const f = typeFamily(v);
    if (f === 'array' || f === 'object' || f === 'regexp' || f === 'null') return null;
  }
  return values;
}

function rangeOf(cond: unknown): { low: { value: unknown; inclusive: boolean } | null; high: { value: unknown; inclusive: boolean } | null } | null {
  if (!isOperatorDoc(cond)) return null;
  const c = cond as Doc;
  const ops = Object.keys(c);
  if (!ops.some((o) => RANGE_OPS.includes(o))) return null;
  let low: { value: unknown; inclusive: boolean } | null = null;
  let high: { value: unknown; inclusive: boolean } | null = null;
  for (const op of ops) {
    const v = c[op];
    const family = typeFamily(v);
    if (family === 'array' || family === 'object' || family === 'null' || family === 'minkey' || family === 'maxkey') return null;
    if (op === '$gt' || op === '$gte') low = { value: v, inclusive: op === '$gte' };
    else if (op === '$lt' || op === '$lte') high = { value: v, inclusive: op === '$lte' };
  }
  return { low, high };
}

function isOperatorDoc(v: unknown): boolean {
  if (v === null || typeof v !== 'object' || Array.isArray(v) || v instanceof Date || v instanceof RegExp) return false;
  if ('_bsontype' in (v as object)) return false;
  const keys = Object.keys(v as Doc);
  return keys.length > 0 && keys.every((k) => k.startsWith('$'));
}

/** Whether the sort equals the index's fields from `offset` on (all in its directions, or all reversed). */
function sortMatchesIndex(sort: Doc | undefined, index: StoreIndex, offset = 0): 'forward' | 'reverse' | null {
  if (!sort) return null;
  const fields = Object.keys(sort);
  if (!fields.length || fields.length + offset > index.fields.length) return null;
  let direction: 'forward' | 'reverse' | null = null;
  for (let i = 0; i < fields.length; i++) {
    if (fields[i] !== index.fields[i + offset]) return null;
    const same = Number(sort[fields[i]]) === index.directions[i + offset];
    const d = same ? 'forward' : 'reverse';
    if (direction && direction !== d) return null;
    direction = d;
  }
  return direction;
}

function* resolve(coll: StoreCollection, ids: string[]): Generator<StoredDoc> {
  for (const id of ids) {
    const doc = coll.docs.get(id);
    if (doc) yield doc;
  }
}

function* lazyResolve(coll: StoreCollection, ids: Iterable<string>): Generator<StoredDoc> {
  for (const id of ids) {
    const doc = coll.docs.get(id);
    if (doc) yield doc;
  }
}
