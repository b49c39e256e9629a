import { deserialize } from 'bson';
import { objectIdKey, valueKey } from './values.js';

// The _id of a stored document read straight from its BSON bytes, without
// decoding the rest: a restart replays every document and needs only its id
// until the indexes are built.

/** The types an _id usually has: ObjectId, int32, double, date, int64, decimal128, string, document, binary. */
const COMMON_ID_TYPES = new Set([0x07, 0x10, 0x01, 0x09, 0x12, 0x13, 0x02, 0x03, 0x05]);

/**
 * The _id when it is the document's first field (as drivers and mongod put
 * it) and of a common type; undefined otherwise (the caller decodes the whole
 * document).
 */
export function leadingId(raw: Buffer): unknown {
  // int32 size, then type byte, then the cstring "_id".
  if (raw.length < 10 || raw[5] !== 0x5f || raw[6] !== 0x69 || raw[7] !== 0x64 || raw[8] !== 0) return undefined;
  const type = raw[4];
  if (!COMMON_ID_TYPES.has(type)) return undefined;
  const size = bsonValueSize(raw, type, 9);
  if (size === null || size < 0 || 9 + size > raw.length - 1) return undefined;
  // A one-element document around the element, decoded as bson would decode the whole.
  const one = Buffer.allocUnsafe(4 + 5 + size + 1);
  one.writeInt32LE(one.length, 0);
  raw.copy(one, 4, 4, 9 + size);
  one[one.length - 1] = 0;
  return (deserialize(one) as { _id: unknown })._id;
}

/**
 * valueKey() of the leading _id, straight from the bytes for the commonest
 * types (ObjectId, string, int32: no object decoded at all); undefined when
 * the document must be decoded.
 */
export function leadingIdKey(raw: Buffer): string | undefined {
  if (raw.length < 10 || raw[5] !== 0x5f || raw[6] !== 0x69 || raw[7] !== 0x64 || raw[8] !== 0) return undefined;
  switch (raw[4]) {
    case 0x07:
      return raw.length >= 22 ? objectIdKey(raw, 9) : undefined;
    case 0x10:
      return raw.length >= 14 ? `n${raw.readInt32LE(9)}` : undefined;
    case 0x02: {
      const len = raw.length >= 14 ? raw.readInt32LE(9) : -1;
      return len >= 1 && 13 + len <= raw.length - 1 ? `s${raw.toString('utf8', 13, 13 + len - 1)}` : undefined;
    }
  }
  const id = leadingId(raw);
  return id === undefined ? undefined : valueKey(id);
}

/** Bytes of an element's value of any BSON type (at `at`, after its name), or null for an unknown type. */
export function bsonValueSize(raw: Buffer, type: number, at: number): number | null {
  switch (type) {
    case 0x06: // undefined
    case 0x0a: // null
    case 0xff: // MinKey
    case 0x7f: // MaxKey
      return 0;
    case 0x08: // boolean
      return 1;
    case 0x10: // int32
      return 4;
    case 0x01: // double
    case 0x09: // date
    case 0x11: // timestamp
    case 0x12: // int64
      return 8;
    case 0x07: // ObjectId
      return 12;
    case 0x13: // decimal128
      return 16;
    case 0x02: // string: int32 length (incl. NUL) + bytes
    case 0x0d: // code
    case 0x0e: // symbol
      return 4 + raw.readInt32LE(at);
    case 0x03: // embedded document: its int32 length covers itself
    case 0x04: // array (a document)
    case 0x0f: // code with scope: int32 total length
      return raw.readInt32LE(at);
    case 0x05: // binary: int32 length + subtype byte + bytes
      return 5 + raw.readInt32LE(at);
    case 0x0c: // DBPointer: string + ObjectId
      return 4 + raw.readInt32LE(at) + 12;
    case 0x0b: {
      // regex: two cstrings
      const first = raw.indexOf(0, at);
      const second = first < 0 ? -1 : raw.indexOf(0, first + 1);
      return second < 0 ? null : second + 1 - at;
    }
    default:
      return null;
  }
}

/**
 * The document's bytes with its `_id` element moved to the front (as mongod
 * stores it), by moving bytes rather than decoding and re-encoding; undefined
 * when there is no `_id`, it is already first, it is an array or a regex (the
 * caller's slow path refuses or handles those), or the bytes do not parse.
 */
export function withIdFirst(raw: Buffer): Buffer | undefined {
  const end = raw.length - 1;
  if (raw.length < 5 || raw[end] !== 0) return undefined;
  let i = 4;
  let first = true;
  while (i < end) {
    const start = i;
    const type = raw[i++];
    const nameEnd = raw.indexOf(0, i);
    if (nameEnd < 0 || nameEnd >= end) return undefined;
    const isId = nameEnd - i === 3 && raw[i] === 0x5f && raw[i + 1] === 0x69 && raw[i + 2] === 0x64;
    i = nameEnd + 1;
    let size: number | null;
    try {
      size = bsonValueSize(raw, type, i);
    } catch {
      return undefined; // a length field past the end
    }
    if (size === null || size < 0 || i + size > end) return undefined;
    i += size;
    if (isId) {
      if (first || type === 0x04 || type === 0x0b) return undefined;
      const out = Buffer.allocUnsafe(raw.length);
      raw.copy(out, 0, 0, 4);
      raw.copy(out, 4, start, i);
      raw.copy(out, 4 + (i - start), 4, start);
      raw.copy(out, i, i);
      return out;
    }
    first = false;
  }
  return undefined;
}
