import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStoreDb } from './support.js';

describe('store: CRUD, updates and cursors through the raw driver', () => {
  let h: Awaited<ReturnType<typeof openStoreDb>>;
  beforeAll(async () => {
    h = await openStoreDb('crud');
  });
  afterAll(async () => h?.close());

  it('inserts, finds with filter, sort, projection, skip and limit, counts and deletes', async () => {
    const c = h.db.collection('people');
    await c.insertMany([
      { name: 'a', age: 30, tags: ['x'] },
      { name: 'b', age: 20, tags: ['x', 'y'] },
      { name: 'c', age: 40 },
      { name: 'd', age: 25, nested: { deep: 1 } },
    ]);
    const found = await c.find({ age: { $gte: 21 } }, { projection: { _id: 0, name: 1 } }).sort({ age: -1 }).skip(1).limit(2).toArray();
    expect(found).toEqual([{ name: 'a' }, { name: 'd' }]);
    expect(await c.countDocuments({ tags: 'x' })).toBe(2);
    expect(await c.distinct('tags')).toEqual(expect.arrayContaining(['x', 'y']));
    expect((await c.deleteMany({ age: { $lt: 26 } })).deletedCount).toBe(2);
    expect(await c.estimatedDocumentCount()).toBe(2);
    expect((await c.deleteOne({ name: 'zzz' })).deletedCount).toBe(0);
  });

  it('applies update operators, positional and arrayFilters updates, and replacements', async () => {
    const c = h.db.collection('orders');
    const { insertedId } = await c.insertOne({ n: 1, items: [{ sku: 'a', qty: 1 }, { sku: 'b', qty: 5 }], grades: [80, 95, 60], list: [1, 2, 3] });
    await c.updateOne(
      { _id: insertedId },
      { $inc: { n: 2 }, $set: { 'meta.by': 'me' }, $push: { list: { $each: [9, 0], $sort: 1, $slice: -4 } }, $addToSet: { tags: 'new' }, $currentDate: { touched: true } } as never,
    );
    await c.updateOne({ _id: insertedId, 'items.sku': 'b' }, { $set: { 'items.$.qty': 6 } });
    await c.updateOne({ _id: insertedId }, { $set: { 'grades.$[low]': 70 } }, { arrayFilters: [{ low: { $lt: 70 } }] });
    await c.updateOne({ _id: insertedId }, { $pull: { items: { sku: 'a' } }, $unset: { nothing: '' }, $max: { n: 10 }, $min: { floor: 5 } } as never);
    const doc = await c.findOne({ _id: insertedId });
    expect(doc).toMatchObject({ n: 10, meta: { by: 'me' }, list: [1, 2, 3, 9], tags: ['new'], items: [{ sku: 'b', qty: 6 }], grades: [80, 95, 70], floor: 5 });
    expect(doc!.touched).toBeInstanceOf(Date);
    await c.replaceOne({ _id: insertedId }, { replaced: true });
    expect(await c.findOne({ _id: insertedId }, { projection: { _id: 0 } })).toEqual({ replaced: true });
  });

  it('upserts with the query equality fields and $setOnInsert, only on insert', async () => {
    const c = h.db.collection('counters');
    const first = await c.updateOne({ key: 'k', 'scope.region': 'north' }, { $inc: { value: 1 }, $setOnInsert: { createdBy: 'upsert' } }, { upsert: true });
    expect(first.upsertedCount).toBe(1);
    await c.updateOne({ key: 'k', 'scope.region': 'north' }, { $inc: { value: 1 }, $setOnInsert: { createdBy: 'second' } }, { upsert: true });
    expect(await c.findOne({ key: 'k' }, { projection: { _id: 0 } })).toEqual({ key: 'k', scope: { region: 'north' }, value: 2, createdBy: 'upsert' });
    const pipeline = await c.updateOne({ key: 'k' }, [{ $set: { doubled: { $multiply: ['$value', 2] } } }]);
    expect(pipeline.modifiedCount).toBe(1);
    expect((await c.findOne({ key: 'k' }))!.doubled).toBe(4);
  });

  it('findOneAndUpdate returns the document before or after, honours sort and upserts; findOneAndDelete removes', async () => {
    const c = h.db.collection('queue');
    await c.insertMany([{ p: 2, state: 'new' }, { p: 9, state: 'new' }, { p: 5, state: 'new' }]);
    const before = await c.findOneAndUpdate({ state: 'new' }, { $set: { state: 'taken' } }, { sort: { p: -1 }, returnDocument: 'before' });
    expect(before).toMatchObject({ p: 9, state: 'new' });
    const after = await c.findOneAndUpdate({ state: 'new' }, { $set: { state: 'taken' } }, { sort: { p: -1 }, returnDocument: 'after', projection: { _id: 0 } });
    expect(after).toEqual({ p: 5, state: 'taken' });
    const upserted = await c.findOneAndUpdate({ p: 100 }, { $set: { state: 'made' } }, { upsert: true, returnDocument: 'after' });
    expect(upserted).toMatchObject({ p: 100, state: 'made' });
    expect(await c.findOneAndDelete({ p: 2 })).toMatchObject({ p: 2 });
    expect(await c.countDocuments({})).toBe(3);
  });

  it('pages a cursor over more than 10,000 documents with getMore, and kills cursors', async () => {
    const c = h.db.collection('many');
    await c.insertMany(Array.from({ length: 12_345 }, (_, i) => ({ i })));
    let seen = 0;
    let last = -1;
    for await (const d of c.find({}).sort({ i: 1 }).batchSize(1000)) {
      expect(d.i).toBe(last + 1);
      last = d.i as number;
      seen++;
    }
    expect(seen).toBe(12_345);
    const cursor = c.find({}).batchSize(10);
    await cursor.next();
    await cursor.close();
    expect(await c.find({ i: { $gte: 12_000 } }).toArray()).toHaveLength(345);
  });

  it('runs the aggregation stages the app uses, with $lookup, $facet, $bucket, $out and $merge', async () => {
    const depts = h.db.collection('depts');
    const cases = h.db.collection('cases');
    await depts.insertMany([{ code: 'SZ', name: '市政' }, { code: 'CG', name: '城管' }]);
    await cases.insertMany([
      { dept: 'SZ', tags: ['a', 'b'], mins: 30 },
      { dept: 'SZ', tags: ['a'], mins: 90 },
      { dept: 'CG', tags: [], mins: 200 },
    ]);
    const grouped = await cases
      .aggregate([{ $match: { mins: { $gt: 0 } } }, { $group: { _id: '$dept', n: { $sum: 1 }, avg: { $avg: '$mins' } } }, { $sort: { _id: 1 } }, { $project: { _id: 0, dept: '$_id', n: 1, avg: 1 } }])
      .toArray();
    expect(grouped).toEqual([{ n: 1, avg: 200, dept: 'CG' }, { n: 2, avg: 60, dept: 'SZ' }]);
    const joined = await cases.aggregate([{ $lookup: { from: 'depts', localField: 'dept', foreignField: 'code', as: 'd' } }, { $unwind: '$d' }, { $count: 'n' }]).toArray();
    expect(joined).toEqual([{ n: 3 }]);
    const [facet] = await cases
      .aggregate([{ $facet: { tags: [{ $unwind: '$tags' }, { $group: { _id: '$tags', n: { $sum: 1 } } }, { $sort: { _id: 1 } }], buckets: [{ $bucket: { groupBy: '$mins', boundaries: [0, 60, 120, 1000], default: 'other' } }] } }])
      .toArray();
    expect(facet.tags).toEqual([{ _id: 'a', n: 2 }, { _id: 'b', n: 1 }]);
    expect(facet.buckets).toEqual([{ _id: 0, count: 1 }, { _id: 60, count: 1 }, { _id: 120, count: 1 }]);
    await cases.aggregate([{ $group: { _id: '$dept', total: { $sum: '$mins' } } }, { $out: 'totals' }]).toArray();
    expect(await h.db.collection('totals').find({}).sort({ _id: 1 }).toArray()).toEqual([{ _id: 'CG', total: 200 }, { _id: 'SZ', total: 120 }]);
    await cases.aggregate([{ $match: { dept: 'SZ' } }, { $group: { _id: '$dept', total: { $sum: 1 } } }, { $merge: { into: 'totals', whenMatched: 'merge' } }]).toArray();
    expect(await h.db.collection('totals').findOne({ _id: 'SZ' as never })).toEqual({ _id: 'SZ', total: 2 });
  });

  it('lists, creates and drops collections, indexes and databases', async () => {
    await h.db.createCollection('made');
    await expect(h.db.createCollection('made')).rejects.toMatchObject({ code: 48 });
    const names = (await h.db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['made', 'people', 'orders']));
    expect((await h.db.listCollections({ name: 'made' }).toArray()).map((c) => c.name)).toEqual(['made']);
    await h.db.collection('made').createIndex({ a: 1, b: -1 }, { name: 'ab' });
    expect((await h.db.collection('made').listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_', 'ab']);
    await h.db.collection('made').dropIndex('ab');
    expect((await h.db.collection('made').indexes()).map((i) => i.name)).toEqual(['_id_']);
    expect(await h.db.dropCollection('made')).toBe(true);
    const stats = await h.db.command({ dbStats: 1 });
    expect(stats.collections).toBeGreaterThan(0);
    expect((await h.db.command({ collStats: 'people' })).count).toBe(2);
    expect((await h.client.db().admin().listDatabases()).databases.map((d) => d.name)).toContain(h.db.databaseName);
    expect((await h.db.command({ ping: 1 })).ok).toBe(1);
    expect((await h.db.command({ buildInfo: 1 })).version).toMatch(/^\d+\.\d+/);
  });
});
