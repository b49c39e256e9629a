import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Binary, ObjectId, serialize } from 'bson';
import { openDurableLog } from '@onegrid/backend/store';

// Durable-log throughput: durable single-record appends from C concurrent
// callers (each awaits its append before the next, like acknowledged inserts),
// for several group-commit windows; prints appends/s and fsyncs/s.
// Run: npx tsx bench/durableLog.bench.ts [seconds per case, default 3]   (WINDOWS=0,2 CONCURRENCY=1,16 to pick cases)
// Data goes to $BENCH_DIR or the OS temp directory (use a real disk: tmpfs fsyncs are free).

const seconds = Number(process.argv[2] ?? 3);
const base = process.env.BENCH_DIR ?? tmpdir();

function record(i: number) {
  const doc = {
    _id: new ObjectId(),
    n: i,
    name: `resident ${i}`,
    at: new Date(),
    tags: ['a', 'b'],
    v: 1.5,
  };
  return { o: 'put', ns: 'bench.docs', doc: new Binary(serialize(doc)) };
}

async function run(concurrency: number, groupCommitMs: number): Promise<void> {
  const dir = mkdtempSync(join(base, 'onegrid-logbench-'));
  const { log, metrics } = await openDurableLog(dir, { groupCommitMs });
  let stop = false;
  let appends = 0;
  const started = performance.now();
  const callers = Array.from({ length: concurrency }, async () => {
    while (!stop) {
      await log.append([record(appends)], { durable: true });
      appends++;
    }
  });
  await new Promise((r) => setTimeout(r, seconds * 1000));
  stop = true;
  await Promise.all(callers);
  const s = (performance.now() - started) / 1000;
  const m = metrics();
  await log.close();
  rmSync(dir, { recursive: true, force: true });
  console.log(
    `concurrency ${String(concurrency).padStart(3)}  window ${groupCommitMs} ms  ` +
      `${Math.round(appends / s)
        .toLocaleString('en')
        .padStart(7)} durable appends/s  ` +
      `${Math.round(m.fsyncs / s)
        .toLocaleString('en')
        .padStart(6)} fsyncs/s  ` +
      `${(appends / Math.max(1, m.fsyncs)).toFixed(1).padStart(5)} appends/fsync`,
  );
}

console.log(`durable log bench: ${seconds} s per case in ${base}`);
for (const groupCommitMs of (process.env.WINDOWS ?? '0,1,2').split(',').map(Number)) {
  for (const concurrency of (process.env.CONCURRENCY ?? '1,16,64,256').split(',').map(Number)) await run(concurrency, groupCommitMs);
}
