import { Binary } from 'bson';
import type { LogRecord } from './journalFrames.js';

// A fast path for the engine's most common record shapes at start, where a
// million `put` records are read: a flat document of ASCII strings, int32s
// and generic (subtype 0) binaries — e.g. { o: 'put', ns: 'db.coll', doc:
// Binary }. It builds exactly what bson's deserialize with default options
// builds, except that a Binary's bytes are a view into the file buffer rather
// than a copy (the engine copies them when it stores the document). Anything
// else answers undefined and the caller uses bson's deserialize.

const STRING = 0x02;
const BINARY = 0x05;
const INT32 = 0x10;

function ascii(buf: Buffer, start: number, end: number): string | undefined {
  for (let i = start; i < end; i++) if (buf[i] > 0x7f) return undefined;
  return buf.toString('latin1', start, end);
}

/** Decodes a flat BSON document of ASCII strings, int32s and subtype-0 binaries, or answers undefined for any other shape. */
export function decodeFlatEnvelope(body: Buffer): LogRecord | undefined {
  const end = body.length - 1; // the document's terminating zero
  if (body[end] !== 0) return undefined;
  const out: LogRecord = {};
  let i = 4;
  while (i < end) {
    const type = body[i++];
    const nameEnd = body.indexOf(0, i);
    if (nameEnd < 0 || nameEnd >= end) return undefined;
    const name = ascii(body, i, nameEnd);
    if (name === undefined || name === '__proto__') return undefined;
    i = nameEnd + 1;
    if (i + 4 > end) return undefined;
    if (type === STRING) {
      const size = body.readInt32LE(i);
      const s = i + 4;
      if (size < 1 || s + size > end || body[s + size - 1] !== 0) return undefined;
      const value = ascii(body, s, s + size - 1);
      if (value === undefined) return undefined;
      out[name] = value;
      i = s + size;
    } else if (type === INT32) {
      out[name] = body.readInt32LE(i);
      i += 4;
    } else if (type === BINARY) {
      const size = body.readInt32LE(i);
      const s = i + 5;
      if (size < 0 || s + size > end || body[i + 4] !== 0) return undefined;
      out[name] = new Binary(body.subarray(s, s + size), 0);
      i = s + size;
    } else {
      return undefined;
    }
  }
  return i === end ? out : undefined;
}
