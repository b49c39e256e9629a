import { Timestamp, Long } from 'bson';
import { Query } from './mongoQuery.js';
import { storeErrors } from './storeError.js';
import { addNumbers, isTypedNumber, multiplyNumbers, zeroLike } from './typedNumbers.js';
import { compileArrayFilters, expandPath, getAt, promote, setAt, unsetAt, type PathContext } from './updatePaths.js';
import { compareValues, valueKey, type Doc } from './values.js';

export interface UpdateOptions {
  arrayFilters?: Doc[];
  positional?: PathContext['positional'];
  /** True when the update builds an upserted document ($setOnInsert applies). */
  isInsert: boolean;
  now: Date;
}

const OPERATORS = new Set(['$set', '$unset', '$inc', '$mul', '$min', '$max', '$rename', '$currentDate', '$setOnInsert', '$push', '$addToSet', '$pop', '$pull', '$pullAll']);

/** Whether an update document is an operator update (every key starts with `$`) rather than a replacement. */
export function isOperatorUpdate(update: Doc): boolean {
  const keys = Object.keys(update);
  return keys.length > 0 && keys.every((k) => k.startsWith('$'));
}

/**
 * Applies an operator update to a typed document in place (the caller owns a
 * fresh copy), with MongoDB's operator semantics, positional paths and arrayFilters.
 */
export function applyUpdate(doc: Doc, update: Doc, opts: UpdateOptions): void {
  const ctx: PathContext = { positional: opts.positional, arrayFilters: compileArrayFilters(opts.arrayFilters) };
  checkConflicts(update);
  for (const [op, fields] of Object.entries(update)) {
    if (!OPERATORS.has(op)) throw storeErrors.failedToParse(`Unknown modifier: ${op}. Expected a valid update modifier or pipeline-style update specified as an array`);
    if (fields === null || typeof fields !== 'object') throw storeErrors.failedToParse(`Modifiers operate on fields but we found type ${typeof fields} instead.`);
    if (op === '$setOnInsert' && !opts.isInsert) continue;
    for (const [path, arg] of Object.entries(fields as Doc)) {
      if (path === '_id' || path.startsWith('_id.')) {
        if (op !== '$setOnInsert' && !(op === '$set' && opts.isInsert)) {
          const current = doc._id;
          if (!(op === '$set' && current !== undefined && compareValues(current, arg) === 0)) {
            throw storeErrors.immutableField(`Performing an update on the path '_id' would modify the immutable field '_id'`);
          }
        }
      }
      if (op === '$rename') {
        rename(doc, path, arg);
        continue;
      }
      for (const segs of expandPath(doc, path, ctx)) applyOne(op, doc, segs, arg, opts);
    }
  }
}

function applyOne(op: string, doc: Doc, segs: string[], arg: unknown, opts: UpdateOptions): void {
  const current = getAt(doc, segs);
  switch (op) {
    case '$set':
    case '$setOnInsert':
      setAt(doc, segs, arg);
      return;
    case '$unset':
      unsetAt(doc, segs);
      return;
    case '$inc':
      if (!isTypedNumber(arg)) throw storeErrors.typeMismatch(`Cannot increment with non-numeric argument: {${segs.join('.')}: ${String(arg)}}`);
      setAt(doc, segs, current === undefined ? arg : addNumbers(current, arg));
      return;
    case '$mul':
      if (!isTypedNumber(arg)) throw storeErrors.typeMismatch(`Cannot multiply with non-numeric argument: {${segs.join('.')}: ${String(arg)}}`);
      setAt(doc, segs, current === undefined ? zeroLike(arg) : multiplyNumbers(current, arg));
      return;
    case '$min':
      if (current === undefined || compareValues(arg, current) < 0) setAt(doc, segs, arg);
      return;
    case '$max':
      if (current === undefined || compareValues(arg, current) > 0) setAt(doc, segs, arg);
      return;
    case '$currentDate': {
      const asTimestamp = arg !== null && typeof arg === 'object' && (arg as Doc).$type === 'timestamp';
      setAt(doc, segs, asTimestamp ? new Timestamp(Long.fromNumber(opts.now.getTime() / 1000)) : new Date(opts.now));
      return;
    }
    case '$push':
      setAt(doc, segs, push(arrayAt(current, segs, op), arg));
      return;
    case '$addToSet': {
      const arr = arrayAt(current, segs, op);
      const each = isModifierDoc(arg, '$each') ? ((arg as Doc).$each as unknown[]) : [arg];
      const keys = new Set(arr.map(valueKey));
      for (const v of each) {
        const k = valueKey(v);
        if (!keys.has(k)) {
          keys.add(k);
          arr.push(v);
        }
      }
      setAt(doc, segs, arr);
      return;
    }
    case '$pop': {
      if (current === undefined) return;
      const arr = arrayAt(current, segs, op);
      if (Number(promote(arg)) < 0) arr.shift();
      else arr.pop();
      setAt(doc, segs, arr);
      return;
    }
    case '$pull': {
      if (current === undefined) return;
      const matches = pullMatcher(arg);
      setAt(doc, segs, arrayAt(current, segs, op).filter((el) => !matches(el)));
      return;
    }
    case '$pullAll': {
      if (current === undefined) return;
      if (!Array.isArray(arg)) throw storeErrors.badValue('$pullAll requires an array argument');
      const drop = new Set(arg.map(valueKey));
      setAt(doc, segs, arrayAt(current, segs, op).filter((el) => !drop.has(valueKey(el))));
      return;
    }
  }
}

function arrayAt(current: unknown, segs: string[], op: string): unknown[] {
  if (current === undefined) return [];
  if (!Array.isArray(current)) throw storeErrors.badValue(`The field '${segs.join('.')}' must be an array but is of type ${typeof current} in document (${op})`);
  return current;
}

function isModifierDoc(arg: unknown, key: string): boolean {
  return arg !== null && typeof arg === 'object' && !Array.isArray(arg) && key in (arg as Doc);
}

function push(arr: unknown[], arg: unknown): unknown[] {
  if (!isModifierDoc(arg, '$each')) return [...arr, arg];
  const spec = arg as Doc;
  if (!Array.isArray(spec.$each)) throw storeErrors.badValue('The argument to $each in $push must be an array');
  let out = [...arr];
  const position = spec.$position === undefined ? out.length : Number(promote(spec.$position));
  const at = position < 0 ? Math.max(0, out.length + position) : Math.min(position, out.length);
  out.splice(at, 0, ...spec.$each);
  if (spec.$sort !== undefined) {
    const sort = promote(spec.$sort);
    out.sort((a, b) => {
      if (typeof sort === 'number') return compareValues(a, b) * sort;
      for (const [field, dir] of Object.entries(sort as Doc)) {
        const c = compareValues(getAt(a as Doc, field.split('.')), getAt(b as Doc, field.split('.')));
        if (c !== 0) return c * Number(dir);
      }
      return 0;
    });
  }
  if (spec.$slice !== undefined) {
    const n = Number(promote(spec.$slice));
    out = n >= 0 ? out.slice(0, n) : out.slice(n);
  }
  return out;
}

function pullMatcher(cond: unknown): (el: unknown) => boolean {
  const view = promote(cond);
  const isQueryDoc = view !== null && typeof view === 'object' && !Array.isArray(view) && !(view instanceof Date) && !('_bsontype' in (view as object));
  if (isQueryDoc) {
    const keys = Object.keys(view as Doc);
    const operatorOnly = keys.length > 0 && keys.every((k) => k.startsWith('$'));
    if (operatorOnly) {
      const q = new Query({ v: view });
      return (el) => q.test({ v: promote(el) });
    }
    const q = new Query(view as Doc);
    return (el) => {
      const p = promote(el);
      return p !== null && typeof p === 'object' && !Array.isArray(p) && q.test(p as Doc);
    };
  }
  const key = valueKey(view);
  return (el) => valueKey(el) === key;
}

function rename(doc: Doc, from: string, to: unknown): void {
  if (typeof to !== 'string') throw storeErrors.badValue(`The 'to' field for $rename must be a string: ${from}: ${String(to)}`);
  const segs = from.split('.');
  const value = getAt(doc, segs);
  if (value === undefined) return;
  unsetAt(doc, segs);
  setAt(doc, to.split('.'), value);
}

function checkConflicts(update: Doc): void {
  const paths: string[] = [];
  for (const [op, fields] of Object.entries(update)) {
    if (fields === null || typeof fields !== 'object') continue;
    for (const [path, arg] of Object.entries(fields as Doc)) {
      paths.push(path);
      if (op === '$rename' && typeof arg === 'string') paths.push(arg);
    }
  }
  const sorted = [...paths].sort();
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1];
    const b = sorted[i];
    if (a === b || b.startsWith(`${a}.`)) {
      throw storeErrors.conflictingUpdate(`Updating the path '${b}' would create a conflict at '${a}'`);
    }
  }
}
