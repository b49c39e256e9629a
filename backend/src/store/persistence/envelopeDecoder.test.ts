import { Binary, deserialize, Int32, Long, ObjectId, serialize } from 'bson';
import { describe, expect, it } from 'vitest';
import { decodeFlatEnvelope } from './envelopeDecoder.js';

describe('flat envelope fast path', () => {
  it('builds what bson deserialize builds for the engine record shapes', () => {
    const raw = serialize({ _id: new ObjectId(), n: 1 });
    for (const record of [
      { o: 'put', ns: 'db.coll', doc: new Binary(raw) },
      { o: 'dropIndex', ns: 'db.c', name: 'a_1' },
      { o: 'dropDb', db: 'x' },
      { o: 'n', v: new Int32(-5), empty: '', bin: new Binary(Buffer.alloc(0)) },
    ]) {
      const body = Buffer.from(serialize(record));
      expect(decodeFlatEnvelope(body)).toEqual(deserialize(body));
    }
  });

  it('declines every other shape (the caller then uses bson)', () => {
    for (const record of [
      { o: 'del', ns: 'db.c', id: new ObjectId() },
      { o: 'del', ns: 'db.c', id: Long.fromNumber(5) },
      { o: 'index', ns: 'db.c', spec: { key: { a: 1 } } },
      { o: 'put', ns: 'dé.c' },
      { o: 'put', b: new Binary(Buffer.from([1]), 4) },
      { o: 1.5 },
    ]) {
      expect(decodeFlatEnvelope(Buffer.from(serialize(record)))).toBeUndefined();
    }
  });

  it('declines malformed bodies instead of throwing', () => {
    const body = Buffer.from(serialize({ o: 'put', ns: 'db.c', doc: new Binary(Buffer.from('abc')) }));
    for (let cut = 5; cut < body.length; cut++) {
      const short = Buffer.from(body.subarray(0, cut));
      short[short.length - 1] = 0;
      expect(() => decodeFlatEnvelope(short)).not.toThrow();
    }
  });
});
