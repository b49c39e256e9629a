import { BSONRegExp, Binary, Code, Decimal128, Double, Int32, Long, MaxKey, MinKey, ObjectId, Timestamp, serialize } from 'bson';
import { describe, expect, it } from 'vitest';
import { assertWellFormedBson } from './bsonCheck.js';
import { OP_MSG, parseRequest } from './wireMessages.js';

const bytes = (doc: object) => Buffer.from(serialize(doc));

describe('assertWellFormedBson', () => {
  it('accepts documents holding every BSON type', () => {
    const doc = {
      _id: new ObjectId(), s: '网格', d: new Double(1.5), i: new Int32(3), l: Long.fromString('9007199254740993'), dec: Decimal128.fromString('0.1'),
      b: true, n: null, at: new Date(0), bin: new Binary(Buffer.from([1, 2]), 4), re: new BSONRegExp('^a', 'i'), ts: new Timestamp({ t: 1, i: 2 }),
      code: new Code('x()'), scoped: new Code('y()', { a: 1 }), min: new MinKey(), max: new MaxKey(), arr: [1, [2, { c: 'd' }]], sub: { e: { f: [] } },
    };
    expect(() => assertWellFormedBson(bytes(doc))).not.toThrow();
  });

  it('refuses truncated, overlong and inconsistent bytes with a clear message', () => {
    const good = bytes({ a: 'text', n: 1 });
    expect(() => assertWellFormedBson(good.subarray(0, good.length - 1))).toThrow(/invalid BSON/);
    const badLength = Buffer.from(good);
    badLength.writeInt32LE(500, 7); // the string's length
    expect(() => assertWellFormedBson(badLength)).toThrow(/invalid BSON: (bad string length|string runs past)/);
    const badUtf8 = bytes({ a: 'ab' });
    badUtf8[badUtf8.indexOf('ab') + 1] = 0xff;
    expect(() => assertWellFormedBson(badUtf8)).toThrow(/not valid UTF-8/);
    const badBool = bytes({ b: true });
    badBool[badBool.length - 2] = 7;
    expect(() => assertWellFormedBson(badBool)).toThrow(/boolean/);
    const badType = bytes({ n: 1 });
    badType[4] = 0x42;
    expect(() => assertWellFormedBson(badType)).toThrow(/unknown element type 0x42/);
    const badBinary = bytes({ b: new Binary(Buffer.from([1, 2, 3]), 0) });
    badBinary.writeInt32LE(-2, 7); // the binary's length
    expect(() => assertWellFormedBson(badBinary)).toThrow(/negative binary length/);
    const badSub = bytes({ sub: { a: 1 } });
    badSub.writeInt32LE(4, 9); // the subdocument's length
    expect(() => assertWellFormedBson(badSub)).toThrow(/invalid BSON/);
  });

  it('refuses documents nested deeper than mongod allows', () => {
    let deep: object = { x: 1 };
    for (let i = 0; i < 200; i++) deep = { d: deep };
    expect(() => assertWellFormedBson(bytes(deep))).toThrow(/nested more than/);
  });
});

describe('an insert whose document sequence holds malformed bytes', () => {
  it('is refused as a whole when the message is parsed, before anything is stored', () => {
    const body = bytes({ insert: 'c', $db: 'test' });
    const good = bytes({ _id: 1 });
    const bad = Buffer.from(bytes({ _id: 2, s: 'x' }));
    bad.writeInt32LE(100, 16);
    const sequence = Buffer.concat([Buffer.from('documents\0'), good, bad]);
    const section1 = Buffer.concat([Buffer.from([1]), int32(4 + sequence.length), sequence]);
    const payload = Buffer.concat([int32(0), Buffer.from([0]), body, section1]);
    const header = Buffer.concat([int32(16 + payload.length), int32(1), int32(0), int32(OP_MSG)]);
    expect(() => parseRequest(Buffer.concat([header, payload]))).toThrow(/invalid BSON/);
    const fine = parseRequest(Buffer.concat([int32(16 + 5 + body.length), int32(2), int32(0), int32(OP_MSG), int32(0), Buffer.from([0]), body]));
    expect(fine.command.insert).toBe('c');
  });
});

function int32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt32LE(n);
  return b;
}
