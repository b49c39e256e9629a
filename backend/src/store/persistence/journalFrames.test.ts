import { randomBytes } from 'node:crypto';
import { Binary, serialize } from 'bson';
import { describe, expect, it } from 'vitest';
import { crc32, portableCrc32 } from './crc32.js';
import { decodeFrames, encodeFrame, encodeFrames, findNextFrame } from './journalFrames.js';

describe('journal frames', () => {
  it('frames a document write by hand byte for byte as serialize() would, alone and among other records', () => {
    const doc = Buffer.from(serialize({ _id: 7, name: '网格员', tags: ['a'] }));
    const put = { o: 'put', ns: 'onegrid.街道', doc: new Binary(doc) };
    const other = { o: 'del', ns: 'onegrid.x', id: 7 };
    const bySerialize = (r: object) => {
      const body = serialize(r);
      const head = Buffer.alloc(8);
      head.writeUInt32LE(body.length, 0);
      head.writeUInt32LE(crc32(body), 4);
      return Buffer.concat([head, body]);
    };
    expect(encodeFrame(put).equals(bySerialize(put))).toBe(true);
    expect(encodeFrames([put, other, put]).equals(Buffer.concat([bySerialize(put), bySerialize(other), bySerialize(put)]))).toBe(true);
    expect(decodeFrames(encodeFrames([put, other])).records).toEqual([{ o: 'put', ns: 'onegrid.街道', doc: new Binary(doc) }, other]);
  });

  it('computes the same CRC-32 natively and with the portable table', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    for (let i = 0; i < 20; i++) {
      const data = randomBytes(i * 37);
      expect(portableCrc32(data)).toBe(crc32(data));
    }
  });

  it('decodes what it encodes and reports where damage starts', () => {
    const records = Array.from({ length: 5 }, (_, i) => ({
      o: 'put',
      i,
      s: 'x'.repeat(i * 10),
    }));
    const buf = encodeFrames(records);
    expect(decodeFrames(buf)).toEqual({ records, goodBytes: buf.length });
    const second = encodeFrame(records[0]).length;
    const bad = Buffer.from(buf);
    bad[second + 12] ^= 0xff; // inside the second frame's body
    const d = decodeFrames(bad);
    expect(d.records).toHaveLength(1);
    expect(d.goodBytes).toBe(second);
    expect(d.damage).toBe('bad checksum');
    expect(d.resumesAt).toBe(second + encodeFrame(records[1]).length); // the third frame is intact: damage in the middle
  });

  it('finds no intact frame inside a torn tail', () => {
    const buf = encodeFrames([{ a: 1 }, { b: 'two' }]);
    const torn = buf.subarray(0, buf.length - 3);
    const d = decodeFrames(torn);
    expect(d.damage).toBe('short frame');
    expect(d.resumesAt).toBeUndefined();
    expect(findNextFrame(torn, d.goodBytes)).toBeUndefined();
  });
});
