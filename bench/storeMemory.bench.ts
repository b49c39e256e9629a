// What the embedded store's process holds per incident: seeds the demo district
// (reference data only), takes a heap snapshot of the store process, adds a
// history of N incidents as the seed does (a few hundred played
// through the commands, the rest cloned), takes a second snapshot, and prints
// the difference per incident by kind of object, with the documents' BSON size
// beside it. Live objects only (a snapshot collects garbage first).
// Run: npx tsx bench/storeMemory.bench.ts [--incidents 20000]
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import mongoose from 'mongoose';
import { startEmbeddedStore } from '@onegrid/backend/store';
import { seedDemo } from '../seed/src/seedDemo.js';

const { values } = parseArgs({ options: { incidents: { type: 'string', default: '20000' } } });
const INCIDENTS = Number(values.incidents);
const HISTORY_DAYS = 90;

const snapshotDir = mkdtempSync(join(tmpdir(), 'onegrid-store-memory-snapshots-'));
const dataDir = mkdtempSync(join(tmpdir(), 'onegrid-store-memory-'));
process.env.ONEGRID_STORE_EXEC_ARGV = `${process.env.ONEGRID_STORE_EXEC_ARGV ?? ''} --heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${snapshotDir}`;
const store = await startEmbeddedStore({ dataDir });
const uri = new URL(store.uri);
uri.pathname = '/onegrid';
// Writing a heap snapshot stops the store for a while: the driver's monitor must wait it out.
const conn = await mongoose.createConnection(uri.toString(), { connectTimeoutMS: 600_000, serverSelectionTimeoutMS: 600_000 }).asPromise();

/** Bytes of live objects in the store process by kind ("type:constructor"); strings and numbers by type alone. */
async function snapshotOfStore(): Promise<Map<string, number>> {
  const before = new Set(readdirSync(snapshotDir));
  await new Promise((r) => setTimeout(r, 2000)); // queued index keys go into their trees on idle turns
  process.kill(store.pid!, 'SIGUSR2');
  let file: string | undefined;
  for (let i = 0; i < 600 && !file; i++) {
    await new Promise((r) => setTimeout(r, 200));
    file = readdirSync(snapshotDir).find((f) => !before.has(f) && f.endsWith('.heapsnapshot'));
  }
  if (!file) throw new Error('the store wrote no heap snapshot');
  // The store writes the snapshot on its one thread: once it answers again, the file is complete.
  await conn.db!.command({ ping: 1 });
  const snap = JSON.parse(readFileSync(join(snapshotDir, file), 'utf8')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [type, name, size] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const kinds = new Map<string, number>();
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const t = types[snap.nodes[i + type]];
    const byType = t.includes('string') || t === 'number' || t === 'code' || t === 'hidden';
    const kind = byType ? t : `${t}:${snap.strings[snap.nodes[i + name]].slice(0, 40)}`;
    kinds.set(kind, (kinds.get(kind) ?? 0) + snap.nodes[i + size]);
  }
  return kinds;
}

console.log(`embedded store memory per incident — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
await seedDemo(conn, { scale: 'demo', history: 0 });
const reference = await snapshotOfStore();
const t = performance.now();
await seedDemo(conn, { scale: 'demo', history: HISTORY_DAYS, historyPerDay: INCIDENTS / HISTORY_DAYS });
const seconds = (performance.now() - t) / 1000;
const stats = await conn.db!.command({ collStats: 'incidents' });
const withHistory = await snapshotOfStore();
const n = stats.count as number;
console.log(`${n.toLocaleString('en')} incidents in ${seconds.toFixed(0)} s, ${stats.nindexes} indexes, BSON ${Math.round(stats.avgObjSize).toLocaleString('en')} bytes per incident`);

const DOCUMENT_BYTES = 'native:system / JSArrayBufferData';
const perIncident = [...withHistory]
  .map(([kind, bytes]) => [kind, (bytes - (reference.get(kind) ?? 0)) / n] as const)
  .sort((a, b) => b[1] - a[1]);
const sum = (filter: (kind: string) => boolean) => perIncident.filter(([k]) => filter(k)).reduce((s, [, b]) => s + b, 0);
const line = (label: string, bytes: number) => console.log(`${label.padEnd(44)} ${Math.round(bytes).toLocaleString('en').padStart(8)} bytes`);
line('document bytes (buffers, outside the JS heap)', sum((k) => k === DOCUMENT_BYTES));
line('JS heap, all objects', sum((k) => k !== DOCUMENT_BYTES));
for (const [kind, bytes] of perIncident.filter(([k]) => k !== DOCUMENT_BYTES).slice(0, 10)) line(`  ${kind}`, bytes);
const total = sum(() => true);
console.log(`a million such incidents: ≈ ${((total * 1e6) / 2 ** 30).toFixed(1)} GB of live objects in the store process (before garbage and V8's headroom)`);

await conn.close();
await store.stop();
rmSync(dataDir, { recursive: true, force: true });
rmSync(snapshotDir, { recursive: true, force: true });
