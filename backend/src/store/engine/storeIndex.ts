import btreeModule from 'sorted-btree';
import { bulkLoad } from 'sorted-btree/extended/bulkLoad.js';
import { dedupe, IndexKeyMaker } from './indexKeys.js';
import { PendingKeys, pendingFlusher } from './pendingIndexKeys.js';
import type { RawElements } from './rawFields.js';
import { compareValues, type Doc } from './values.js';
import { storeErrors } from './storeError.js';

// sorted-btree is CommonJS: Node's import gives module.exports (the class is its `default`); Vite's interop gives the class.
const BTree = ((btreeModule as unknown as { default?: unknown }).default ?? btreeModule) as typeof btreeModule.default;

/** Lowest and highest possible key parts, for open-ended range scans. */
export const LOW = Symbol('low');
export const HIGH = Symbol('high');
type KeyPart = unknown;
/** Branching factor of the index trees (sorted-btree's default). */
const NODE_SIZE = 32;
/** An index entry: one value per indexed field, then the document's id key. */
export type IndexKey = KeyPart[];

export interface IndexSpec {
  key: Record<string, 1 | -1>;
  name: string;
  unique?: boolean;
  sparse?: boolean;
  partialFilterExpression?: Doc;
  expireAfterSeconds?: number;
}

function comparePart(a: KeyPart, b: KeyPart): number {
  if (a === b) return 0;
  // The common key parts first, without compareValues' type dispatch (same order).
  const ta = typeof a;
  if (ta === typeof b) {
    if (ta === 'string') return (a as string) < (b as string) ? -1 : 1;
    if (ta === 'number' && a === a && b === b) return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
  }
  if (a === LOW || b === HIGH) return -1;
  if (a === HIGH || b === LOW) return 1;
  return compareValues(a, b);
}

export interface KeyRange {
  low: { value: unknown; inclusive: boolean } | null;
  high: { value: unknown; inclusive: boolean } | null;
}

/** A condition on a later field of a compound index, checked on each entry's key before its document is read. */
export interface ResidualBound extends KeyRange {
  pos: number;
}

function inRange(v: KeyPart, r: KeyRange): boolean {
  if (r.low) {
    const c = comparePart(v, r.low.value);
    if (c < 0 || (c === 0 && !r.low.inclusive)) return false;
  }
  if (r.high) {
    const c = comparePart(v, r.high.value);
    if (c > 0 || (c === 0 && !r.high.inclusive)) return false;
  }
  return true;
}

/**
 * One secondary (or _id) index: a B+ tree of (field values…, id) entries in
 * the index's directions. Multikey: an array value yields one entry per element.
 */
export class StoreIndex {
  readonly fields: string[];
  readonly directions: number[];
  /** Builds each document's keys (and knows which fields have held arrays). */
  private readonly keyMaker: IndexKeyMaker;
  private tree;
  private readonly compare: (a: IndexKey, b: IndexKey) => number;

  /**
   * Where a deferred index gets its documents when first read. The _id index is
   * deferred: the collection's id map answers _id equality and uniqueness, so
   * the tree (one more insert per document, at every write and every restart)
   * is only built once a query needs _id order or an _id range.
   */
  private source: (() => Iterable<{ view: Doc; id: string }>) | null;

  /**
   * Keys added to a non-unique index but not yet in its tree: a write only
   * queues them, and they go into the tree while the store waits (for the
   * journal's fsync, for the client's next command) or before anything reads
   * the index. Unique indexes insert at once: their check needs the tree.
   */
  private readonly pending = new PendingKeys();

  constructor(
    readonly spec: IndexSpec,
    source?: () => Iterable<{ view: Doc; id: string }>,
  ) {
    this.source = source ?? null;
    this.fields = Object.keys(spec.key);
    this.directions = this.fields.map((f) => (Number(spec.key[f]) < 0 ? -1 : 1));
    this.keyMaker = new IndexKeyMaker(spec, this.fields);
    const dirs = this.directions;
    // One ascending field (the commonest index) compares without a loop.
    const compare =
      dirs.length === 1 && dirs[0] === 1
        ? (a: IndexKey, b: IndexKey): number => comparePart(a[0], b[0]) || comparePart(a[1], b[1])
        : (a: IndexKey, b: IndexKey): number => {
            for (let i = 0; i < dirs.length; i++) {
              const c = comparePart(a[i], b[i]);
              if (c !== 0) return c * dirs[i];
            }
            return comparePart(a[dirs.length], b[dirs.length]);
          };
    this.compare = compare;
    this.tree = new BTree<IndexKey, undefined>(undefined, compare, NODE_SIZE);
  }

  /**
   * Replaces the index's content by these keys (every document's, as at the
   * end of a restart): sorted, then bulk-loaded, several times faster than
   * inserting them one by one. No unique check: the journal holds only writes
   * that passed it.
   */
  load(keys: IndexKey[]): void {
    this.pending.clear();
    keys.sort(this.compare);
    this.tree = bulkLoad<IndexKey, undefined>(keys, new Array<undefined>(keys.length), NODE_SIZE, this.compare);
  }

  get name(): string {
    return this.spec.name;
  }

  /** The index keys a document contributes (none when sparse/partial exclude it). */
  keysFor(doc: Doc, id: string): IndexKey[] {
    return this.keyMaker.keysFor(doc, id);
  }

  /** The document's keys read from its bytes, as keysFor would give them; null when the decoded document is needed. */
  keysForRaw(elements: RawElements, id: string): IndexKey[] | null {
    return this.keyMaker.keysForRaw(elements, id);
  }

  /** Throws the duplicate-key error if a unique index already holds one of these keys for another document. */
  checkUnique(ns: string, keys: IndexKey[], id: string, ignoreIds?: Set<string>): void {
    // A deferred index is the _id index, whose uniqueness the collection's id map enforces.
    if (!this.spec.unique || this.source) return;
    for (const key of keys) {
      const low = [...key.slice(0, -1), LOW];
      for (const [found] of this.tree.entries(low)) {
        if (!this.samePrefix(found, key)) break;
        const other = found[found.length - 1] as string;
        if (other !== id && !ignoreIds?.has(other)) {
          const keyValue: Doc = {};
          this.fields.forEach((f, i) => (keyValue[f] = key[i]));
          throw storeErrors.duplicateKey(ns, this.name, this.spec.key, keyValue);
        }
      }
    }
  }

  /** True when the field at `pos` may hold arrays: one document then has an entry per element, and a two-sided range must not be applied per entry. */
  isMultikey(pos: number): boolean {
    return this.keyMaker.multikey.has(pos);
  }

  add(keys: IndexKey[]): void {
    if (this.source || keys.length === 0) return;
    if (this.spec.unique) {
      for (const k of keys) this.tree.set(k, undefined); // no value: the tree then keeps no value arrays
      return;
    }
    if (!this.hasPending) pendingFlusher.enlist(this);
    this.pending.push(keys);
  }

  remove(keys: IndexKey[]): void {
    if (this.source) return;
    this.flushPending();
    for (const k of keys) this.tree.delete(k);
  }

  /** Moves up to `max` queued keys into the tree (sorted first: neighbouring inserts touch the same nodes); returns how many it moved. */
  flushPending(max = Infinity): number {
    if (!this.hasPending) return 0;
    const batch = this.pending.take(max).sort(this.compare);
    for (const k of batch) this.tree.set(k, undefined);
    return batch.length;
  }

  /** True while added keys wait to go into the tree. */
  get hasPending(): boolean {
    return this.pending.size > 0;
  }

  /** True while a deferred index is not built: its keys need not be computed. */
  get deferred(): boolean {
    return this.source !== null;
  }

  /** The tree, built first if the index was deferred (from then on it is maintained like any other). */
  private built() {
    const source = this.source;
    if (source) {
      this.source = null;
      for (const doc of source()) this.add(this.keysFor(doc.view, doc.id));
    }
    this.flushPending();
    return this.tree;
  }

  clear(): void {
    this.pending.clear();
    this.tree.clear();
  }

  get size(): number {
    return this.built().size;
  }

  /** Ids whose first field equals one of `values` (in index order, deduplicated). */
  idsForValues(values: unknown[]): string[] {
    const out = new Set<string>();
    const sorted = dedupe(values.map((v) => (v === undefined ? null : v)));
    for (const v of sorted) {
      for (const [k] of this.built().entries(this.startKey(v))) {
        if (comparePart(k[0], v) !== 0) break;
        out.add(k[k.length - 1] as string);
      }
    }
    return [...out];
  }

  /**
   * Ids of the index slice where the first `equal.length` fields equal those
   * values and the next field (if `range`) lies in the range, in index order:
   * a compound index used with an equality prefix and an optional range.
   * Lazy: a sorted query with a limit reads only the page. The caller must
   * finish reading before it changes the collection.
   */
  *idsForBounds(equal: unknown[], range: KeyRange | null, residual: ResidualBound[] = []): Generator<string> {
    const k = equal.length;
    const dir = this.directions[k] ?? 1;
    const first = range ? (dir > 0 ? range.low : range.high) : null;
    const start: IndexKey = [...equal];
    if (first) start.push(first.value);
    for (let i = start.length; i < this.fields.length; i++) start.push(this.directions[i] > 0 ? LOW : HIGH);
    start.push(LOW);
    // Only a multikey index has several entries per document.
    const seen = this.keyMaker.multikey.size > 0 ? new Set<string>() : null;
    for (const [key] of this.built().entries(start)) {
      let inPrefix = true;
      for (let i = 0; i < k; i++) {
        if (comparePart(key[i], equal[i]) !== 0) {
          inPrefix = false;
          break;
        }
      }
      if (!inPrefix) break;
      if (range) {
        const v = key[k];
        const lowCmp = range.low ? comparePart(v, range.low.value) : 1;
        const highCmp = range.high ? comparePart(v, range.high.value) : -1;
        const pastEnd = dir > 0 ? highCmp > 0 || (highCmp === 0 && !range.high!.inclusive) : lowCmp < 0 || (lowCmp === 0 && !range.low!.inclusive);
        if (pastEnd) break;
        if ((lowCmp === 0 && !range.low!.inclusive) || (highCmp === 0 && !range.high!.inclusive)) continue;
      }
      if (residual.length && !residual.every((r) => inRange(key[r.pos], r))) continue;
      const id = key[key.length - 1] as string;
      if (seen) {
        if (seen.has(id)) continue;
        seen.add(id);
      }
      yield id;
    }
  }

  /** Ids whose first field lies in the range, in index order. Bounds are MongoDB-typed: a range never crosses type families. */
  idsInRange(low: { value: unknown; inclusive: boolean } | null, high: { value: unknown; inclusive: boolean } | null): string[] {
    const out: string[] = [];
    const seen = new Set<string>();
    const ascending = this.directions[0] > 0;
    const start = ascending ? (low ? this.startKey(low.value) : undefined) : high ? this.startKey(high.value) : undefined;
    for (const [k] of this.built().entries(start)) {
      const v = k[0];
      if (ascending) {
        if (low && !low.inclusive && comparePart(v, low.value) === 0) continue;
        if (high && (high.inclusive ? comparePart(v, high.value) > 0 : comparePart(v, high.value) >= 0)) break;
      } else {
        if (high && !high.inclusive && comparePart(v, high.value) === 0) continue;
        if (low && (low.inclusive ? comparePart(v, low.value) < 0 : comparePart(v, low.value) <= 0)) break;
      }
      const id = k[k.length - 1] as string;
      if (!seen.has(id)) {
        seen.add(id);
        out.push(id);
      }
    }
    return out;
  }

  /** Every id in index order (forward or reversed), deduplicated for multikey entries. */
  *idsInOrder(reverse: boolean): Generator<string> {
    const seen = new Set<string>();
    const tree = this.built();
    const it = reverse ? tree.entriesReversed() : tree.entries();
    for (const [k] of it) {
      const id = k[k.length - 1] as string;
      if (!seen.has(id)) {
        seen.add(id);
        yield id;
      }
    }
  }

  /** The description listIndexes returns. */
  describe(): Doc {
    const { key, name, ...options } = this.spec;
    return { v: 2, key, name, ...options };
  }

  /** The smallest possible key (in tree order) whose first field is `value`. */
  private startKey(value: unknown): IndexKey {
    return [value, ...this.directions.slice(1).map((d) => (d > 0 ? LOW : HIGH)), LOW];
  }

  private samePrefix(a: IndexKey, b: IndexKey): boolean {
    for (let i = 0; i < this.fields.length; i++) if (comparePart(a[i], b[i]) !== 0) return false;
    return true;
  }
}
