import type { DeserializeOptions } from 'bson';
import { lockDataDir } from './dataDirLock.js';
import type { LogRecord } from './journalFrames.js';
import { JournalWriter, type WriterMetrics } from './journalWriter.js';
import type { ReplayFrames } from './replayFrames.js';
import { dropOlderGenerations, recoverDataDir } from './recoverDataDir.js';
import { writeSnapshot } from './snapshotFile.js';

export type { LogRecord };

export interface DurableLog {
  /**
   * Appends records in order; resolves once they are on disk (fsync) when durable is true; group commit: appends
   * arriving within a short window (≈2 ms, configurable) or while an fsync is in flight share one fsync. With
   * durable:false resolves after the write is queued (w:0). After a write or fsync failure every append rejects.
   */
  append(records: LogRecord[], opts: { durable: boolean }): Promise<void>;
  /** Bytes in the journal since the last snapshot (the engine compacts when this grows past a threshold). */
  journalBytes(): number;
  /**
   * Writes a snapshot holding `records` (the full current state, as records whose replay rebuilds it) and drops the
   * journal it supersedes. The array is taken synchronously and written asynchronously in chunks without blocking
   * appends: appends after the call go to a new journal generation. Atomic: a crash at any moment leaves either the
   * old or the new snapshot usable.
   */
  compact(records: LogRecord[]): Promise<void>;
  /** Flushes, fsyncs and releases the lock. */
  close(): Promise<void>;
}

/** Log lines go here (pino-compatible). */
export interface LogLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface OpenDurableLogOptions {
  logger?: LogLogger;
  /** Commit window: appends arriving within it share one fsync (default 2 ms; 0: next turn of the event loop). */
  groupCommitMs?: number;
  /**
   * How records are deserialized at open (default: bson's defaults, which the engine expects: its documents travel
   * as Binary holding their exact bytes, and the envelope fields are plain values). `{ promoteValues: false,
   * bsonRegExp: true }` keeps every BSON type of every field exactly.
   */
  deserialize?: DeserializeOptions;
}

export interface OpenStats {
  snapshotRecords: number;
  journalRecords: number;
  /** Bytes cut off damaged journal tails. */
  truncatedBytes: number;
  /** Milliseconds spent opening (lock, reads, decoding). */
  ms: number;
  /** The generation appends go to. */
  generation: number;
  /** Damaged files kept aside as *.corrupt. */
  setAside: string[];
}

export interface OpenedLog {
  log: DurableLog;
  /** The records to replay (snapshot, then journals), read from the checked file bytes as they are visited. */
  frames: ReplayFrames;
  stats: OpenStats;
  /** Live counters (appends, records, fsyncs, bytes written) since open. */
  metrics: () => WriterMetrics;
}

// No waiting window by default: an idle log writes at once, and whatever arrives while a batch is being
// fsynced forms the next batch (bench/durableLog.bench.ts measured 0 ms ahead of 1 and 2 ms at every concurrency).
export const DEFAULT_GROUP_COMMIT_MS = 0;

/**
 * Opens a data directory (creating it if missing): takes store.lock, recovers
 * the newest intact snapshot and the journals after it (cutting torn tails),
 * and returns the records to replay plus the log to append to.
 */
export async function openDurableLog(dataDir: string, opts: OpenDurableLogOptions = {}): Promise<OpenedLog> {
  const started = performance.now();
  const logger = opts.logger;
  const release = lockDataDir(dataDir, logger);
  let writer: JournalWriter;
  let recovered: ReturnType<typeof recoverDataDir>;
  try {
    recovered = recoverDataDir(dataDir, opts.deserialize ?? {}, logger);
    writer = await JournalWriter.open(dataDir, recovered.generation, recovered.journalBytes, opts.groupCommitMs ?? DEFAULT_GROUP_COMMIT_MS, logger);
    dropOlderGenerations(dataDir, recovered.base);
  } catch (err) {
    release();
    throw err;
  }
  const log = durableLogOver(dataDir, writer, release, logger);
  const { frames, snapshotRecords, journalRecords, truncatedBytes, setAside, generation } = recovered;
  const stats: OpenStats = {
    snapshotRecords,
    journalRecords,
    truncatedBytes,
    ms: Math.round(performance.now() - started),
    generation,
    setAside,
  };
  return { log, frames, stats, metrics: () => ({ ...writer.metrics }) };
}

function durableLogOver(dir: string, writer: JournalWriter, release: () => void, logger?: LogLogger): DurableLog {
  let closed = false;
  let compaction: Promise<void> = Promise.resolve();
  return {
    append(records, { durable }) {
      if (closed) return Promise.reject(new Error('store journal is closed'));
      try {
        return writer.append(records, durable);
      } catch (err) {
        return Promise.reject(err);
      }
    },
    journalBytes: () => writer.bytesSinceSnapshot(),
    compact(records) {
      if (closed) return Promise.reject(new Error('store journal is closed'));
      const failure = writer.failed();
      if (failure) return Promise.reject(failure);
      const { gen, switched } = writer.startGeneration();
      const job = compaction.then(async () => {
        const started = performance.now();
        await switched;
        const bytes = await writeSnapshot(dir, gen, records);
        dropOlderGenerations(dir, gen);
        logger?.info(
          {
            generation: gen,
            records: records.length,
            bytes,
            ms: Math.round(performance.now() - started),
          },
          'store: snapshot written, journal compacted',
        );
      });
      compaction = job.catch(() => undefined);
      return job;
    },
    async close() {
      if (closed) return;
      closed = true;
      await compaction;
      await writer.close();
      release();
    },
  };
}
