import { readdirSync } from 'node:fs';
import { Binary, BSONRegExp, Decimal128, Double, Int32, Long, ObjectId, serialize, Timestamp, MinKey, MaxKey, UUID } from 'bson';
import { afterAll, describe, expect, it } from 'vitest';
import { openDurableLog, type LogRecord } from './durableLog.js';
import { cleanTestDirs, testDir } from './testDirs.js';

afterAll(cleanTestDirs);

const EXACT = { promoteValues: false, bsonRegExp: true } as const;

/** A document holding every BSON type the store keeps. */
function everyType(i: number): LogRecord {
  return {
    _id: new ObjectId(),
    date: new Date(1_700_000_000_000 + i),
    int32: new Int32(-7 - i),
    long: Long.fromString('9007199254740993'), // 2^53 + 1: not representable as a double
    longNeg: Long.fromString('-9223372036854775808'),
    double: new Double(2), // integral double must stay a double
    doubleFrac: new Double(0.1 + i),
    decimal: Decimal128.fromString('1234567890.123456789012345678901234'),
    binary: new Binary(Buffer.from([0, 1, 2, 255]), 0),
    binaryUser: new Binary(Buffer.from('abc'), 0x80),
    uuid: new UUID('0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0').toBinary(),
    regex: new BSONRegExp('^a.*z$', 'imsux'),
    nil: null,
    bool: true,
    str: `π ${i} 🚀`,
    ts: new Timestamp({ t: 1, i: 2 }),
    min: new MinKey(),
    max: new MaxKey(),
    nested: {
      arr: [1, [new Int32(2), { deep: [new Double(3), null, []] }], {}],
      doc: { a: { b: { c: 'd' } } },
    },
  };
}

describe('durable log', () => {
  it('round-trips every BSON type exactly (promoteValues:false, bsonRegExp:true)', async () => {
    const dir = testDir();
    const records = Array.from({ length: 5 }, (_, i) => ({
      o: 'put',
      ns: 'db.c',
      doc: everyType(i),
    }));
    const first = await openDurableLog(dir, { deserialize: EXACT });
    await first.log.append(records.slice(0, 2), { durable: true });
    await first.log.append(records.slice(2), { durable: true });
    await first.log.close();
    const second = await openDurableLog(dir, { deserialize: EXACT });
    expect(second.frames.records()).toHaveLength(5);
    second.frames.records().forEach((r, i) => expect(Buffer.from(serialize(r)).equals(Buffer.from(serialize(records[i])))).toBe(true));
    const doc = second.frames.records()[0].doc as Record<string, unknown>;
    expect(doc.int32).toBeInstanceOf(Int32);
    expect(doc.double).toBeInstanceOf(Double);
    expect(String(doc.long)).toBe('9007199254740993');
    expect(doc.decimal).toBeInstanceOf(Decimal128);
    expect(doc.regex).toBeInstanceOf(BSONRegExp);
    expect(doc.date).toEqual(records[0].doc.date);
    // Through a snapshot too.
    await second.log.compact(second.frames.records());
    await second.log.close();
    const third = await openDurableLog(dir, { deserialize: EXACT });
    expect(third.stats.snapshotRecords).toBe(5);
    third.frames.records().forEach((r, i) => expect(Buffer.from(serialize(r)).equals(Buffer.from(serialize(records[i])))).toBe(true));
    await third.log.close();
  });

  it('keeps the engine form by default: documents as Binary of their exact bytes', async () => {
    const dir = testDir();
    const raw = Buffer.from(serialize(everyType(1)));
    const a = await openDurableLog(dir);
    await a.log.append(
      [
        { o: 'put', ns: 'db.c', doc: new Binary(raw) },
        { o: 'del', ns: 'db.c', id: Long.fromString('9007199254740993') },
      ],
      { durable: true },
    );
    await a.log.close();
    const b = await openDurableLog(dir);
    const put = b.frames.records()[0] as { o: string; doc: Binary };
    expect(put.o).toBe('put');
    expect(Buffer.from(put.doc.buffer.subarray(0, put.doc.position)).equals(raw)).toBe(true);
    expect(String(b.frames.records()[1].id)).toBe('9007199254740993');
    await b.log.close();
  });

  it('replays every record in append order after a restart, including w:0 ones flushed before close', async () => {
    const dir = testDir();
    const a = await openDurableLog(dir);
    const writes: Promise<void>[] = [];
    for (let i = 0; i < 300; i++)
      writes.push(
        a.log.append(
          [
            { o: 'put', n: i },
            { o: 'put', n: i, second: true },
          ],
          { durable: i % 3 !== 0 },
        ),
      );
    await Promise.all(writes);
    await a.log.close();
    const b = await openDurableLog(dir);
    expect(b.frames.records().map((r) => `${r.n}${r.second ? 'b' : 'a'}`)).toEqual(Array.from({ length: 300 }, (_, i) => [`${i}a`, `${i}b`]).flat());
    expect(b.stats).toMatchObject({
      snapshotRecords: 0,
      journalRecords: 600,
      truncatedBytes: 0,
    });
    expect(b.log.journalBytes()).toBeGreaterThan(0);
    await b.log.close();
  });

  it('compaction keeps the state: a snapshot plus later appends replays to the same records', async () => {
    const dir = testDir();
    const a = await openDurableLog(dir);
    for (let i = 0; i < 50; i++) await a.log.append([{ o: 'put', id: i, v: 'old' }], { durable: true });
    const state: LogRecord[] = Array.from({ length: 50 }, (_, i) => ({
      o: 'put',
      id: i,
      v: 'old',
    }));
    const before = a.log.journalBytes();
    // Appends racing the compaction: those issued before the call belong to the snapshot's past, the rest after it.
    const early = a.log.append([{ o: 'put', id: 50, v: 'before' }], {
      durable: true,
    });
    state.push({ o: 'put', id: 50, v: 'before' });
    const compaction = a.log.compact(state.slice());
    expect(a.log.journalBytes()).toBe(0);
    const late = Array.from({ length: 20 }, (_, i) => a.log.append([{ o: 'put', id: 100 + i, v: 'after' }], { durable: true }));
    await Promise.all([early, compaction, ...late]);
    expect(before).toBeGreaterThan(0);
    expect(a.log.journalBytes()).toBeGreaterThan(0);
    await a.log.close();
    expect(readdirSync(dir).sort()).toEqual(['journal-1.log', 'snapshot-1.bson']);
    const b = await openDurableLog(dir);
    expect(b.stats.snapshotRecords).toBe(51);
    expect(b.stats.journalRecords).toBe(20);
    expect(b.frames.records()).toEqual([
      ...state,
      ...Array.from({ length: 20 }, (_, i) => ({
        o: 'put',
        id: 100 + i,
        v: 'after',
      })),
    ]);
    // Compacting twice in a row (the second before the first finished) ends on the newest generation.
    const c1 = b.log.compact(b.frames.records().slice());
    await b.log.append([{ o: 'put', id: 'x' }], { durable: true });
    const c2 = b.log.compact([...b.frames.records(), { o: 'put', id: 'x' }]);
    await Promise.all([c1, c2]);
    await b.log.close();
    expect(readdirSync(dir).sort()).toEqual(['journal-3.log', 'snapshot-3.bson']);
    const c = await openDurableLog(dir);
    expect(c.frames.records()).toEqual([...b.frames.records(), { o: 'put', id: 'x' }]);
    await c.log.close();
  });

  it('creates a missing data directory and refuses appends after close', async () => {
    const dir = `${testDir()}/nested/data`;
    const { log } = await openDurableLog(dir);
    await log.close();
    await expect(log.append([{ o: 'x' }], { durable: true })).rejects.toThrow(/closed/);
    expect(readdirSync(dir)).toEqual(['journal-0.log']);
  });

  it('rejects an unserializable record without disturbing later appends', async () => {
    const dir = testDir();
    const { log } = await openDurableLog(dir);
    const circular: Record<string, unknown> = { o: 'put' };
    circular.self = circular;
    await expect(log.append([circular], { durable: true })).rejects.toThrow();
    await log.append([{ o: 'ok' }], { durable: true });
    await log.close();
    expect((await openDurableLog(dir)).frames.records()).toEqual([{ o: 'ok' }]);
  });
});
