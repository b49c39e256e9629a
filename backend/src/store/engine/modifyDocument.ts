import { Aggregator, Query } from './mongoQuery.js';
import { deserialize, serialize } from 'bson';
import { applyUpdate, isOperatorUpdate } from './applyUpdate.js';
import { storedFromRaw, storedFromTyped, typedOf } from './storeEngine.js';
import type { StoredDoc } from './storeCollection.js';
import { storeErrors } from './storeError.js';
import { compareValues, type Doc } from './values.js';
import { getAt, promote, setAt } from './updatePaths.js';

/** What an update statement asks for, in both forms (promoted for matching, typed for values). */
export interface UpdateStatement {
  filter: Doc;
  typedFilter: Doc;
  /** Operator update, replacement document (typed) or pipeline (promoted). */
  update: Doc | Doc[];
  arrayFilters?: Doc[];
  now: Date;
}

/** The updated version of a stored document, or null when the update changes nothing. */
export function modifyDocument(doc: StoredDoc, stmt: UpdateStatement): StoredDoc | null {
  let next: StoredDoc;
  if (Array.isArray(stmt.update)) {
    const out = new Aggregator(stmt.update).run([structuredCloneView(doc.view)])[0] as Doc;
    if (compareValues(out._id, doc.view._id) !== 0) throw storeErrors.immutableField(`Performing an update on the path '_id' would modify the immutable field '_id'`);
    next = storedFromRaw(Buffer.from(serialize(out)));
  } else if (isOperatorUpdate(stmt.update)) {
    const typed = typedOf(doc);
    applyUpdate(typed, stmt.update, { arrayFilters: stmt.arrayFilters, isInsert: false, now: stmt.now, positional: positionalResolver(stmt.filter, doc.view) });
    next = storedFromTyped(typed);
  } else {
    const replacement = stmt.update;
    if (replacement._id !== undefined && compareValues(promote(replacement._id), doc.view._id) !== 0) {
      throw storeErrors.immutableField(`After applying the update, the (immutable) field '_id' was found to have been altered to _id: ${String(replacement._id)}`);
    }
    const { _id: _ignored, ...rest } = replacement;
    next = storedFromTyped({ _id: typedOf(doc)._id, ...rest });
  }
  return next.raw.equals(doc.raw) ? null : next;
}

/** Builds the document an upsert inserts: the filter's equality fields, then the update (with $setOnInsert) or the replacement. */
export function buildUpsert(stmt: UpdateStatement): StoredDoc {
  if (Array.isArray(stmt.update)) {
    const base = equalityFields(stmt.filter) as Doc;
    const out = new Aggregator(stmt.update).run([base])[0] as Doc;
    return storedFromTyped(out);
  }
  if (!isOperatorUpdate(stmt.update)) {
    const base = equalityFields(stmt.typedFilter);
    const id = stmt.update._id ?? base._id;
    return storedFromTyped(id === undefined ? { ...stmt.update } : { _id: id, ...withoutId(stmt.update) });
  }
  const typed = equalityFields(stmt.typedFilter);
  applyUpdate(typed, stmt.update, { arrayFilters: stmt.arrayFilters, isInsert: true, now: stmt.now });
  return storedFromTyped(typed._id === undefined ? typed : { _id: typed._id, ...withoutId(typed) });
}

function withoutId(doc: Doc): Doc {
  const { _id: _ignored, ...rest } = doc;
  return rest;
}

/** The fields a filter pins by equality (`a: v`, `a: {$eq: v}`, inside `$and`), as a document. */
function equalityFields(filter: Doc): Doc {
  const out: Doc = {};
  const visit = (f: Doc) => {
    for (const [key, cond] of Object.entries(f)) {
      if (key === '$and' && Array.isArray(cond)) {
        for (const c of cond) visit(c as Doc);
        continue;
      }
      if (key.startsWith('$')) continue;
      if (isOperatorObject(cond)) {
        const c = cond as Doc;
        if ('$eq' in c) setAt(out, key.split('.'), c.$eq);
        continue;
      }
      setAt(out, key.split('.'), cond);
    }
  };
  visit(filter);
  return out;
}

function isOperatorObject(v: unknown): boolean {
  if (v === null || typeof v !== 'object' || Array.isArray(v) || v instanceof Date || v instanceof RegExp) return false;
  if ('_bsontype' in (v as object)) return false;
  const keys = Object.keys(v as Doc);
  return keys.length > 0 && keys[0].startsWith('$');
}

/** For the positional `$`: the index of the first element of an array the filter's conditions on that array match. */
function positionalResolver(filter: Doc, view: Doc): (arrayPath: string) => number | undefined {
  return (arrayPath) => {
    const arr = getAt(view, arrayPath.split('.'));
    if (!Array.isArray(arr)) return undefined;
    const conds: Doc = {};
    for (const [key, cond] of Object.entries(filter)) {
      if (key === arrayPath) {
        const c = cond as Doc;
        if (isOperatorObject(c) && '$elemMatch' in c) Object.assign(conds, prefixed(c.$elemMatch as Doc));
        else conds.v = cond;
      } else if (key.startsWith(`${arrayPath}.`)) {
        conds[`v.${key.slice(arrayPath.length + 1)}`] = cond;
      }
    }
    if (Object.keys(conds).length === 0) return undefined;
    const q = new Query(conds);
    const idx = arr.findIndex((el) => q.test({ v: el }));
    return idx >= 0 ? idx : undefined;
  };
}

function prefixed(q: Doc): Doc {
  if (Object.keys(q).every((k) => k.startsWith('$'))) return { v: q };
  return Object.fromEntries(Object.entries(q).map(([k, v]) => [`v.${k}`, v]));
}

function structuredCloneView(view: Doc): Doc {
  return deserialize(serialize(view)) as Doc;
}
