import { describe, expect, it } from 'vitest';
import { messageFramer } from './messageFramer.js';

function message(fill: number, length: number): Buffer {
  const m = Buffer.alloc(length, fill);
  m.writeInt32LE(length, 0);
  return m;
}

describe('messageFramer', () => {
  it('cuts whole messages out of chunks split anywhere, one byte at a time included', () => {
    const stream = Buffer.concat([message(1, 16), message(2, 300), message(3, 17)]);
    for (const step of [1, 3, 7, 64, stream.length]) {
      const got: Buffer[] = [];
      const feed = messageFramer((m) => got.push(Buffer.from(m)), () => expect.fail('no bad length'));
      for (let i = 0; i < stream.length; i += step) feed(stream.subarray(i, i + step));
      expect(got.map((m) => [m.length, m[5]])).toEqual([
        [16, 1],
        [300, 2],
        [17, 3],
      ]);
    }
  });

  it('reports a length out of range once and then ignores the connection', () => {
    const bad: number[] = [];
    const got: Buffer[] = [];
    const feed = messageFramer((m) => got.push(m), (length) => bad.push(length));
    const wrong = Buffer.alloc(8);
    wrong.writeInt32LE(5, 0);
    feed(wrong);
    feed(message(1, 16));
    expect(bad).toEqual([5]);
    expect(got).toEqual([]);
  });
});
