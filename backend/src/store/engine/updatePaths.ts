import { deserialize, serialize } from 'bson';
import { Query } from './mongoQuery.js';
import { storeErrors } from './storeError.js';
import type { Doc } from './values.js';

/** Converts a typed value (promoteValues: false) to its promoted view form, for matching with mingo. */
export function promote(value: unknown): unknown {
  return deserialize(serialize({ v: value })).v;
}

export interface PathContext {
  /** Index of the array element the query matched, for the positional `$` operator. */
  positional?: (arrayPath: string) => number | undefined;
  /** arrayFilters by identifier, for `$[identifier]`. */
  arrayFilters: Map<string, (element: unknown) => boolean>;
}

/** Compiles the update's arrayFilters into one predicate per identifier. */
export function compileArrayFilters(filters: Doc[] | undefined): Map<string, (element: unknown) => boolean> {
  const byId = new Map<string, Doc>();
  for (const f of filters ?? []) {
    for (const [key, cond] of Object.entries(f)) {
      const [id, ...rest] = key.split('.');
      const q = byId.get(id) ?? {};
      q[['v', ...rest].join('.')] = cond;
      byId.set(id, q);
    }
  }
  const out = new Map<string, (element: unknown) => boolean>();
  for (const [id, q] of byId) {
    const query = new Query(q);
    out.set(id, (el) => query.test({ v: promote(el) }));
  }
  return out;
}

/** Expands one update path into the concrete paths it names in this document (`$`, `$[]`, `$[id]`). */
export function expandPath(doc: Doc, path: string, ctx: PathContext): string[][] {
  const parts = path.split('.');
  let results: { segs: string[]; node: unknown }[] = [{ segs: [], node: doc }];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const next: typeof results = [];
    for (const { segs, node } of results) {
      if (part === '$' || part.startsWith('$[')) {
        if (!Array.isArray(node)) {
          throw storeErrors.badValue(`The positional operator did not find the match needed from the query (path '${path}')`);
        }
        if (part === '$') {
          const idx = ctx.positional?.(segs.join('.'));
          if (idx === undefined) throw storeErrors.badValue(`The positional operator did not find the match needed from the query.`);
          next.push({ segs: [...segs, String(idx)], node: node[idx] });
        } else if (part === '$[]') {
          node.forEach((el, idx) => next.push({ segs: [...segs, String(idx)], node: el }));
        } else {
          const id = part.slice(2, -1);
          const test = ctx.arrayFilters.get(id);
          if (!test) throw storeErrors.badValue(`No array filter found for identifier '${id}' in path '${path}'`);
          node.forEach((el, idx) => {
            if (test(el)) next.push({ segs: [...segs, String(idx)], node: el });
          });
        }
      } else {
        const child = node !== null && typeof node === 'object' ? (node as Doc)[part] : undefined;
        next.push({ segs: [...segs, part], node: child });
      }
    }
    results = next;
  }
  return results.map((r) => r.segs);
}

/** Reads the value at concrete path segments (undefined when absent). */
export function getAt(doc: Doc, segs: string[]): unknown {
  let node: unknown = doc;
  for (const s of segs) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Doc)[s];
  }
  return node;
}

/** Sets a value at concrete path segments, creating intermediate documents; fails like MongoDB on a scalar in the way. */
export function setAt(doc: Doc, segs: string[], value: unknown): void {
  let node: unknown = doc;
  for (let i = 0; i < segs.length - 1; i++) {
    const container = node as Doc;
    let child = Array.isArray(container) ? container[Number(segs[i])] : container[segs[i]];
    if (child === undefined || child === null) {
      child = {};
      assign(container, segs[i], child);
    } else if (typeof child !== 'object' || isBsonScalar(child)) {
      throw storeErrors.pathNotViable(`Cannot create field '${segs[i + 1]}' in element {${segs[i]}: ${String(child)}}`);
    }
    node = child;
  }
  assign(node as Doc, segs[segs.length - 1], value);
}

/** Removes the value at concrete path segments ($unset: array elements become null, as in MongoDB). */
export function unsetAt(doc: Doc, segs: string[]): void {
  const parent = getAt(doc, segs.slice(0, -1));
  if (parent === null || typeof parent !== 'object') return;
  const last = segs[segs.length - 1];
  if (Array.isArray(parent)) {
    const idx = Number(last);
    if (Number.isInteger(idx) && idx < parent.length) parent[idx] = null;
  } else {
    delete (parent as Doc)[last];
  }
}

function assign(container: Doc, key: string, value: unknown): void {
  if (Array.isArray(container)) {
    const idx = Number(key);
    if (!Number.isInteger(idx) || idx < 0) throw storeErrors.pathNotViable(`Cannot create field '${key}' in an array`);
    while (container.length < idx) container.push(null);
    container[idx] = value;
  } else {
    container[key] = value;
  }
}

function isBsonScalar(v: object): boolean {
  const t = (v as { _bsontype?: string })._bsontype;
  return (t !== undefined && t !== 'Object') || v instanceof Date || v instanceof RegExp || v instanceof Uint8Array;
}
