import { Binary, BSONRegExp, Decimal128, Double, Int32, Long, ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStoreDb } from './support.js';

describe('store: BSON types, numeric semantics and refusals', () => {
  let h: Awaited<ReturnType<typeof openStoreDb>>;
  beforeAll(async () => {
    h = await openStoreDb('types');
  });
  afterAll(async () => h?.close());

  it('round-trips every BSON type exactly', async () => {
    const c = h.db.collection('types');
    const id = new ObjectId();
    const doc = {
      _id: id,
      int32: new Int32(7),
      int64: Long.fromString('9223372036854775807'),
      double: new Double(1.5),
      decimal: Decimal128.fromString('12345.6789012345678901234'),
      binary: new Binary(Buffer.from([0, 1, 2, 255]), 0),
      uuid: new Binary(Buffer.alloc(16, 7), 4),
      regex: new BSONRegExp('^a.c$', 'i'),
      date: new Date('2026-11-23T01:02:03.456Z'),
      nil: null,
      bool: false,
      str: '网格 grid',
      nested: { arr: [new Int32(1), 'two', { three: Long.fromNumber(3) }], empty: {} },
    };
    await c.insertOne(doc);
    const back = await c.findOne({ _id: id }, { promoteValues: false, promoteLongs: false, bsonRegExp: true });
    expect(back).toEqual(doc);
  });

  it('compares and sorts numbers across Int32, Int64, Double and beyond 2^53 in MongoDB order', async () => {
    const c = h.db.collection('nums');
    await c.insertMany([
      { k: 'i', v: new Int32(5) },
      { k: 'd', v: new Double(5.5) },
      { k: 'l', v: Long.fromNumber(4) },
      { k: 'big1', v: Long.fromString('9007199254740993') },
      { k: 'big0', v: Long.fromString('9007199254740992') },
      { k: 's', v: 'text' },
    ]);
    expect((await c.find({ v: { $gt: 4 } }).sort({ v: 1 }).toArray()).map((d) => d.k)).toEqual(['i', 'd', 'big0', 'big1']);
    expect((await c.find({}).sort({ v: -1 }).toArray()).map((d) => d.k)).toEqual(['s', 'big1', 'big0', 'd', 'i', 'l']);
    expect(await c.countDocuments({ v: 5 })).toBe(1);
    expect(await c.countDocuments({ v: Long.fromNumber(5) })).toBe(1);
  });

  it('applies $inc, $min and $max with type promotion and exact Int64 arithmetic', async () => {
    const c = h.db.collection('arith');
    const { insertedId } = await c.insertOne({ i: new Int32(2147483647), l: Long.fromString('9007199254740993'), d: new Double(1.25), m: new Int32(10) });
    await c.updateOne({ _id: insertedId }, { $inc: { i: new Int32(1), l: new Int32(2), d: new Int32(1) }, $min: { m: new Double(2.5) } });
    const raw = await c.findOne({ _id: insertedId }, { promoteValues: false });
    expect(raw!.i).toEqual(Long.fromString('2147483648'));
    expect(raw!.l).toEqual(Long.fromString('9007199254740995'));
    expect(raw!.d).toEqual(new Double(2.25));
    expect(raw!.m).toEqual(new Double(2.5));
    await c.updateOne({ _id: insertedId }, { $max: { m: Long.fromNumber(3) } });
    expect((await c.findOne({ _id: insertedId }, { promoteValues: false }))!.m).toEqual(Long.fromNumber(3));
    await expect(c.updateOne({ _id: insertedId }, { $inc: { str: 'x' as never } })).rejects.toMatchObject({ code: 14 });
  });

  it('refuses features outside the portable subset with MongoDB codes naming the feature', async () => {
    const c = h.db.collection('refuse');
    await c.insertOne({ loc: [0, 0], text: 'hello' });
    await expect(c.find({ loc: { $near: [0, 0] } }).toArray()).rejects.toMatchObject({ code: 291 });
    await expect(c.find({ loc: { $geoWithin: { $center: [[0, 0], 1] } } }).toArray()).rejects.toMatchObject({ code: 291 });
    await expect(c.find({ $text: { $search: 'hello' } }).toArray()).rejects.toMatchObject({ code: 27 });
    await expect(c.createIndex({ text: 'text' })).rejects.toThrow(/text indexes/);
    await expect(c.createIndex({ loc: '2dsphere' })).rejects.toThrow(/2dsphere/);
    await expect(h.db.createCollection('capped', { capped: true, size: 4096 })).rejects.toThrow(/capped/);
    await expect(h.db.createCollection('series', { timeseries: { timeField: 't' } })).rejects.toThrow(/time-series/);
    await expect(c.aggregate([{ $changeStream: {} }]).toArray()).rejects.toMatchObject({ code: 40573 });
    await expect(h.db.command({ insert: 'refuse', documents: [{ a: 1 }], lsid: { id: new Binary(Buffer.alloc(16), 4) }, txnNumber: Long.fromNumber(1), startTransaction: true, autocommit: false })).rejects.toMatchObject({ code: 20 });
    await expect(h.db.command({ noSuchCommand: 1 })).rejects.toMatchObject({ code: 59 });
    expect(await c.countDocuments({})).toBe(1);
  });

  it('rejects an oversized document and stays up', async () => {
    const c = h.db.collection('big');
    await expect(c.insertOne({ blob: 'x'.repeat(17 * 1024 * 1024) })).rejects.toThrow();
    await c.insertOne({ ok: true });
    expect(await c.countDocuments({})).toBe(1);
  });
});
