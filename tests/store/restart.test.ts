import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedStore } from '@onegrid/backend/store';

// At start the store replays the journal without index upkeep and builds each
// index once at the end: after a restart every index must answer exactly as
// before it, including uniqueness, multikey entries, updates and deletions.
describe('indexes after a restart', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'onegrid-restart-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('answers index queries, sorts and unique checks as before the restart', async () => {
    let store = await startEmbeddedStore({ dataDir });
    let client = await MongoClient.connect(store.uri);
    let coll = client.db('r').collection<{ _id: number; code: string; tags: string[]; at: Date; n: number }>('items');
    await coll.createIndex({ code: 1 }, { unique: true });
    await coll.createIndex({ tags: 1 });
    await coll.createIndex({ n: 1, at: -1 });
    await coll.insertMany(Array.from({ length: 500 }, (_, i) => ({ _id: i, code: `c${i}`, tags: [`t${i % 7}`, `u${i % 3}`], at: new Date(Date.UTC(2026, 0, 1) + i * 60_000), n: i % 10 })));
    await coll.updateMany({ n: 3 }, { $set: { tags: ['moved'] } });
    await coll.deleteMany({ n: 4 });
    await coll.updateOne({ _id: 10 }, { $set: { code: 'renamed' } });
    const query = async () => ({
      t2: (await coll.find({ tags: 't2' }, { projection: { _id: 1 } }).toArray()).map((d) => d._id),
      moved: await coll.countDocuments({ tags: 'moved' }),
      page: (await coll.find({ n: 5 }).sort({ at: -1 }).limit(5).toArray()).map((d) => d._id),
      byCode: (await coll.findOne({ code: 'renamed' }))?._id,
      oldCode: await coll.countDocuments({ code: 'c10' }),
      range: (await coll.find({ _id: { $gte: 40, $lt: 46 } }).toArray()).map((d) => d._id),
      total: await coll.countDocuments({}),
    });
    const before = await query();
    expect(before.moved).toBe(50);
    expect(before.total).toBe(450);
    await client.close();
    await store.stop();

    store = await startEmbeddedStore({ dataDir });
    client = await MongoClient.connect(store.uri);
    coll = client.db('r').collection('items');
    expect(await query()).toEqual(before);
    const plan = (await coll.find({ tags: 't2' }).explain()) as { queryPlanner: { winningPlan: { inputStage?: { indexName?: string } } } };
    expect(plan.queryPlanner.winningPlan.inputStage?.indexName).toBe('tags_1');
    await expect(coll.insertOne({ _id: 9999, code: 'c11', tags: [], at: new Date(), n: 0 })).rejects.toMatchObject({ code: 11000 });
    await expect(coll.insertOne({ _id: 11, code: 'fresh', tags: [], at: new Date(), n: 0 })).rejects.toMatchObject({ code: 11000 });
    await coll.insertOne({ _id: 4, code: 'c4', tags: ['t2'], at: new Date(), n: 4 });
    expect((await coll.find({ tags: 't2' }).toArray()).map((d) => d._id)).toContain(4);
    await client.close();
    await store.stop();
  });
});
