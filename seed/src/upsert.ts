import { Types, type Model } from 'mongoose';
import type { Progress } from './progress.js';
import { objectIdHex } from './random.js';

/** The createdAt/updatedAt of every seeded reference document: fixed, so re-seeding writes identical documents. */
export const SEED_EPOCH = new Date('2026-01-01T00:00:00.000Z');

/** Documents per bulkWrite. */
const CHUNK = 1000;

export interface UpsertCounts {
  inserted: number;
  changed: number;
  unchanged: number;
}

/**
 * Upserts documents by their natural key through the model (cast and
 * validated as the model would write them), each with a deterministic _id
 * from that key and the fixed seed timestamps: a second run replaces every
 * document by an identical one and changes nothing.
 */
export async function upsertByKey<T extends object>(model: Model<T>, docs: readonly T[], key: (keyof T & string) | (keyof T & string)[], bar?: Progress): Promise<UpsertCounts> {
  const keys = Array.isArray(key) ? key : [key];
  const counts: UpsertCounts = { inserted: 0, changed: 0, unchanged: 0 };
  const timestamps = Boolean(model.schema.get('timestamps'));
  for (let i = 0; i < docs.length; i += CHUNK) {
    const ops = docs.slice(i, i + CHUNK).map((doc) => {
      const filter = Object.fromEntries(keys.map((k) => [k, doc[k]]));
      const natural = keys.map((k) => String(doc[k])).join('/');
      const replacement = {
        _id: keys[0] === '_id' ? natural : new Types.ObjectId(objectIdHex(`${model.collection.collectionName}:${natural}`)),
        ...doc,
        ...(timestamps ? { createdAt: SEED_EPOCH, updatedAt: SEED_EPOCH } : {}),
      };
      return { replaceOne: { filter, replacement, upsert: true, timestamps: false } };
    });
    const res = await model.bulkWrite(ops as never, { ordered: false, timestamps: false });
    counts.inserted += res.upsertedCount;
    counts.changed += res.modifiedCount;
    counts.unchanged += res.matchedCount - res.modifiedCount;
    bar?.tick(Math.min(docs.length, i + CHUNK));
  }
  bar?.done();
  return counts;
}
