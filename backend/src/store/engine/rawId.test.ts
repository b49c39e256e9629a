import { Binary, Decimal128, Double, Int32, Long, MaxKey, ObjectId, serialize } from 'bson';
import { describe, expect, it } from 'vitest';
import { leadingId, leadingIdKey, withIdFirst } from './rawId.js';
import { valueKey } from './values.js';

describe('leadingId', () => {
  it('reads a leading _id of every common type exactly as a full decode would', () => {
    const ids = [new ObjectId(), 42, new Int32(7), 2.5, new Double(3), Long.fromString('9007199254740993'), Decimal128.fromString('1.10'), 'case-1', '', '网格', new Date(0), { a: 1, b: [1, 2] }, new Binary(Buffer.from([1, 2, 3]), 4)];
    for (const id of ids) {
      const raw = Buffer.from(serialize({ _id: id, rest: 'x'.repeat(30), n: 1 }));
      const got = leadingId(raw);
      expect(got, String(id)).not.toBeUndefined();
      expect(valueKey(got)).toBe(valueKey(id instanceof Double ? id.value : id instanceof Int32 ? id.value : id));
      expect(leadingIdKey(raw)).toBe(valueKey(got));
    }
  });

  it('answers undefined when _id is not first or of a rare type, so the caller decodes the whole document', () => {
    expect(leadingId(Buffer.from(serialize({ a: 1, _id: 2 })))).toBeUndefined();
    expect(leadingId(Buffer.from(serialize({ _id: new MaxKey() })))).toBeUndefined();
    expect(leadingId(Buffer.from(serialize({ _idx: 1 })))).toBeUndefined();
    expect(leadingIdKey(Buffer.from(serialize({ a: 1, _id: 2 })))).toBeUndefined();
  });
});

describe('withIdFirst', () => {
  it('moves a trailing _id to the front without changing any value, for documents of every BSON type', async () => {
    const { BSONRegExp, Code, Long, MinKey, Timestamp, deserialize } = await import('bson');
    const body = {
      d: 1.5, s: '街道', o: { a: [1, { b: null }] }, arr: [1, 'x'], bin: new Binary(Buffer.from([9, 8]), 0), oid: new ObjectId(), t: true,
      date: new Date(5), nul: null, re: new BSONRegExp('a.c', 'i'), code: new Code('x=1'), i: new Int32(3), ts: new Timestamp({ t: 1, i: 2 }),
      l: Long.fromNumber(7), dec: Decimal128.fromString('2.5'), min: new MinKey(), max: new MaxKey(),
    };
    const id = new ObjectId();
    const raw = Buffer.from(serialize({ ...body, _id: id }));
    const moved = withIdFirst(raw)!;
    expect(moved.length).toBe(raw.length);
    expect(Object.keys(deserialize(moved))[0]).toBe('_id');
    expect(moved.equals(Buffer.from(serialize({ _id: id, ...body })))).toBe(true);
  });

  it('leaves alone what is already first, missing, an array or regex _id, or bytes that do not parse', () => {
    expect(withIdFirst(Buffer.from(serialize({ _id: 1, a: 2 })))).toBeUndefined();
    expect(withIdFirst(Buffer.from(serialize({ a: 2 })))).toBeUndefined();
    expect(withIdFirst(Buffer.from(serialize({ a: 2, _id: [1] })))).toBeUndefined();
    const cut = Buffer.from(serialize({ a: 'long string value', _id: 1 }));
    cut.writeInt32LE(1000, 7); // the string's length now points past the end
    expect(withIdFirst(cut)).toBeUndefined();
  });
});
