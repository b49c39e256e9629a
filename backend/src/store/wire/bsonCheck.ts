import { isUtf8 } from 'node:buffer';

// Checks that bytes from the wire are one well-formed BSON document without
// decoding it: a stored document's bytes are kept as they came, so this walk
// is what stands between a client's bytes and the store (the documents of an
// insert are decoded only when a query first needs them).

/** Deeper than this is refused (mongod refuses documents nested more than 180 levels). */
const MAX_DEPTH = 180;

/** Throws `invalid BSON: …` unless `buf` is exactly one well-formed document. */
export function assertWellFormedBson(buf: Buffer): void {
  if (buf.length < 5 || buf.readInt32LE(0) !== buf.length) fail('document size does not match its bytes');
  checkDocument(buf, 0, buf.length, 0);
}

function fail(why: string): never {
  throw new Error(`invalid BSON: ${why}`);
}

function checkDocument(buf: Buffer, start: number, end: number, depth: number): void {
  if (depth > MAX_DEPTH) fail(`nested more than ${MAX_DEPTH} levels`);
  const size = end - start;
  if (size < 5 || buf.readInt32LE(start) !== size || buf[end - 1] !== 0) fail('bad document length or terminator');
  let i = start + 4;
  const last = end - 1;
  while (i < last) {
    const type = buf[i++];
    const nameEnd = buf.indexOf(0, i);
    if (nameEnd < 0 || nameEnd >= last) fail('element name runs past the document');
    i = nameEnd + 1;
    i = checkValue(buf, type, i, last, depth);
  }
  if (i !== last) fail('element runs past the document');
}

/** Where a value of `n` bytes at `at` ends, if it fits before `limit`. */
function within(type: number, at: number, n: number, limit: number): number {
  if (n < 0 || at + n > limit) fail(`value of type 0x${type.toString(16)} runs past the document`);
  return at + n;
}

/** Checks one value at `at` (before `limit`); returns where the next element starts. */
function checkValue(buf: Buffer, type: number, at: number, limit: number, depth: number): number {
  switch (type) {
    case 0x06: // undefined
    case 0x0a: // null
    case 0xff: // MinKey
    case 0x7f: // MaxKey
      return at;
    case 0x08: // boolean
      within(type, at, 1, limit);
      if (buf[at] > 1) fail('boolean other than 0 or 1');
      return at + 1;
    case 0x10:
      return within(type, at, 4, limit);
    case 0x01:
    case 0x09:
    case 0x11:
    case 0x12:
      return within(type, at, 8, limit);
    case 0x07:
      return within(type, at, 12, limit);
    case 0x13:
      return within(type, at, 16, limit);
    case 0x02: // string, code, symbol: int32 length (with its NUL), UTF-8 bytes, NUL
    case 0x0d:
    case 0x0e:
      return checkString(buf, at, limit);
    case 0x03:
    case 0x04: {
      within(type, at, 4, limit);
      const end = within(type, at, buf.readInt32LE(at), limit);
      checkDocument(buf, at, end, depth + 1);
      return end;
    }
    case 0x05: {
      within(type, at, 5, limit);
      const length = buf.readInt32LE(at);
      if (length < 0) fail('negative binary length');
      return within(type, at, 5 + length, limit);
    }
    case 0x0b: {
      // regex: pattern and flags, two cstrings
      const first = buf.indexOf(0, at);
      const second = first < 0 ? -1 : buf.indexOf(0, first + 1);
      if (second < 0 || second >= limit) fail('regular expression runs past the document');
      return second + 1;
    }
    case 0x0c: // DBPointer: string, ObjectId
      return within(type, checkString(buf, at, limit), 12, limit);
    case 0x0f: {
      // code with scope: int32 total, string, document
      within(type, at, 4, limit);
      const end = within(type, at, buf.readInt32LE(at), limit);
      checkDocument(buf, checkString(buf, at + 4, end), end, depth + 1);
      return end;
    }
    default:
      return fail(`unknown element type 0x${type.toString(16)}`);
  }
}

function checkString(buf: Buffer, at: number, limit: number): number {
  if (at + 4 > limit) fail('string runs past the document');
  const len = buf.readInt32LE(at);
  const end = at + 4 + len;
  if (len < 1 || end > limit || buf[end - 1] !== 0) fail('bad string length');
  if (!isUtf8(buf.subarray(at + 4, end - 1))) fail('string is not valid UTF-8');
  return end;
}
