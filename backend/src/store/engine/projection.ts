import { Query } from './mongoQuery.js';
import type { Doc } from './values.js';

/** Whether a projection only includes or excludes plain paths (so it can run on typed documents and keep exact types). */
function isSimple(projection: Doc): boolean {
  return Object.entries(projection).every(([k, v]) => !k.includes('$') && (typeof v === 'number' || typeof v === 'boolean'));
}

/**
 * Applies a find projection. Plain inclusion/exclusion runs on the typed
 * document (exact types kept); operator projections ($slice, $elemMatch,
 * expressions) run through mingo on the view.
 */
export function applyProjection(typed: Doc, view: Doc, projection: Doc | undefined): Doc {
  if (!projection || Object.keys(projection).length === 0) return typed;
  if (!isSimple(projection)) {
    return new Query({}).find([view], projection).all()[0] as Doc;
  }
  const entries = Object.entries(projection);
  const includeId = projection._id === undefined ? true : Boolean(projection._id);
  const inclusive = entries.some(([k, v]) => k !== '_id' && Boolean(v));
  if (inclusive) {
    const out: Doc = {};
    if (includeId && typed._id !== undefined) out._id = typed._id;
    for (const [path, v] of entries) {
      if (path === '_id' || !v) continue;
      copyPath(typed, out, path.split('.'));
    }
    return out;
  }
  const out = structuredCloneTyped(typed);
  for (const [path] of entries) {
    if (path === '_id' && includeId) continue;
    removePath(out, path.split('.'));
  }
  return out;
}

function copyPath(from: unknown, to: Doc, segs: string[]): void {
  if (from === null || typeof from !== 'object') return;
  const [head, ...rest] = segs;
  if (Array.isArray(from)) return;
  const value = (from as Doc)[head];
  if (value === undefined) return;
  if (rest.length === 0) {
    to[head] = value;
    return;
  }
  if (Array.isArray(value)) {
    const arr = (to[head] as unknown[] | undefined) ?? [];
    value.forEach((el, i) => {
      if (el !== null && typeof el === 'object' && !Array.isArray(el)) {
        const target = (arr[i] as Doc | undefined) ?? {};
        copyPath(el, target, rest);
        arr[i] = target;
      }
    });
    to[head] = arr.filter((x) => x !== undefined);
    return;
  }
  if (value !== null && typeof value === 'object') {
    const target = (to[head] as Doc | undefined) ?? {};
    copyPath(value, target, rest);
    if (Object.keys(target).length) to[head] = target;
  }
}

function removePath(doc: unknown, segs: string[]): void {
  if (doc === null || typeof doc !== 'object') return;
  if (Array.isArray(doc)) {
    for (const el of doc) removePath(el, segs);
    return;
  }
  const [head, ...rest] = segs;
  if (rest.length === 0) delete (doc as Doc)[head];
  else removePath((doc as Doc)[head], rest);
}

/** Shallow-enough copy for exclusion: containers copied, BSON values shared (they are never mutated). */
function structuredCloneTyped(doc: Doc): Doc {
  const copy = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(copy);
    if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      return Object.fromEntries(Object.entries(v as Doc).map(([k, x]) => [k, copy(x)]));
    }
    return v;
  };
  return copy(doc) as Doc;
}

