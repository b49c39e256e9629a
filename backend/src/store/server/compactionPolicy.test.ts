import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { runStore } from './storeRuntime.js';

// A snapshot rewrites the whole state, so the store takes one only when the
// journal has grown past both the threshold and the state's size: loading a
// large database must not rewrite it again and again.
describe('compaction policy', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'onegrid-compaction-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const generations = () =>
    readdirSync(dataDir)
      .map((f) => /^snapshot-(\d+)\.bson$/.exec(f)?.[1])
      .filter((g): g is string => g !== undefined)
      .map(Number);

  it('compacts once the journal passes the state, not at every write past the threshold', async () => {
    const store = await runStore({ dataDir, host: '127.0.0.1', port: 0, logger: pino({ level: 'silent' }), compactAfterBytes: 1_000 });
    const client = await MongoClient.connect(store.uri);
    const coll = client.db('c').collection<{ _id: number; body: string }>('big');
    const body = 'x'.repeat(10_000);
    await coll.insertMany(Array.from({ length: 200 }, (_, i) => ({ _id: i, body })));
    await expect.poll(generations, { timeout: 10_000 }).toEqual([1]);
    // 20 more documents: the journal (~200 kB) stays below the state (~2 MB), so no second snapshot.
    for (let i = 200; i < 220; i++) await coll.insertOne({ _id: i, body });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(generations()).toEqual([1]);
    // Rewriting the whole state (updates) does pass it: a new snapshot.
    for (let round = 0; round < 3; round++) await coll.updateMany({}, { $set: { body: `${round}${body}` } });
    await expect.poll(() => generations()[0] ?? 0, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    expect(await coll.countDocuments()).toBe(220);
    await client.close();
    await store.stop();
  });
});
