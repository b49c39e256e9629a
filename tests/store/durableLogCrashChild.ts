import { openDurableLog, type LogRecord } from '@onegrid/backend/store';

// Child process of the durable-log crash test: opens DATA_DIR, rebuilds the
// state from the replay, then appends continuously from several concurrent
// writers and prints each record's id on stdout only after its durable append
// resolved. It compacts whenever the journal passes a small threshold, so the
// parent's SIGKILL also lands during snapshots and generation switches.
// Usage: node --import tsx durableLogCrashChild.ts DATA_DIR ROUND

const [dataDir, round] = process.argv.slice(2);
const { log, frames } = await openDurableLog(dataDir);
const replay = frames.records();
const state = new Map<string, LogRecord>();
for (const r of replay) state.set(String(r.id), r);

/** The record for id: its payload is derived from the id, so the parent can check it is intact. */
function recordFor(id: string): LogRecord {
  return {
    o: 'put',
    ns: 'crash.docs',
    id,
    payload: `payload-${id}-`.repeat(1 + (id.length % 5)),
  };
}

let compacting = false;
let out = '';
const flushOut = () => {
  if (out) process.stdout.write(out);
  out = '';
};
setInterval(flushOut, 5).unref();

async function writer(w: number): Promise<void> {
  for (let i = 0; ; i++) {
    const ids = i % 7 === 3 ? [0, 1, 2].map((k) => `${round}-${w}-${i}-${k}`) : [`${round}-${w}-${i}`];
    const records = ids.map(recordFor);
    for (const r of records) state.set(String(r.id), r);
    if (i % 11 === 5)
      await log.append([recordFor(`${round}-${w}-${i}-w0`)], {
        durable: false,
      });
    await log.append(records, { durable: true });
    out += ids.map((id) => `${id}\n`).join('');
    if (!compacting && log.journalBytes() > 64 * 1024) {
      compacting = true;
      void log.compact([...state.values()]).finally(() => (compacting = false));
    }
  }
}

process.stdout.write(`ready ${replay.length}\n`);
await Promise.all(Array.from({ length: 8 }, (_, w) => writer(w)));
