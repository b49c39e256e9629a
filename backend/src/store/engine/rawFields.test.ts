import { Binary, Decimal128, Long, ObjectId, deserialize, serialize } from 'bson';
import { describe, expect, it } from 'vitest';
import { RawElements } from './rawFields.js';
import { StoreIndex } from './storeIndex.js';
import { valuesAtPath, type Doc } from './values.js';

const path = (p: string) => p.split('.').map((s) => Buffer.from(s, 'utf8'));
const elementsOf = (doc: Doc) => RawElements.of(Buffer.from(serialize(doc)))!;

const sample = {
  _id: new ObjectId(),
  before: { deep: [1, 2, { x: 'y' }] },
  bin: new Binary(Buffer.from([1]), 0),
  big: Long.fromString('123'),
  dec: Decimal128.fromString('1.5'),
  code: '网格-01',
  n: 42,
  x: -0.5,
  at: new Date(Date.UTC(2026, 10, 23, 8)),
  ok: true,
  gone: null,
  街道: 'west',
  tags: ['a', 'b', 'a'],
  none: [],
  clock: { dueAt: new Date(Date.UTC(2026, 10, 24)), stage: 'handle', inner: { level: 2 } },
  outbox: [],
};

describe('RawElements.valuesAt', () => {
  it('reads top-level scalars, arrays of scalars and fields of subdocuments exactly as valuesAtPath reads the decoded document', () => {
    const raw = Buffer.from(serialize(sample));
    const decoded = deserialize(raw) as Doc;
    const elements = RawElements.of(raw)!;
    const paths = ['code', 'n', 'x', 'at', 'ok', 'gone', '_id', '街道', 'missing', 'tags', 'none', 'clock.dueAt', 'clock.inner.level', 'clock.missing', 'code.length', 'n.x', 'gone.x', 'outbox.0.id', 'missing.deeper'];
    for (const p of paths) expect(elements.valuesAt(path(p)), p).toEqual(valuesAtPath(decoded, p));
  });

  it('reads a top-level field once per document: the indexes that share it share its values (one Date, not four)', () => {
    const elements = elementsOf(sample);
    const first = elements.valuesAt(path('at'))!;
    expect(elements.valuesAt(path('at'))).toBe(first);
    expect(first[0]).toBeInstanceOf(Date);
    expect(elements.valuesAt(path('big'))).toBeNull();
    expect(elements.valuesAt(path('big'))).toBeNull();
    expect(elementsOf(sample).valuesAt(path('at'))).not.toBe(first);
  });

  it('answers null where the decoded document is needed', () => {
    const elements = elementsOf(sample);
    for (const p of ['big', 'dec', 'bin', 'clock', 'before.deep', 'before.deep.x', 'at.x']) expect(elements.valuesAt(path(p)), p).toBeNull();
    expect(elementsOf({ tags: [{ a: 1 }] }).valuesAt(path('tags'))).toBeNull();
    expect(elementsOf({ outbox: [{ id: 'x' }] }).valuesAt(path('outbox.0.id'))).toBeNull();
  });

  it('refuses bytes that do not parse', () => {
    const raw = Buffer.from(serialize({ a: 'text' }));
    raw.writeInt32LE(999, 7); // the string's length runs past the document
    expect(RawElements.of(raw)).toBeNull();
  });
});

describe('StoreIndex.keysForRaw', () => {
  const docs: Doc[] = [
    sample,
    { _id: 1 },
    { _id: 2, tags: [], clock: null, code: null },
    { _id: 3, tags: ['x'], departmentCodes: ['d1', 'd2'], open: true, clock: { dueAt: new Date(5) } },
    { _id: 4, departmentCodes: [], open: false },
    { _id: 5, n: 1.5, x: 7, code: 'a' },
  ];
  const specs = [
    { key: { code: 1 }, name: 'a' },
    { key: { n: 1, x: -1 }, name: 'b' },
    { key: { tags: 1 }, name: 'c' },
    { key: { departmentCodes: 1, open: 1, 'clock.dueAt': 1, _id: 1 }, name: 'd' },
    { key: { 'clock.dueAt': 1 }, name: 'e', sparse: true },
    { key: { 'outbox.0.id': 1 }, name: 'f', sparse: true },
    { key: { tags: 1, code: 1 }, name: 'g', sparse: true },
  ] as const;

  it('gives the keys keysFor gives from the decoded document, multikey and sparse included', () => {
    for (const spec of specs) {
      for (const doc of docs) {
        const raw = Buffer.from(serialize(doc));
        const fromView = new StoreIndex({ ...spec, key: { ...spec.key } });
        const fromRaw = new StoreIndex({ ...spec, key: { ...spec.key } });
        const expected = fromView.keysFor(deserialize(raw) as Doc, 'id');
        const got = fromRaw.keysForRaw(RawElements.of(raw)!, 'id');
        expect(got, `${spec.name} on ${String(doc._id)}`).toEqual(expected);
        for (let i = 0; i < Object.keys(spec.key).length; i++) expect(fromRaw.isMultikey(i)).toBe(fromView.isMultikey(i));
      }
    }
  });

  it('leaves a partial index to the decoded document', () => {
    const index = new StoreIndex({ key: { code: 1 }, name: 'p', partialFilterExpression: { n: { $gt: 1 } } });
    expect(index.keysForRaw(elementsOf(sample), 'id')).toBeNull();
  });
});
