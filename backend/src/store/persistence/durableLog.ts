import { existsSync, readdirSync, readFileSync, renameSync, rmSync, truncateSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { lockDataDir } from './dataDirLock.js';
import { decodeFrames, encodeFrame, type LogRecord } from './journalFrames.js';

export type { LogRecord };

export interface DurableLog {
  /** Appends records in order; resolves once on disk when durable (group commit shares one fsync among concurrent appends). */
  append(records: LogRecord[], opts: { durable: boolean }): Promise<void>;
  /** Bytes in the journal since the last snapshot. */
  journalBytes(): number;
  /** Writes a snapshot of `records` (the full state) and drops the journal it supersedes; appends go on meanwhile. */
  compact(records: LogRecord[]): Promise<void>;
  /** Flushes, fsyncs and releases the lock. */
  close(): Promise<void>;
}

export interface LogLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface OpenedLog {
  log: DurableLog;
  replay: LogRecord[];
  stats: { snapshotRecords: number; journalRecords: number; truncatedBytes: number; fsyncs: () => number };
}

const SNAPSHOT = /^snapshot-(\d+)\.bson$/;
const JOURNAL = /^journal-(\d+)\.log$/;

function generations(dir: string, pattern: RegExp): number[] {
  return readdirSync(dir)
    .map((f) => pattern.exec(f))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b);
}

function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Opens a data directory: takes the lock, reads the newest complete snapshot
 * and the journals after it (truncating a torn or corrupt tail with a warning),
 * and returns the records to replay plus the log to append to.
 *
 * Files: snapshot-<g>.bson holds the state when generation g began;
 * journal-<g>.log the changes made during generation g. A snapshot is written
 * to a temporary name and renamed, so a crash mid-compaction leaves the
 * previous generation intact.
 */
export async function openDurableLog(dataDir: string, opts: { logger?: LogLogger } = {}): Promise<OpenedLog> {
  const release = lockDataDir(dataDir, opts.logger);
  try {
    for (const f of readdirSync(dataDir)) if (f.endsWith('.tmp')) rmSync(join(dataDir, f), { force: true });
    const snapshots = generations(dataDir, SNAPSHOT);
    const base = snapshots.length ? snapshots[snapshots.length - 1] : 0;
    const replay: LogRecord[] = [];
    let snapshotRecords = 0;
    if (snapshots.length) {
      const decoded = decodeFrames(readFileSync(join(dataDir, `snapshot-${base}.bson`)));
      replay.push(...decoded.records);
      snapshotRecords = decoded.records.length;
    }
    let journalRecords = 0;
    let truncatedBytes = 0;
    const journals = generations(dataDir, JOURNAL).filter((g) => g >= base);
    for (const g of journals) {
      const path = join(dataDir, `journal-${g}.log`);
      const buf = readFileSync(path);
      const decoded = decodeFrames(buf);
      if (decoded.goodBytes < buf.length) {
        truncatedBytes += buf.length - decoded.goodBytes;
        opts.logger?.warn({ file: path, keptBytes: decoded.goodBytes, droppedBytes: buf.length - decoded.goodBytes }, 'store: journal tail torn or corrupt; truncated to the last intact record');
        truncateSync(path, decoded.goodBytes);
      }
      replay.push(...decoded.records);
      journalRecords += decoded.records.length;
    }
    const current = journals.length ? journals[journals.length - 1] : base;
    const log = await JournalWriter.open(dataDir, current, release, opts.logger);
    for (const g of generations(dataDir, SNAPSHOT)) if (g < base) rmSync(join(dataDir, `snapshot-${g}.bson`), { force: true });
    for (const g of generations(dataDir, JOURNAL)) if (g < base) rmSync(join(dataDir, `journal-${g}.log`), { force: true });
    return { log, replay, stats: { snapshotRecords, journalRecords, truncatedBytes, fsyncs: () => log.fsyncCount } };
  } catch (err) {
    release();
    throw err;
  }
}

interface Pending {
  frames: Buffer;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/** The appending side: one open journal file per generation, group commit, snapshots. */
class JournalWriter implements DurableLog {
  fsyncCount = 0;
  private queue: Pending[] = [];
  private flushing: Promise<void> | null = null;
  private bytes: number;
  private closed = false;
  /** While true no flush starts: compaction is moving appends to the next generation's file. */
  private switching = false;

  private constructor(
    private readonly dir: string,
    private generation: number,
    private file: FileHandle,
    private readonly release: () => void,
    private readonly logger?: LogLogger,
  ) {
    this.bytes = 0;
  }

  static async open(dir: string, generation: number, release: () => void, logger?: LogLogger): Promise<JournalWriter> {
    const path = join(dir, `journal-${generation}.log`);
    const isNew = !existsSync(path);
    const file = await open(path, 'a');
    if (isNew) fsyncDir(dir);
    const writer = new JournalWriter(dir, generation, file, release, logger);
    writer.bytes = (await file.stat()).size;
    return writer;
  }

  append(records: LogRecord[], opts: { durable: boolean }): Promise<void> {
    if (this.closed) return Promise.reject(new Error('store journal is closed'));
    if (records.length === 0) return Promise.resolve();
    const frames = Buffer.concat(records.map(encodeFrame));
    const done = new Promise<void>((resolve, reject) => this.queue.push({ frames, resolve, reject }));
    this.kick();
    if (!opts.durable) {
      done.catch(() => undefined);
      return Promise.resolve();
    }
    return done;
  }

  journalBytes(): number {
    return this.bytes;
  }

  /** Starts a flush unless one is running (then that flush picks the queue up when it ends). */
  private kick(): void {
    if (this.flushing || this.switching) return;
    this.flushing = this.flushLoop().finally(() => {
      this.flushing = null;
      if (this.queue.length) this.kick();
    });
  }

  private async flushLoop(): Promise<void> {
    while (this.queue.length && !this.switching) {
      const batch = this.queue;
      this.queue = [];
      try {
        const data = Buffer.concat(batch.map((p) => p.frames));
        await this.file.write(data);
        await this.file.datasync();
        this.fsyncCount++;
        this.bytes += data.length;
        for (const p of batch) p.resolve();
      } catch (err) {
        this.logger?.error({ err }, 'store: journal write failed');
        for (const p of batch) p.reject(err);
      }
    }
  }

  async compact(records: LogRecord[]): Promise<void> {
    const next = this.generation + 1;
    // `records` is the state now. Appends queued from here on go to the next generation's journal;
    // replaying a record the snapshot already reflects is harmless (every record sets absolute state).
    this.switching = true;
    const oldFile = this.file;
    const oldGeneration = this.generation;
    try {
      while (this.flushing) await this.flushing;
      this.file = await open(join(this.dir, `journal-${next}.log`), 'a');
      this.generation = next;
      this.bytes = 0;
      fsyncDir(this.dir);
    } finally {
      this.switching = false;
      this.kick();
    }
    await oldFile.close();
    const tmp = join(this.dir, `snapshot-${next}.bson.tmp`);
    const out = await open(tmp, 'w');
    try {
      const CHUNK = 2000;
      for (let i = 0; i < records.length; i += CHUNK) {
        await out.write(Buffer.concat(records.slice(i, i + CHUNK).map(encodeFrame)));
      }
      await out.sync();
    } finally {
      await out.close();
    }
    renameSync(tmp, join(this.dir, `snapshot-${next}.bson`));
    fsyncDir(this.dir);
    rmSync(join(this.dir, `journal-${oldGeneration}.log`), { force: true });
    rmSync(join(this.dir, `snapshot-${oldGeneration}.bson`), { force: true });
    this.logger?.info({ generation: next, records: records.length }, 'store: snapshot written, journal compacted');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    while (this.flushing) await this.flushing;
    this.closed = true;
    await this.file.sync();
    await this.file.close();
    this.release();
  }
}
