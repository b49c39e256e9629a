import { Binary, serialize } from 'bson';
import { describe, expect, it } from 'vitest';
import { ByteSlab } from '../engine/byteSlab.js';
import { crc32 } from './crc32.js';
import { encodeFrames, readPutFrame, scanFrames, type LogRecord } from './journalFrames.js';
import { ReplayFrames } from './replayFrames.js';

const doc = (n: number) => Buffer.from(serialize({ _id: n, name: `网格 ${n}`, pad: 'x'.repeat(n) }));
const put = (ns: string, n: number): LogRecord => ({ o: 'put', ns, doc: new Binary(doc(n)) });

describe('replay frames', () => {
  it('visits document writes in place and decodes other records, in order, the same records as decoding everything', () => {
    const records: LogRecord[] = [
      { o: 'create', ns: 'db.a', options: {} },
      put('db.a', 1),
      put('db.a', 2),
      put('db.街道', 3),
      { o: 'del', ns: 'db.a', id: 1 },
      put('db.a', 4),
    ];
    const buf = encodeFrames(records);
    const scanned = scanFrames(buf);
    expect(scanned).toMatchObject({ goodBytes: buf.length, count: records.length });
    const frames = new ReplayFrames([{ buf, start: 0, end: buf.length }]);
    const seen: LogRecord[] = [];
    frames.forEach({
      put: (ns, b, start, end) => seen.push({ o: 'put', ns, doc: new Binary(Buffer.from(b.subarray(start, end))) }),
      record: (r) => seen.push(r),
    });
    expect(seen).toEqual(records);
    expect(frames.records()).toEqual(records);
  });

  it('reads only the exact put layout; a record with another shape is decoded instead', () => {
    const parts = new Float64Array(4);
    const good = encodeFrames([put('db.a', 5)]);
    expect(readPutFrame(good, 8, good.length, parts)).toBe(true);
    expect(good.subarray(parts[0], parts[1]).toString()).toBe('db.a');
    expect(good.subarray(parts[2], parts[3]).equals(doc(5))).toBe(true);
    for (const other of [{ o: 'put', ns: 'db.a', doc: new Binary(doc(5), 4) }, { o: 'put', ns: 'db.a', doc: new Binary(doc(5)), extra: 1 }, { o: 'del', ns: 'db.a', id: 5 }]) {
      const frame = encodeFrames([other]);
      expect(readPutFrame(frame, 8, frame.length, parts)).toBe(false);
      expect(new ReplayFrames([{ buf: frame, start: 0, end: frame.length }]).records()).toEqual([other]);
    }
  });

  it('stops the scan at a frame whose checksum holds but whose BSON does not parse', () => {
    const buf = encodeFrames([put('db.a', 1), { o: 'del', ns: 'db.a', id: 1 }]);
    const first = encodeFrames([put('db.a', 1)]).length;
    const bad = Buffer.from(buf);
    bad[first + 8 + 4] = 0x99; // an unknown element type in the second record
    bad.writeUInt32LE(crc32(bad.subarray(first + 8)), first + 4);
    expect(scanFrames(bad)).toMatchObject({ goodBytes: first, damage: 'bad BSON', count: 1 });
  });

  it('checks a non-ASCII namespace through bson: invalid UTF-8 is damage, not a strange collection name', () => {
    const frame = encodeFrames([put('db.ab', 1)]);
    const at = frame.indexOf(Buffer.from('db.ab'));
    frame[at + 3] = 0xff;
    frame.writeUInt32LE(crc32(frame.subarray(8)), 4);
    expect(scanFrames(frame)).toMatchObject({ goodBytes: 0, damage: 'bad BSON', count: 0 });
  });

  it('copies documents into shared slabs, each copy its own bytes', () => {
    const slab = new ByteSlab();
    const src = Buffer.from('abcdefgh');
    const a = slab.copy(src, 0, 3);
    const b = slab.copy(src, 3, 8);
    src.fill(0);
    expect([a.toString(), b.toString()]).toEqual(['abc', 'defgh']);
    expect(a.buffer).toBe(b.buffer);
    const big = slab.copy(Buffer.alloc(200_000, 1), 0, 200_000);
    expect(big.length).toBe(200_000);
    expect(big.buffer).not.toBe(a.buffer);
  });
});
