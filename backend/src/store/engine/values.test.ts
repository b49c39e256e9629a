import { randomBytes } from 'node:crypto';
import { Decimal128, Double, Int32, Long, ObjectId, serialize } from 'bson';
import { describe, expect, it } from 'vitest';
import { leadingIdKey } from './rawId.js';
import { compareValues, objectIdKey, valueKey } from './values.js';

describe('compareValues (MongoDB BSON order)', () => {
  it('orders ObjectIds as their bytes (hex strings), equal ids equal', () => {
    for (let i = 0; i < 2_000; i++) {
      const a = new ObjectId(randomBytes(12));
      const b = new ObjectId(randomBytes(12));
      const hex = a.toHexString() < b.toHexString() ? -1 : a.toHexString() > b.toHexString() ? 1 : 0;
      expect(compareValues(a, b)).toBe(hex);
      expect(compareValues(a, new ObjectId(a.toHexString()))).toBe(0);
    }
  });

  it("keys an ObjectId as 'o' and its hex, the same from the value, from its bytes and from a document's bytes", () => {
    for (let i = 0; i < 200; i++) {
      const id = new ObjectId(randomBytes(12));
      expect(valueKey(id)).toBe(`o${id.toHexString()}`);
      expect(objectIdKey(Buffer.concat([Buffer.from([1, 2]), id.id]), 2)).toBe(`o${id.toHexString()}`);
      expect(leadingIdKey(Buffer.from(serialize({ _id: id, n: i })))).toBe(`o${id.toHexString()}`);
    }
  });

  it('compares numbers of every width as numbers, plain doubles and strings on the fast path alike', () => {
    expect(compareValues(1, 2)).toBe(-1);
    expect(compareValues(0, -0)).toBe(0);
    expect(compareValues(new Int32(3), 2.5)).toBe(1);
    expect(compareValues(Long.fromString('9007199254740993'), Long.fromString('9007199254740992'))).toBe(1);
    expect(compareValues(new Double(1), Decimal128.fromString('1'))).toBe(0);
    expect(compareValues(Number.NaN, -Infinity)).toBe(-1);
    expect(compareValues('a', 'b')).toBe(-1);
    expect(compareValues('b', 'b')).toBe(0);
    // Type brackets: numbers < strings < objects.
    expect(compareValues(99, 'a')).toBeLessThan(0);
  });
});
