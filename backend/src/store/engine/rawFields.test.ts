import { Binary, Decimal128, Long, ObjectId, deserialize, serialize } from 'bson';
import { describe, expect, it } from 'vitest';
import { readTopLevel } from './rawFields.js';

const names = (...n: string[]) => n.map((s) => Buffer.from(s, 'utf8'));

describe('readTopLevel', () => {
  it('reads top-level strings, numbers, dates, ObjectIds, booleans and nulls exactly as deserialize does, skipping every other field', () => {
    const doc = {
      _id: new ObjectId(), before: { deep: [1, 2, { x: 'y' }] }, bin: new Binary(Buffer.from([1]), 0), big: Long.fromString('123'), dec: Decimal128.fromString('1.5'),
      code: '网格-01', n: 42, x: -0.5, at: new Date(Date.UTC(2026, 10, 23, 8)), ok: true, gone: null, 街道: 'west',
    };
    const raw = Buffer.from(serialize(doc));
    const fields = ['code', 'n', 'x', 'at', 'ok', 'gone', '_id', '街道', 'missing'];
    const full = deserialize(raw) as Record<string, unknown>;
    expect(readTopLevel(raw, names(...fields))).toEqual(fields.map((f) => full[f]));
  });

  it('answers null for a field of a type it leaves to the full decoder', () => {
    const raw = Buffer.from(serialize({ tags: ['a'], big: Long.fromString('9007199254740993'), sub: { a: 1 } }));
    expect(readTopLevel(raw, names('tags'))).toBeNull();
    expect(readTopLevel(raw, names('big'))).toBeNull();
    expect(readTopLevel(raw, names('sub'))).toBeNull();
  });
});
