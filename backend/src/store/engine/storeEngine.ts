import { Binary, deserialize, serialize, ObjectId } from 'bson';
import { ByteSlab } from './byteSlab.js';
import { StoreCollection } from './storeCollection.js';
import { leadingIdKey } from './rawId.js';
import { StoredDoc } from './storedDoc.js';
import type { IndexSpec } from './storeIndex.js';
import { storeErrors } from './storeError.js';
import { valueKey, type Doc } from './values.js';

/** One durable change, as written to the journal and replayed at start. */
export type ChangeRecord =
  | { o: 'create'; ns: string; options: Doc }
  | { o: 'drop'; ns: string }
  | { o: 'dropDb'; db: string }
  | { o: 'index'; ns: string; spec: Doc }
  | { o: 'dropIndex'; ns: string; name: string }
  | { o: 'put'; ns: string; doc: Binary }
  | { o: 'del'; ns: string; id: unknown };

export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;
const MAX_STORED_BYTES = MAX_DOCUMENT_BYTES + 16 * 1024;

/** Splits "db.collection.name" at its first dot. */
export function splitNs(ns: string): { db: string; coll: string } {
  const dot = ns.indexOf('.');
  return { db: ns.slice(0, dot), coll: ns.slice(dot + 1) };
}

/** Builds a stored document from exact BSON bytes, decoding them (which checks them). */
export function storedFromRaw(raw: Buffer): StoredDoc {
  if (raw.length > MAX_STORED_BYTES) throw storeErrors.objectTooLarge(raw.length);
  const view = deserialize(raw) as Doc;
  return new StoredDoc(valueKey(view._id), raw, view);
}

/**
 * A stored document from bytes already checked (the journal's, or an insert's
 * checked on arrival): only the _id is read, straight from the bytes when it
 * leads with a common type; the view is decoded when first needed.
 */
export function storedFromCheckedBytes(raw: Buffer): StoredDoc {
  if (raw.length > MAX_STORED_BYTES) throw storeErrors.objectTooLarge(raw.length);
  const key = leadingIdKey(raw);
  return key !== undefined ? new StoredDoc(key, raw) : storedFromRaw(raw);
}

/** Builds a stored document from a typed document, adding an ObjectId _id first when it has none (as mongod does). */
export function storedFromTyped(typed: Doc): StoredDoc {
  // mongod stores _id first, adding an ObjectId when there is none.
  const withId = typed._id === undefined ? { _id: new ObjectId(), ...typed } : Object.keys(typed)[0] === '_id' ? typed : { _id: typed._id, ...typed };
  if ('_id' in withId && Array.isArray(withId._id)) throw storeErrors.badValue("can't use an array for _id");
  return storedFromRaw(Buffer.from(serialize(withId)));
}

/** The typed form (promoteValues: false) of a stored document, for updates and projections that keep exact types. */
export function typedOf(doc: StoredDoc): Doc {
  return deserialize(doc.raw, { promoteValues: false, promoteBuffers: false }) as Doc;
}

/**
 * The in-memory state of every database: collections, documents and indexes.
 * Every mutation also appends a ChangeRecord to `pending`, which the server
 * makes durable before it acknowledges the command that caused it.
 */
export class StoreEngine {
  readonly dbs = new Map<string, Map<string, StoreCollection>>();
  /** Where replayed documents' bytes are copied (one allocation per slab, not per document). */
  private replaySlab = new ByteSlab();
  pending: ChangeRecord[] = [];

  /** Takes the records produced since the last call (the server journals them). */
  drainPending(): ChangeRecord[] {
    const out = this.pending;
    this.pending = [];
    return out;
  }

  collection(db: string, name: string): StoreCollection | undefined {
    return this.dbs.get(db)?.get(name);
  }

  /** The collection, created implicitly (as an insert or createIndexes would) when missing. */
  ensureCollection(db: string, name: string, options: Doc = {}): StoreCollection {
    const existing = this.collection(db, name);
    if (existing) return existing;
    validateName(db, name);
    const coll = new StoreCollection(db, name, options);
    let colls = this.dbs.get(db);
    if (!colls) this.dbs.set(db, (colls = new Map()));
    colls.set(name, coll);
    this.pending.push({ o: 'create', ns: coll.ns, options });
    return coll;
  }

  dropCollection(db: string, name: string): boolean {
    const colls = this.dbs.get(db);
    const coll = colls?.get(name);
    if (!colls || !coll) return false;
    colls.delete(name);
    coll.dropIndexes();
    if (colls.size === 0) this.dbs.delete(db);
    this.pending.push({ o: 'drop', ns: `${db}.${name}` });
    return true;
  }

  dropDatabase(db: string): void {
    const colls = this.dbs.get(db);
    if (!colls) return;
    for (const coll of colls.values()) coll.dropIndexes();
    this.dbs.delete(db);
    this.pending.push({ o: 'dropDb', db });
  }

  insert(coll: StoreCollection, doc: StoredDoc): void {
    coll.insert(doc);
    this.pending.push({ o: 'put', ns: coll.ns, doc: new Binary(doc.raw) });
  }

  replace(coll: StoreCollection, old: StoredDoc, next: StoredDoc): void {
    coll.replace(old, next);
    this.pending.push({ o: 'put', ns: coll.ns, doc: new Binary(next.raw) });
  }

  remove(coll: StoreCollection, doc: StoredDoc): void {
    coll.remove(doc);
    this.pending.push({ o: 'del', ns: coll.ns, id: doc.view._id });
  }

  createIndex(coll: StoreCollection, spec: IndexSpec): boolean {
    const created = coll.createIndex(spec);
    if (created) this.pending.push({ o: 'index', ns: coll.ns, spec: spec as unknown as Doc });
    return created;
  }

  dropIndex(coll: StoreCollection, name: string): void {
    coll.dropIndex(name);
    this.pending.push({ o: 'dropIndex', ns: coll.ns, name });
  }

  /**
   * Re-applies one journal or snapshot record at start (records nothing new).
   * Indexes wait: call finishReplay() after the last record to build them.
   */
  replay(record: ChangeRecord): void {
    if (record.o !== 'put' && record.o !== 'del') this.replayTargets.clear();
    this.replayOne(record);
    this.pending.length = 0;
  }

  /**
   * Re-applies a document write read from a journal or snapshot at start:
   * `buf[start, end)` is the document, copied here into the replay's slabs.
   */
  replayPut(ns: string, buf: Buffer, start: number, end: number): void {
    this.replayTarget(ns).replayPut(storedFromCheckedBytes(this.replaySlab.copy(buf, start, end)));
    this.pending.length = 0;
  }

  /** Collections by namespace during the replay (most records are puts into a few collections). */
  private readonly replayTargets = new Map<string, StoreCollection>();

  private replayTarget(ns: string): StoreCollection {
    let coll = this.replayTargets.get(ns);
    if (!coll) {
      const { db, coll: name } = splitNs(ns);
      coll = this.replaying(db, name);
      this.replayTargets.set(ns, coll);
    }
    return coll;
  }

  /** Builds the indexes of every collection after the replay. */
  finishReplay(): void {
    this.replayTargets.clear();
    this.replaySlab = new ByteSlab();
    for (const colls of this.dbs.values()) for (const coll of colls.values()) coll.resumeIndexes();
  }

  private replaying(db: string, name: string, options?: Doc): StoreCollection {
    const coll = this.ensureCollection(db, name, options);
    coll.suspendIndexes();
    return coll;
  }

  private replayOne(record: ChangeRecord): void {
    switch (record.o) {
      case 'create': {
        const { db, coll } = splitNs(record.ns);
        this.replaying(db, coll, record.options);
        break;
      }
      case 'drop': {
        const { db, coll } = splitNs(record.ns);
        this.dropCollection(db, coll);
        break;
      }
      case 'dropDb':
        this.dropDatabase(record.db);
        break;
      case 'index': {
        const { db, coll } = splitNs(record.ns);
        this.replaying(db, coll).createIndex(record.spec as unknown as IndexSpec);
        break;
      }
      case 'dropIndex': {
        const { db, coll } = splitNs(record.ns);
        this.collection(db, coll)?.dropIndex(record.name);
        break;
      }
      case 'put': {
        // A write in another layout than the journal's own (decoded by bson): replayed like any other.
        const bytes = record.doc.buffer;
        this.replayPut(record.ns, Buffer.from(bytes.buffer, bytes.byteOffset, record.doc.position), 0, record.doc.position);
        break;
      }
      case 'del': {
        const { db, coll } = splitNs(record.ns);
        const c = this.collection(db, coll);
        const old = c?.docs.get(valueKey(record.id));
        if (c && old) c.remove(old);
        break;
      }
    }
  }

  /** Records whose replay rebuilds the current state exactly (for a snapshot). */
  /** Bytes of every stored document (what a snapshot holds, near enough). */
  storedBytes(): number {
    let bytes = 0;
    for (const colls of this.dbs.values()) for (const coll of colls.values()) for (const doc of coll.docs.values()) bytes += doc.raw.length;
    return bytes;
  }

  snapshotRecords(): ChangeRecord[] {
    const out: ChangeRecord[] = [];
    for (const colls of this.dbs.values()) {
      for (const coll of colls.values()) {
        out.push({ o: 'create', ns: coll.ns, options: coll.options });
        for (const index of coll.indexes.values()) {
          if (index.name !== '_id_') out.push({ o: 'index', ns: coll.ns, spec: index.spec as unknown as Doc });
        }
        for (const doc of coll.docs.values()) out.push({ o: 'put', ns: coll.ns, doc: new Binary(doc.raw) });
      }
    }
    return out;
  }
}

function validateName(db: string, name: string): void {
  if (!db || /[/\\. "$]/.test(db)) throw storeErrors.invalidNamespace(`Invalid database name: '${db}'`);
  if (!name || name.includes('$') || name.startsWith('system.')) {
    throw storeErrors.invalidNamespace(`Invalid collection name: '${name}'`);
  }
}
