import { renameSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { DeserializeOptions } from 'bson';
import { FileTooLargeError, readWholeFile } from './readWholeFile.js';
import { decodeFrames, encodeFrame, scanFrames, type LogRecord } from './journalFrames.js';
import type { FrameRun } from './replayFrames.js';
import { fsyncDir, snapshotPath } from './generationFiles.js';

// A snapshot file is a run of frames: a header record, the state records, and
// a trailer holding their count. Only a file whose trailer is present and
// agrees is complete. (Snapshots from before the header existed are accepted
// when every byte decodes.)

const MAGIC = 'onegrid-store-snapshot';
/** A chunk ends after this many records or bytes; between chunks the writer yields so appends and requests go on. */
const CHUNK_RECORDS = 1000;
const CHUNK_BYTES = 1024 * 1024;

/**
 * Writes generation `g`'s snapshot holding `records`: to a temporary name in
 * chunks, fsync, rename, directory fsync; a crash at any moment leaves either
 * no snapshot-<g>.bson or a complete one.
 */
export async function writeSnapshot(dir: string, g: number, records: readonly LogRecord[]): Promise<number> {
  const final = snapshotPath(dir, g);
  const tmp = `${final}.tmp`;
  const out = await open(tmp, 'w');
  let bytes = 0;
  try {
    const header = encodeFrame({
      $snapshot: MAGIC,
      version: 1,
      generation: g,
      createdAt: new Date(),
    });
    await out.write(header);
    bytes += header.length;
    let parts: Buffer[] = [];
    let partBytes = 0;
    for (let i = 0; i < records.length; i++) {
      const frame = encodeFrame(records[i]);
      parts.push(frame);
      partBytes += frame.length;
      if (parts.length >= CHUNK_RECORDS || partBytes >= CHUNK_BYTES || i === records.length - 1) {
        const chunk = parts.length === 1 ? parts[0] : Buffer.concat(parts, partBytes);
        await out.write(chunk);
        bytes += chunk.length;
        parts = [];
        partBytes = 0;
      }
    }
    const trailer = encodeFrame({
      $snapshotEnd: MAGIC,
      records: records.length,
    });
    await out.write(trailer);
    bytes += trailer.length;
    await out.sync();
  } catch (err) {
    await out.close().catch(() => undefined);
    rmSync(tmp, { force: true });
    throw err;
  }
  await out.close();
  renameSync(tmp, final);
  fsyncDir(dir);
  return bytes;
}

export type SnapshotRead = { ok: true; run: FrameRun; count: number } | { ok: false; problem: string };

/** Reads generation `g`'s snapshot, answering where its state records lie only when the file is complete and intact. */
export function readSnapshot(dir: string, g: number, options: DeserializeOptions): SnapshotRead {
  let buf: Buffer;
  try {
    buf = readWholeFile(snapshotPath(dir, g));
  } catch (err) {
    if (err instanceof FileTooLargeError) throw err; // not damage: no older generation may replace it
    return { ok: false, problem: `unreadable: ${(err as Error).message}` };
  }
  const scanned = scanFrames(buf, options);
  if (scanned.damage) return { ok: false, problem: `${scanned.damage} at byte ${scanned.goodBytes} of ${buf.length}` };
  if (scanned.count === 0) return { ok: false, problem: 'empty file' };
  const frame = (from: number, to: number) => decodeFrames(buf.subarray(from, to), options).records[0];
  if (frame(0, scanned.firstEnd).$snapshot !== MAGIC) return { ok: true, run: { buf, start: 0, end: buf.length }, count: scanned.count }; // an older snapshot without header
  const trailer = scanned.count >= 2 ? frame(scanned.lastStart, buf.length) : undefined;
  if (!trailer || trailer.$snapshotEnd !== MAGIC) return { ok: false, problem: 'no trailer (incomplete)' };
  const count = scanned.count - 2;
  if (Number(trailer.records) !== count) return { ok: false, problem: `trailer counts ${String(trailer.records)} records, file holds ${count}` };
  return { ok: true, run: { buf, start: scanned.firstEnd, end: scanned.lastStart }, count };
}
