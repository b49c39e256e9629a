import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, rmSync, statSync, truncateSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MongoClient } from 'mongodb';
import { afterAll, describe, it } from 'vitest';
import { openDurableLog } from '@onegrid/backend/store';
import { realMongo } from './support.js';

// Durability: acknowledged writes survive SIGKILL of the store process at any
// moment, and a damaged journal tail is cut off at start instead of failing.

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

// A small compaction threshold so snapshots and journal switches happen during the kill rounds too.
async function startStoreCli(dataDir: string, port: number): Promise<ChildProcess> {
  const args = [
    '--import',
    'tsx',
    'backend/src/store/cli.ts',
    '--dbpath',
    dataDir,
    '--port',
    String(port),
    '--log-level',
    'warn',
    '--compact-after-bytes',
    '100000',
  ];
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('listening')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`store exited with ${code}: ${stderr}`)));
  });
  return child;
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Mirrors recordFor in durableLogCrashChild.ts: the payload is derived from the id. */
function payloadFor(id: string): string {
  return `payload-${id}-`.repeat(1 + (id.length % 5));
}

/** Starts the durable-log child on `dataDir`; collects every id it reports as acknowledged (complete lines only). */
function startLogChild(dataDir: string, round: number, acked: Set<string>) {
  const script = resolve(import.meta.dirname, 'durableLogCrashChild.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir, String(round)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let partial = '';
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const ready = new Promise<void>((ok, fail) => {
    child.stdout!.on('data', (d: Buffer) => {
      const lines = (partial + d.toString()).split('\n');
      partial = lines.pop()!; // a line cut by the kill is not an acknowledgement we can read
      for (const line of lines) {
        if (line.startsWith('ready')) ok();
        else if (line) acked.add(line);
      }
    });
    child.once('exit', (code, signal) => fail(new Error(`log child exited (${code ?? signal}): ${stderr}`)));
  });
  return { child, ready };
}

// The tests run concurrently: most of a round is waiting for a child process to start.
describe('durability under SIGKILL', () => {
  it.concurrent(
    'keeps every acknowledged record across 20 random SIGKILLs of a process appending and compacting',
    async ({ expect }) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'onegrid-logcrash-'));
      dirs.push(dataDir);
      const acked = new Set<string>();
      let truncations = 0;
      for (let round = 0; round < 20; round++) {
        const { child, ready } = startLogChild(dataDir, round, acked);
        await ready;
        await new Promise((r) => setTimeout(r, 20 + Math.random() * 250));
        await kill(child);
        // Reopen in this process: the SIGKILLed child's lock is stale, the journal tail may be torn.
        const { log, frames, stats } = await openDurableLog(dataDir);
        const replay = frames.records();
        truncations += stats.truncatedBytes > 0 ? 1 : 0;
        expect(stats.setAside).toEqual([]); // a crash never looks like corruption in the middle
        const byId = new Map(replay.map((r) => [String(r.id), r]));
        for (const id of acked) {
          const r = byId.get(id);
          expect(r, `acknowledged record ${id} lost in round ${round}`).toBeDefined();
          expect(r!.payload).toBe(payloadFor(id));
        }
        await log.close();
      }
      expect(acked.size).toBeGreaterThan(1000);
      expect(readdirSync(dataDir).some((f) => /^snapshot-\d+\.bson$/.test(f))).toBe(true);
      console.log(`durable-log crash test: ${acked.size} acknowledged records, ${truncations} torn tails truncated`);
    },
    120_000,
  );

  it.skipIf(realMongo).concurrent(
    'keeps every acknowledged write to the store across 20 random SIGKILLs',
    async ({ expect }) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'onegrid-crash-'));
      dirs.push(dataDir);
      const port = await freePort();
      const acked = new Map<string, number>();
      const incs = new Map<string, number>();
      for (let round = 0; round < 20; round++) {
        const store = await startStoreCli(dataDir, port);
        const client = await MongoClient.connect(`mongodb://127.0.0.1:${port}/?directConnection=true`, { serverSelectionTimeoutMS: 5000, maxPoolSize: 8 });
        const coll = client.db('crash').collection<{
          _id: string;
          round: number;
          payload: string;
          n: number;
        }>('docs');
        // Every earlier acknowledged document is back, intact.
        const present = await coll.find({}).toArray();
        const byId = new Map(present.map((d) => [d._id, d]));
        for (const [id, r] of acked) {
          const d = byId.get(id);
          expect(d, `document ${id} from round ${r} lost`).toBeDefined();
          expect(d!.payload).toBe(`payload-${id}`.repeat(4));
          expect(d!.n, `acknowledged $inc on ${id} lost`).toBeGreaterThanOrEqual(incs.get(id) ?? 0);
        }
        // Write continuously from 4 writers; kill the store at a random moment.
        let stop = false;
        const writer = async (w: number) => {
          for (let i = 0; !stop; i++) {
            const id = `${round}-${w}-${i}`;
            try {
              if (i % 5 === 4) {
                const target = `${round}-${w}-${i - 1}`;
                await coll.updateOne({ _id: target }, { $inc: { n: 1 } });
                incs.set(target, (incs.get(target) ?? 0) + 1);
              }
              await coll.insertOne({
                _id: id,
                round,
                payload: `payload-${id}`.repeat(4),
                n: 0,
              });
              acked.set(id, round);
            } catch {
              return; // the store is gone: this write was never acknowledged
            }
          }
        };
        const writers = [0, 1, 2, 3].map(writer);
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 300));
        await kill(store);
        stop = true;
        await Promise.all(writers);
        await client.close(true).catch(() => undefined);
      }
      const store = await startStoreCli(dataDir, port);
      const client = await MongoClient.connect(`mongodb://127.0.0.1:${port}/?directConnection=true`);
      const count = await client.db('crash').collection('docs').countDocuments({});
      expect(count).toBeGreaterThanOrEqual(acked.size);
      // A crash never looks like corruption in the middle of a journal.
      expect(readdirSync(dataDir).filter((f) => f.endsWith('.corrupt'))).toEqual([]);
      expect(acked.size).toBeGreaterThan(100);
      // The rounds crossed compactions: a snapshot exists and the journal stayed small.
      expect(readdirSync(dataDir).some((f) => /^snapshot-\d+\.bson$/.test(f))).toBe(true);
      await client.close();
      await kill(store);
    },
    240_000,
  );

  it.skipIf(realMongo).concurrent(
    'recovers from a torn or corrupted journal tail and keeps what came before',
    async ({ expect }) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'onegrid-torn-'));
      dirs.push(dataDir);
      const port = await freePort();
      let store = await startStoreCli(dataDir, port);
      let client = await MongoClient.connect(`mongodb://127.0.0.1:${port}/?directConnection=true`);
      await client
        .db('t')
        .collection('d')
        .insertMany(Array.from({ length: 50 }, (_, i) => ({ _id: i as never, v: i })));
      await client.close();
      await kill(store);
      const journal = readdirSync(dataDir)
        .filter((f) => f.startsWith('journal-'))
        .sort()
        .pop()!;
      const path = join(dataDir, journal);
      appendFileSync(path, Buffer.from([0x40, 0, 0, 0, 1, 2, 3, 4, 5, 6])); // a torn frame: length says 64 bytes, 6 follow
      store = await startStoreCli(dataDir, port);
      client = await MongoClient.connect(`mongodb://127.0.0.1:${port}/?directConnection=true`);
      expect(await client.db('t').collection('d').countDocuments({})).toBe(50);
      await client
        .db('t')
        .collection('d')
        .insertOne({ _id: 'after' as never });
      await client.close();
      await kill(store);
      // Corrupt the last byte of the newest record: its checksum fails, so only that record is dropped.
      const size = statSync(path).size;
      truncateSync(path, size - 1);
      appendFileSync(path, Buffer.from([0xff]));
      store = await startStoreCli(dataDir, port);
      client = await MongoClient.connect(`mongodb://127.0.0.1:${port}/?directConnection=true`);
      expect(await client.db('t').collection('d').countDocuments({})).toBe(50);
      expect(
        await client
          .db('t')
          .collection('d')
          .findOne({ _id: 49 as never }),
      ).toEqual({ _id: 49, v: 49 });
      await client.close();
      await kill(store);
    },
    60_000,
  );

  it.skipIf(realMongo).concurrent(
    'refuses a second store on a data directory that is in use, naming the process',
    async ({ expect }) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'onegrid-lock-'));
      dirs.push(dataDir);
      const store = await startStoreCli(dataDir, await freePort());
      await expect(startStoreCli(dataDir, await freePort())).rejects.toThrow(new RegExp(`in use by process ${store.pid}`));
      await kill(store);
      // The SIGKILLed holder left a stale lock: the next start takes it over.
      const again = await startStoreCli(dataDir, await freePort());
      await kill(again);
    },
    30_000,
  );
});
