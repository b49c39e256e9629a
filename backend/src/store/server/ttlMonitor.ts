import type { StoreEngine } from '../engine/storeEngine.js';

/**
 * Deletes documents whose TTL-indexed date is older than the index's
 * expireAfterSeconds (arrays: their earliest date), as mongod's TTL monitor
 * does. Returns how many were removed; the caller journals the records.
 */
export function expireDocuments(engine: StoreEngine, now: Date): number {
  let removed = 0;
  for (const colls of engine.dbs.values()) {
    for (const coll of colls.values()) {
      for (const index of coll.indexes.values()) {
        const ttl = index.spec.expireAfterSeconds;
        if (ttl === undefined || index.fields.length !== 1) continue;
        const cutoff = new Date(now.getTime() - ttl * 1000);
        for (const id of index.idsInRange({ value: new Date(0 - 8.64e15), inclusive: true }, { value: cutoff, inclusive: false })) {
          const doc = coll.docs.get(id);
          if (doc) {
            engine.remove(coll, doc);
            removed++;
          }
        }
      }
    }
  }
  return removed;
}
