import type { StoreCollection, StoredDoc } from './storeCollection.js';
import type { ResidualBound, StoreIndex } from './storeIndex.js';
import { compareValues, typeFamily, valueKey, type Doc } from './values.js';

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
export function planQuery(coll: StoreCollection, fullFilter: Doc, sort?: Doc): Plan {
  const filter = conjuncts(fullFilter);
  const idValues = pointValues(filter._id);
  if (idValues) {
    return { stage: 'IDHACK', indexName: '_id_', candidates: byIds(coll, idValues), sorted: false };
  }
  // A sparse single-field index holds exactly the documents that have the field: it answers `{field: {$exists: true}}`.
  for (const index of coll.indexes.values()) {
    const cond = filter[index.fields[0]] as Doc | undefined;
    if (index.spec.sparse && index.fields.length === 1 && !index.spec.partialFilterExpression && isOperatorDoc(cond) && Object.keys(cond!).length === 1 && cond!.$exists === true) {
      return { stage: 'IXSCAN', indexName: index.name, candidates: lazyResolve(coll, index.idsInOrder(false)), sorted: false };
    }
  }
  const usable = [...coll.indexes.values()].filter((i) => !i.spec.sparse && !i.spec.partialFilterExpression);
  const best = bestBounds(usable, filter);
  if (best) {
    const { index, equal } = best;
    // A document with an array has one entry per element, and each bound of a range may hold through a different element.
    const range = best.range && index.isMultikey(equal.length) && best.range.low && best.range.high ? { low: best.range.low, high: null } : best.range;
    let ids: Iterable<string> = index.idsForBounds(equal, range, residualBounds(index, filter, equal.length + 1));
    // The slice is already in the order of the fields after the equality prefix: use it for a matching sort.
    const direction = sortMatchesIndex(sort, index, equal.length);
    const sortedByRangeField = !range || (sort && Object.keys(sort)[0] === index.fields[equal.length]);
    if (direction === 'reverse' && sortedByRangeField) ids = [...ids].reverse();
    return { stage: 'IXSCAN', indexName: index.name, candidates: resolve(coll, ids), sorted: Boolean(direction && sortedByRangeField) };
  }
  for (const index of usable) {
    const values = pointValues(filter[index.fields[0]]);
    if (values) return { stage: 'IXSCAN', indexName: index.name, candidates: resolve(coll, index.idsForValues(values)), sorted: false };
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

/** The filter's top-level conditions with those of a top-level `$and` lifted beside them (first one wins), for planning only. */
function conjuncts(filter: Doc): Doc {
  if (!Array.isArray(filter.$and)) return filter;
  const out: Doc = { ...filter };
  delete out.$and;
  const visit = (parts: unknown[]) => {
    for (const part of parts) {
      if (part === null || typeof part !== 'object') continue;
      for (const [k, v] of Object.entries(part as Doc)) {
        if (k === '$and' && Array.isArray(v)) visit(v);
        else if (!k.startsWith('$') && !(k in out)) out[k] = v;
      }
    }
  };
  visit(filter.$and);
  return out;
}

/**
 * The index bounds that pin the most: the longest prefix of fields fixed to a
 * single value, plus a range on the next field. Null when no index helps.
 */
function bestBounds(indexes: StoreIndex[], filter: Doc) {
  let best: { index: StoreIndex; equal: unknown[]; range: ReturnType<typeof rangeOf>; score: number } | null = null;
  for (const index of indexes) {
    const equal: unknown[] = [];
    for (const field of index.fields) {
      const values = pointValues(filter[field]);
      if (values?.length !== 1) break;
      equal.push(values[0]);
    }
    const next = index.fields[equal.length];
    const range = next === undefined ? null : rangeOf(filter[next]);
    const score = equal.length * 2 + (range ? 1 : 0);
    if (score > 0 && (!best || score > best.score)) best = { index, equal, range, score };
  }
  return best;
}

/**
 * Conditions on index fields after the scanned ones (e.g. `lat` of {open, lng, lat}
 * scanned by `open` and a `lng` range), checked on the keys so that documents
 * outside them are never read. Where a field has held arrays, only equalities and
 * one-sided ranges (each entry is one element).
 */
function residualBounds(index: StoreIndex, filter: Doc, from: number): ResidualBound[] {
  const out: ResidualBound[] = [];
  for (let pos = from; pos < index.fields.length; pos++) {
    const cond = filter[index.fields[pos]];
    const point = pointValues(cond);
    const range = point?.length === 1 ? { low: { value: point[0], inclusive: true }, high: { value: point[0], inclusive: true } } : rangeOf(cond);
    if (!range || (index.isMultikey(pos) && point?.length !== 1 && range.low && range.high)) continue;
    out.push({ pos, ...range });
  }
  return out;
}

/** Equality values pinned by a filter condition (`v`, `{$eq: v}`, `{$in: [...]}`, `{$all: [v, …]}`), or null when it pins none usable by an index. */
function pointValues(cond: unknown): unknown[] | null {
  if (cond === undefined) return null;
  if (isOperatorDoc(cond)) {
    const ops = Object.keys(cond as Doc);
    if (ops.length === 1 && ops[0] === '$eq') return scalarOnly([(cond as Doc).$eq]);
    if (ops.length === 1 && ops[0] === '$in' && Array.isArray((cond as Doc).$in)) return scalarOnly((cond as Doc).$in as unknown[]);
    // `{$all: [a, b…]}`: every match has an entry for `a` (as MongoDB, the first value bounds the index; the filter checks the rest).
    const all = (cond as Doc).$all;
    if (ops.length === 1 && ops[0] === '$all' && Array.isArray(all) && all.length > 0) return scalarOnly([all[0]]);
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

/** The documents with these _id values, straight from the id map, in _id order (as an index walk would give them). */
function byIds(coll: StoreCollection, values: unknown[]): StoredDoc[] {
  const docs = new Map<string, StoredDoc>();
  for (const v of values) {
    const doc = coll.docs.get(valueKey(v));
    if (doc) docs.set(doc.id, doc);
  }
  const out = [...docs.values()];
  if (out.length > 1) out.sort((a, b) => compareValues(a.view._id, b.view._id));
  return out;
}

function* resolve(coll: StoreCollection, ids: Iterable<string>): Generator<StoredDoc> {
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
