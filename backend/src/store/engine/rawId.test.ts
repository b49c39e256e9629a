import { Binary, Decimal128, Double, Int32, Long, MaxKey, ObjectId, serialize } from 'bson';
import { describe, expect, it } from 'vitest';
import { leadingId, leadingIdKey } from './rawId.js';
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
