import { RawElements } from './rawFields.js';
import type { StoredDoc } from './storedDoc.js';
import { StoreIndex, type IndexKey, type IndexSpec } from './storeIndex.js';
import { storeErrors } from './storeError.js';
import { compareValues, type Doc } from './values.js';

export type { StoredDoc } from './storedDoc.js';

/**
 * One collection: documents by id in insertion (natural) order and its indexes,
 * kept consistent on every insert, replace and remove. Unique constraints are
 * checked on every index before anything changes, so a failed write leaves no trace.
 */
export class StoreCollection {
  readonly docs = new Map<string, StoredDoc>();
  readonly indexes = new Map<string, StoreIndex>();
  /** While replaying at start, indexes are left alone and built once at the end (resumeIndexes). */
  private indexesSuspended = false;

  constructor(
    readonly db: string,
    readonly name: string,
    readonly options: Doc = {},
  ) {
    this.indexes.set('_id_', new StoreIndex({ key: { _id: 1 }, name: '_id_' }, () => this.docs.values()));
  }

  get ns(): string {
    return `${this.db}.${this.name}`;
  }

  /** Adds a new document; throws DuplicateKey (11000) on a clash with any unique index or an existing _id. */
  insert(doc: StoredDoc): void {
    if (this.indexesSuspended) {
      this.docs.get(doc.id)?.retire();
      this.docs.set(doc.id, doc);
      return;
    }
    if (this.docs.has(doc.id)) {
      throw storeErrors.duplicateKey(this.ns, '_id_', { _id: 1 }, { _id: doc.view._id });
    }
    const keys = this.keysOf(doc);
    for (const [index, k] of keys) index.checkUnique(this.ns, k, doc.id);
    for (const [index, k] of keys) index.add(k);
    this.docs.set(doc.id, doc);
  }

  /** Adds or replaces a document during the replay at start (indexes are suspended: they are built after the last record). */
  replayPut(doc: StoredDoc): void {
    if (!this.indexesSuspended) throw new Error(`replayPut on ${this.ns} outside a replay`);
    this.docs.get(doc.id)?.retire();
    this.docs.set(doc.id, doc);
  }

  /** Swaps a stored document for its new version (same _id), keeping indexes consistent. */
  replace(old: StoredDoc, next: StoredDoc): void {
    if (old.id !== next.id) throw storeErrors.immutableField(`Performing an update on the path '_id' would modify the immutable field '_id'`);
    if (this.indexesSuspended) return this.insert(next);
    const newKeys = this.keysOf(next);
    for (const [index, k] of newKeys) index.checkUnique(this.ns, k, next.id);
    for (const [index, k] of this.keysOf(old)) index.remove(k);
    for (const [index, k] of newKeys) index.add(k);
    this.docs.set(next.id, next);
    old.retire();
  }

  /** Removes a document and its index entries. */
  remove(doc: StoredDoc): void {
    if (this.indexesSuspended) {
      this.docs.delete(doc.id);
      doc.retire();
      return;
    }
    for (const [index, k] of this.keysOf(doc)) index.remove(k);
    this.docs.delete(doc.id);
    doc.retire();
  }

  /** Builds an index over the existing documents; an identical index is a no-op, a different one with the same name or key conflicts. */
  createIndex(spec: IndexSpec): boolean {
    const existing = this.indexes.get(spec.name);
    const sameKey = [...this.indexes.values()].find((i) => compareValues(i.spec.key, spec.key) === 0);
    if (existing || sameKey) {
      const other = existing ?? sameKey!;
      if (sameOptions(other.spec, spec)) return false;
      if (existing && compareValues(existing.spec.key, spec.key) !== 0) {
        throw storeErrors.indexKeySpecsConflict(`An existing index has the same name as the requested index but different keys. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(other.spec)}`);
      }
      throw storeErrors.indexOptionsConflict(`An equivalent index already exists with a different name or options. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(other.spec)}`);
    }
    const index = new StoreIndex(spec);
    if (this.indexesSuspended) {
      this.indexes.set(spec.name, index);
      return true;
    }
    for (const doc of this.docs.values()) {
      const k = indexKeysOf(doc)(index);
      index.checkUnique(this.ns, k, doc.id);
      index.add(k);
    }
    this.indexes.set(spec.name, index);
    return true;
  }

  /** Stops index maintenance (replay at start: the journal's writes already passed every check). */
  suspendIndexes(): void {
    this.indexesSuspended = true;
  }

  /** Builds every index from the documents, decoding each document once for all of them, and resumes maintenance. */
  resumeIndexes(): void {
    if (!this.indexesSuspended) return;
    this.indexesSuspended = false;
    const building = [...this.indexes.values()].filter((index) => !index.deferred);
    const keys = building.map((): IndexKey[] => []);
    for (const doc of this.docs.values()) {
      const keysFor = indexKeysOf(doc);
      for (let i = 0; i < building.length; i++) for (const k of keysFor(building[i])) keys[i].push(k);
    }
    building.forEach((index, i) => index.load(keys[i]));
  }

  dropIndex(name: string): void {
    if (name === '_id_') throw storeErrors.invalidOptions('cannot drop _id index');
    const index = this.indexes.get(name);
    if (!index) throw storeErrors.indexNotFound(`index not found with name [${name}]`);
    this.indexes.delete(name);
    index.clear(); // drops keys still queued for its tree
  }

  /** Empties every index of a collection being dropped (keys still queued for a tree are dropped with it). */
  dropIndexes(): void {
    for (const index of this.indexes.values()) index.clear();
  }

  /** The index whose key pattern equals `key`, for dropIndexes by key. */
  indexByKey(key: Doc): StoreIndex | undefined {
    return [...this.indexes.values()].find((i) => compareValues(i.spec.key, key) === 0);
  }

  private keysOf(doc: StoredDoc): [StoreIndex, IndexKey[]][] {
    const out: [StoreIndex, IndexKey[]][] = [];
    const keysFor = indexKeysOf(doc);
    for (const index of this.indexes.values()) if (!index.deferred) out.push([index, keysFor(index)]);
    return out;
  }
}

/**
 * Reads each index's keys of one document: from its bytes where the fields
 * allow, else from a view decoded once for all indexes and not kept (an
 * inserted or replayed document need not hold memory for a view).
 */
function indexKeysOf(doc: StoredDoc): (index: StoreIndex) => IndexKey[] {
  const elements = RawElements.of(doc.raw);
  let view: Doc | undefined;
  return (index) => (elements && index.keysForRaw(elements, doc.id)) ?? index.keysFor((view ??= doc.peekView()), doc.id);
}

function sameOptions(a: IndexSpec, b: IndexSpec): boolean {
  const pick = (s: IndexSpec) => ({ key: s.key, unique: !!s.unique, sparse: !!s.sparse, partial: s.partialFilterExpression ?? null, ttl: s.expireAfterSeconds ?? null });
  return compareValues(pick(a), pick(b)) === 0 && a.name === b.name;
}
