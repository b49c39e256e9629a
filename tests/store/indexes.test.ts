import { MongoServerError } from 'mongodb';
import { Schema } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStoreDb, realMongo } from './support.js';

async function examined(db: Awaited<ReturnType<typeof openStoreDb>>['db'], find: Record<string, unknown>): Promise<number> {
  const r = await db.command({ explain: find, verbosity: 'executionStats' });
  return r.executionStats.totalDocsExamined as number;
}

describe('store: unique, sparse, partial and secondary indexes', () => {
  let h: Awaited<ReturnType<typeof openStoreDb>>;
  beforeAll(async () => {
    h = await openStoreDb('idx');
  });
  afterAll(async () => h?.close());

  it('enforces a unique index on insert, update, upsert and findAndModify with code 11000 and keyValue', async () => {
    const c = h.db.collection('users');
    await c.createIndex({ email: 1 }, { unique: true });
    await c.insertMany([{ email: 'a@x' }, { email: 'b@x' }]);
    await expect(c.insertOne({ email: 'a@x' })).rejects.toMatchObject({ code: 11000, keyValue: { email: 'a@x' } });
    await expect(c.updateOne({ email: 'b@x' }, { $set: { email: 'a@x' } })).rejects.toMatchObject({ code: 11000 });
    await expect(c.updateOne({ email: 'new@x', other: 1 }, { $set: { email: 'a@x' } }, { upsert: true })).rejects.toMatchObject({ code: 11000 });
    await expect(c.findOneAndUpdate({ email: 'b@x' }, { $set: { email: 'a@x' } })).rejects.toMatchObject({ code: 11000 });
    expect(await c.countDocuments({})).toBe(2);
    expect(await c.findOne({ email: 'b@x' })).not.toBeNull();
  });

  it('reports insertMany partial success: ordered stops at the first duplicate, unordered carries on', async () => {
    const c = h.db.collection('codes');
    await c.createIndex({ code: 1 }, { unique: true });
    const ordered = await c.insertMany([{ code: 1 }, { code: 2 }, { code: 1 }, { code: 3 }]).catch((e: MongoServerError & { writeErrors?: { index: number }[]; insertedCount?: number }) => e);
    expect((ordered as { code: number }).code).toBe(11000);
    expect(await c.countDocuments({})).toBe(2);
    const unordered = await c.insertMany([{ code: 4 }, { code: 2 }, { code: 5 }, { code: 1 }], { ordered: false }).catch((e) => e as { writeErrors: { index: number; code: number }[]; insertedCount: number });
    expect((unordered as { writeErrors: { index: number }[] }).writeErrors.map((w) => w.index)).toEqual([1, 3]);
    expect((unordered as { insertedCount: number }).insertedCount).toBe(2);
    expect((await c.find({}).sort({ code: 1 }).toArray()).map((d) => d.code)).toEqual([1, 2, 4, 5]);
  });

  it('enforces compound, sparse and partial unique indexes by their own rules', async () => {
    const c = h.db.collection('mixed');
    await c.createIndex({ a: 1, b: 1 }, { unique: true });
    await c.createIndex({ s: 1 }, { unique: true, sparse: true });
    await c.createIndex({ p: 1 }, { unique: true, partialFilterExpression: { active: true } });
    await c.insertMany([{ a: 1, b: 1 }, { a: 1, b: 2 }]);
    await expect(c.insertOne({ a: 1, b: 2 })).rejects.toMatchObject({ code: 11000, keyValue: { a: 1, b: 2 } });
    await c.insertMany([{ a: 2, b: 1 }, { a: 2, b: 2 }]); // no `s`: sparse lets many through
    await c.insertOne({ a: 3, b: 1, s: 'x' });
    await expect(c.insertOne({ a: 3, b: 2, s: 'x' })).rejects.toMatchObject({ code: 11000 });
    await c.insertMany([{ a: 4, b: 1, p: 7, active: false }, { a: 4, b: 2, p: 7, active: true }]);
    await expect(c.insertOne({ a: 4, b: 3, p: 7, active: true })).rejects.toMatchObject({ code: 11000 });
  });

  it('raises mongoose duplicate-key errors and syncs indexes', async () => {
    const Model = h.conn.model('Account', new Schema({ login: { type: String, unique: true }, team: { type: String, index: true } }));
    await Model.init();
    await Model.create({ login: 'x', team: 't' });
    await expect(Model.create({ login: 'x' })).rejects.toMatchObject({ code: 11000 });
    await h.db.collection('accounts').createIndex({ stale: 1 });
    await Model.syncIndexes();
    const names = (await h.db.collection('accounts').indexes()).map((i) => i.name).sort();
    expect(names).toEqual(['_id_', 'login_1', 'team_1']);
  });

  it.skipIf(realMongo)('uses indexes for equality, $in, ranges and sort prefixes instead of scanning', async () => {
    const c = h.db.collection('indexed');
    await c.insertMany(Array.from({ length: 5000 }, (_, i) => ({ i, g: i % 50, t: new Date(1_700_000_000_000 + i * 1000) })));
    await c.createIndex({ g: 1 });
    await c.createIndex({ t: -1 });
    expect(await examined(h.db, { find: 'indexed', filter: { g: 7 } })).toBe(100);
    expect(await examined(h.db, { find: 'indexed', filter: { g: { $in: [1, 2] } } })).toBe(200);
    expect(await examined(h.db, { find: 'indexed', filter: { t: { $gte: new Date(1_700_000_000_000 + 4990 * 1000) } } })).toBe(10);
    expect(await examined(h.db, { find: 'indexed', filter: {}, sort: { t: -1 }, limit: 5 })).toBe(5);
    expect(await examined(h.db, { find: 'indexed', filter: { i: 3 } })).toBe(5000);
    const newest = await c.find({}).sort({ t: -1 }).limit(2).toArray();
    expect(newest.map((d) => d.i)).toEqual([4999, 4998]);
  });

  it('expires documents from a TTL index', async () => {
    const c = h.db.collection('sessions');
    await c.createIndex({ at: 1 }, { expireAfterSeconds: 1 });
    await c.insertMany([{ at: new Date(Date.now() - 60_000) }, { at: new Date(Date.now() + 3_600_000) }, { at: 'not a date' }]);
    const deadline = Date.now() + (realMongo ? 120_000 : 70_000);
    while ((await c.countDocuments({})) > 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
    expect(await c.countDocuments({})).toBe(2);
  }, 130_000);
});

describe('store: compound index equality prefix with sort', () => {
  it.skipIf(realMongo)('reads only the first page of an equality slice in sort order', async () => {
    const h = await openStoreDb('idx2');
    const c = h.db.collection('cases');
    await c.insertMany(Array.from({ length: 3000 }, (_, i) => ({ status: ['a', 'b', 'c'][i % 3], at: new Date(1_700_000_000_000 + i * 1000), i })));
    await c.createIndex({ status: 1, at: -1 });
    expect(await examined(h.db, { find: 'cases', filter: { status: 'b' }, sort: { at: -1 }, limit: 10 })).toBe(10);
    expect(await examined(h.db, { find: 'cases', filter: { status: 'b' }, sort: { at: 1 }, limit: 10 })).toBe(10);
    const newest = await c.find({ status: 'b' }).sort({ at: -1 }).limit(3).toArray();
    expect(newest.map((d) => d.i)).toEqual([2998, 2995, 2992]);
    const oldest = await c.find({ status: 'b' }).sort({ at: 1 }).limit(2).toArray();
    expect(oldest.map((d) => d.i)).toEqual([1, 4]);
    await h.close();
  });
});

describe('store: planning through $and', () => {
  it.skipIf(realMongo)('uses an index for conditions inside a top-level $and', async () => {
    const h = await openStoreDb('idx3');
    const c = h.db.collection('scoped');
    await c.insertMany(Array.from({ length: 2000 }, (_, i) => ({ dept: `d${i % 20}`, open: i % 2 === 0, i })));
    await c.createIndex({ dept: 1, open: 1 });
    expect(await examined(h.db, { find: 'scoped', filter: { $and: [{ dept: 'd4' }, { open: true }, { i: { $gte: 0 } }] } })).toBe(100);
    expect(await c.countDocuments({ $and: [{ dept: 'd4' }, { open: true }] })).toBe(100);
    await h.close();
  });
});

describe('store: planning a search by terms', () => {
  it.skipIf(realMongo)('uses a multikey index for $all, reading only the documents holding its first value', async () => {
    const h = await openStoreDb('idx-all');
    const c = h.db.collection('searched');
    await c.insertMany(Array.from({ length: 3000 }, (_, i) => ({ terms: [`t${i % 30}`, `u${i % 7}`, 'common'], i })));
    await c.createIndex({ terms: 1 });
    expect(await examined(h.db, { find: 'searched', filter: { terms: { $all: ['t3', 'u3'] } } })).toBe(100);
    const found = await c.find({ terms: { $all: ['t3', 'u3'] } }).toArray();
    expect(found.length).toBe(15); // i ≡ 3 (mod 210) below 3000
    expect(found.every((d) => d.i % 30 === 3 && d.i % 7 === 3)).toBe(true);
    expect(await c.countDocuments({ terms: { $all: ['common', 't5'] } })).toBe(100);
    expect(await c.countDocuments({ terms: { $all: [] } })).toBe(0);
    await h.close();
  });
});

describe('store: conditions on later fields of a compound index', () => {
  it.skipIf(realMongo)('checks a range on a later field against the index keys, reading only documents inside it', async () => {
    const h = await openStoreDb('idx4');
    const c = h.db.collection('points');
    // A 40 × 40 lattice of open and closed points; a box of 5 × 5 lattice steps.
    await c.insertMany(Array.from({ length: 3200 }, (_, i) => ({ open: i % 2 === 0, x: Math.floor(i / 80), y: Math.floor(i / 2) % 40 })));
    await c.createIndex({ open: 1, x: 1, y: 1 });
    const box = { open: true, x: { $gte: 10, $lt: 15 }, y: { $gt: 20, $lte: 25 } };
    expect(await c.countDocuments(box)).toBe(25);
    expect(await examined(h.db, { find: 'points', filter: box })).toBe(25);
    // An equality on the last field is checked the same way.
    expect(await examined(h.db, { find: 'points', filter: { open: true, x: { $gte: 10, $lt: 15 }, y: 7 } })).toBe(5);
    await h.close();
  });

  it('matches an array whose elements satisfy the two bounds of a range separately (MongoDB semantics)', async () => {
    const h = await openStoreDb('idx5');
    const c = h.db.collection('multi');
    await c.insertMany([
      { k: 'a', v: [1, 100] },
      { k: 'a', v: [55] },
      { k: 'a', v: [1, 2] },
      { k: 'b', v: [1, 100] },
    ]);
    await c.createIndex({ v: 1 });
    await c.createIndex({ k: 1, v: 1 });
    expect((await c.find({ v: { $gte: 50, $lte: 60 } }).toArray()).length).toBe(3);
    expect((await c.find({ k: 'a', v: { $gte: 50, $lte: 60 } }).toArray()).length).toBe(2);
    await h.close();
  });
});
