import { constants, existsSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { encodeFrames, type LogRecord } from './journalFrames.js';
import { fsyncDir, journalPath } from './generationFiles.js';

interface Waiter {
  resolve: () => void;
  reject: (err: unknown) => void;
}

/** One queued unit: frames for generation `gen` (null: only a point to wait for) and who awaits its fsync. */
interface Entry {
  gen: number;
  frames: Buffer | null;
  waiter: Waiter | null;
}

/** Counters for tests, benchmarks and the store's stats. */
export interface WriterMetrics {
  appends: number;
  records: number;
  fsyncs: number;
  bytes: number;
}

interface OpenJournal {
  gen: number;
  fh: FileHandle;
  /** Bytes written so far; the next write goes here. */
  size: number;
  /** Written since the last fsync. */
  dirty: boolean;
}

async function openJournal(dir: string, gen: number): Promise<OpenJournal> {
  const path = journalPath(dir, gen);
  const created = !existsSync(path);
  const fh = await open(path, constants.O_RDWR | constants.O_CREAT);
  if (created) fsyncDir(dir);
  return { gen, fh, size: (await fh.stat()).size, dirty: false };
}

/**
 * The appending side of the durable log: writes queued frames in order to the
 * journal of their generation, one fsync per batch (group commit: a batch is
 * everything queued during the commit window or while the previous fsync ran).
 * After any write or fsync failure it refuses further appends: what is on disk
 * is then unknown, and only a restart (which replays the disk) is safe.
 */
export class JournalWriter {
  readonly metrics: WriterMetrics = {
    appends: 0,
    records: 0,
    fsyncs: 0,
    bytes: 0,
  };
  private queue: Entry[] = [];
  private running = false;
  private timer: NodeJS.Timeout | null = null;
  private failure: Error | null = null;
  private gen: number;
  private genBytes: number;

  private constructor(
    private readonly dir: string,
    private journal: OpenJournal,
    private readonly groupCommitMs: number,
    private readonly logger?: { error(obj: object, msg: string): void },
  ) {
    this.gen = journal.gen;
    this.genBytes = 0;
  }

  /** Opens (creating if needed) generation `gen`'s journal for appending; `bytesSinceSnapshot` seeds journalBytes(). */
  static async open(
    dir: string,
    gen: number,
    bytesSinceSnapshot: number,
    groupCommitMs: number,
    logger?: { error(obj: object, msg: string): void },
  ): Promise<JournalWriter> {
    const writer = new JournalWriter(dir, await openJournal(dir, gen), groupCommitMs, logger);
    writer.genBytes = bytesSinceSnapshot;
    return writer;
  }

  /** Returns the generation new appends go to. */
  generation(): number {
    return this.gen;
  }

  /** Returns the bytes appended since the current generation began (its snapshot). */
  bytesSinceSnapshot(): number {
    return this.genBytes;
  }

  /** Queues records for the current generation; resolves after their fsync when `durable`, at once otherwise. */
  append(records: LogRecord[], durable: boolean): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (records.length === 0) return durable ? this.barrier(this.gen) : Promise.resolve();
    const frames = encodeFrames(records); // throws synchronously on an unserializable record: nothing queued
    this.metrics.appends++;
    this.metrics.records += records.length;
    this.genBytes += frames.length;
    if (!durable) {
      this.enqueue({ gen: this.gen, frames, waiter: null });
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => this.enqueue({ gen: this.gen, frames, waiter: { resolve, reject } }));
  }

  /** Starts a new generation synchronously (later appends go to its journal); resolves once its journal exists and everything before is on disk. */
  startGeneration(): { gen: number; switched: Promise<void> } {
    this.gen++;
    this.genBytes = 0;
    return { gen: this.gen, switched: this.barrier(this.gen) };
  }

  /** Resolves once everything queued before the call is written and fsynced (and generation `gen`'s journal is open). */
  barrier(gen: number = this.gen): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<void>((resolve, reject) => this.enqueue({ gen, frames: null, waiter: { resolve, reject } }));
  }

  /** Flushes everything, fsyncs and closes the journal file. */
  async close(): Promise<void> {
    if (!this.failure) await this.barrier().catch(() => undefined);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.journal.fh.close().catch(() => undefined);
  }

  private enqueue(entry: Entry): void {
    this.queue.push(entry);
    if (this.running || this.timer) return;
    if (this.groupCommitMs > 0) this.timer = setTimeout(() => void this.run(), this.groupCommitMs);
    else setImmediate(() => void this.run());
  }

  private async run(): Promise<void> {
    this.timer = null;
    if (this.running) return;
    this.running = true;
    try {
      // Whatever arrives while a batch is written and fsynced forms the next batch at once.
      while (this.queue.length && !this.failure) {
        const batch = this.queue;
        this.queue = [];
        try {
          await this.writeBatch(batch);
        } catch (err) {
          this.fail(err, batch);
        }
      }
    } finally {
      this.running = false;
    }
  }

  private async writeBatch(batch: Entry[]): Promise<void> {
    let i = 0;
    while (i < batch.length) {
      const gen = batch[i].gen;
      if (gen !== this.journal.gen) await this.switchTo(gen);
      const parts: Buffer[] = [];
      for (; i < batch.length && batch[i].gen === gen; i++) if (batch[i].frames) parts.push(batch[i].frames!);
      if (parts.length) await this.write(parts.length === 1 ? parts[0] : Buffer.concat(parts));
    }
    if (this.journal.dirty) {
      await this.journal.fh.datasync();
      this.journal.dirty = false;
      this.metrics.fsyncs++;
    }
    for (const e of batch) e.waiter?.resolve();
  }

  private async write(data: Buffer): Promise<void> {
    let done = 0;
    while (done < data.length) {
      const { bytesWritten } = await this.journal.fh.write(data, done, data.length - done, this.journal.size + done);
      done += bytesWritten;
    }
    this.journal.size += data.length;
    this.journal.dirty = true;
    this.metrics.bytes += data.length;
  }

  /** Moves to a later generation's journal: the current one is fsynced and closed first, so generations never interleave on disk. */
  private async switchTo(gen: number): Promise<void> {
    if (this.journal.dirty) {
      await this.journal.fh.datasync();
      this.journal.dirty = false;
      this.metrics.fsyncs++;
    }
    const next = await openJournal(this.dir, gen);
    const old = this.journal;
    this.journal = next;
    await old.fh.close();
  }

  private fail(err: unknown, batch: Entry[]): void {
    const cause = err instanceof Error ? err : new Error(String(err));
    this.failure = new Error(`store journal failed (${cause.message}); writes are refused until the store restarts`, { cause });
    this.logger?.error({ err: cause, file: journalPath(this.dir, this.journal.gen) }, 'store: journal write or fsync failed; refusing further writes');
    for (const e of [...batch, ...this.queue]) e.waiter?.reject(this.failure);
    this.queue = [];
  }

  /** Returns the error that stopped the journal, if any. */
  failed(): Error | null {
    return this.failure;
  }
}
