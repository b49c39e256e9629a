// Throughput of the embedded store through the official driver, on this machine.
// Run: npm run bench:store
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { startEmbeddedStore } from '@onegrid/backend/store';

const dataDir = mkdtempSync(join(tmpdir(), 'onegrid-bench-store-'));
const store = await startEmbeddedStore({ dataDir });
const client = await MongoClient.connect(store.uri, { maxPoolSize: 64 });
const coll = client.db('bench').collection('incidents');

async function timed(label: string, n: number, fn: () => Promise<unknown>): Promise<void> {
  const t0 = performance.now();
  await fn();
  const ms = performance.now() - t0;
  console.log(`${label.padEnd(58)} ${String(n).padStart(7)} ops  ${ms.toFixed(0).padStart(6)} ms  ${Math.round((n / ms) * 1000).toString().padStart(7)} ops/s`);
}

const doc = (i: number) => ({ code: `C${i}`, status: ['reported', 'dispatched', 'closed'][i % 3], gridCode: `g${i % 400}`, lng: 120 + (i % 1000) / 1e4, lat: 30 + (i % 997) / 1e4, reportedAt: new Date(1_790_000_000_000 + i * 60_000), description: 'x'.repeat(200) });

await coll.createIndex({ code: 1 }, { unique: true });
await coll.createIndex({ status: 1, reportedAt: -1 });
await coll.createIndex({ gridCode: 1 });
await timed('insertMany 100k (batches of 1000, durable)', 100_000, async () => {
  for (let b = 0; b < 100; b++) await coll.insertMany(Array.from({ length: 1000 }, (_, k) => doc(b * 1000 + k)));
});
await timed('insertOne, 64 concurrent clients (durable, group commit)', 5_000, async () => {
  await Promise.all(Array.from({ length: 64 }, async (_, w) => {
    for (let i = w; i < 5_000; i += 64) await coll.insertOne(doc(100_000 + i));
  }));
});
await timed('findOne by unique code (index)', 5_000, async () => {
  await Promise.all(Array.from({ length: 16 }, async (_, w) => {
    for (let i = w; i < 5_000; i += 16) await coll.findOne({ code: `C${(i * 7919) % 100_000}` });
  }));
});
await timed('find status=dispatched sort reportedAt desc limit 50', 500, async () => {
  for (let i = 0; i < 500; i++) await coll.find({ status: 'dispatched' }).sort({ reportedAt: -1 }).limit(50).toArray();
});
await timed('updateOne $set by code, 16 concurrent (durable)', 5_000, async () => {
  await Promise.all(Array.from({ length: 16 }, async (_, w) => {
    for (let i = w; i < 5_000; i += 16) await coll.updateOne({ code: `C${i}` }, { $set: { status: 'in_progress' }, $inc: { version: 1 } });
  }));
});
await timed('aggregate $group by status over 105k docs', 10, async () => {
  for (let i = 0; i < 10; i++) await coll.aggregate([{ $group: { _id: '$status', n: { $sum: 1 } } }]).toArray();
});
await timed('full scan countDocuments({description regex}) over 105k', 5, async () => {
  for (let i = 0; i < 5; i++) await coll.countDocuments({ description: /^y/ });
});
const t0 = performance.now();
await client.close();
await store.stop();
const restart = await startEmbeddedStore({ dataDir });
console.log(`restart with 105k documents (journal replay)                      ${(performance.now() - t0).toFixed(0)} ms`);
await restart.stop();
rmSync(dataDir, { recursive: true, force: true });
