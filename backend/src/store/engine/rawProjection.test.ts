import { Binary, BSONRegExp, Decimal128, deserialize, Double, Int32, Long, MaxKey, MinKey, ObjectId, serialize, Timestamp } from 'bson';
import { describe, expect, it } from 'vitest';
import { applyProjection } from './projection.js';
import { isTopLevelProjection, projectTopLevel } from './rawProjection.js';

const doc = {
  _id: new ObjectId(),
  d: new Double(1.5), s: 'text', o: { a: 1 }, arr: [1, 'x'], bin: new Binary(Buffer.from('hi')), u: undefined as unknown, oid: new ObjectId(), b: true,
  date: new Date(0), n: null, re: new BSONRegExp('a+', 'i'), i: new Int32(3), ts: new Timestamp({ t: 1, i: 2 }), l: Long.fromNumber(9), dec: Decimal128.fromString('1.1'), min: new MinKey(), max: new MaxKey(),
};
const raw = Buffer.from(serialize(doc, { ignoreUndefined: false }));
const TYPED = { promoteValues: false, promoteBuffers: false, bsonRegExp: true } as const;

describe('top-level projection on BSON bytes', () => {
  it('drops excluded fields of every BSON type and keeps the rest byte for byte', () => {
    const out = deserialize(projectTopLevel(raw, { s: 0, re: 0, dec: 0, _id: 0 }), TYPED);
    const expected = deserialize(raw, TYPED);
    delete expected.s;
    delete expected.re;
    delete expected.dec;
    delete expected._id;
    expect(out).toEqual(expected);
  });

  it('keeps only included fields and _id unless excluded, like the typed projection', () => {
    for (const projection of [{ s: 1, l: 1 }, { s: 1, _id: 0 }, { timeline: 0 }]) {
      expect(isTopLevelProjection(projection)).toBe(true);
      expect(deserialize(projectTopLevel(raw, projection), TYPED)).toEqual(applyProjection(deserialize(raw, TYPED), deserialize(raw), projection));
    }
  });

  it('compares non-ASCII field names exactly', () => {
    const cjk = Buffer.from(serialize({ _id: 1, 网格: 'A', 网络: 'B', café: 1, cafe: 2 }));
    expect(deserialize(projectTopLevel(cjk, { 网格: 1, café: 1, _id: 0 }))).toEqual({ 网格: 'A', café: 1 });
    expect(deserialize(projectTopLevel(cjk, { 网格: 0, cafe: 0 }))).toEqual({ _id: 1, 网络: 'B', café: 1 });
  });

  it('leaves dotted, operator and mixed projections to the general path', () => {
    expect(isTopLevelProjection({ 'o.a': 1 })).toBe(false);
    expect(isTopLevelProjection({ arr: { $slice: 1 } })).toBe(false);
    expect(isTopLevelProjection({ s: 1, d: 0 })).toBe(false);
  });
});
