import { ObjectId } from 'bson';
import { bsonValueSize } from './rawId.js';

// Index keys straight from a document's BSON bytes. Most indexed fields are
// top-level strings, numbers, dates or ObjectIds: reading just those values
// spares decoding every document when a restart builds the indexes (the
// journal's bytes are trusted: they were decoded and checked when written). Anything else (arrays, subdocuments, 64-bit or decimal
// numbers, binaries…) answers null and the caller decodes the document.

/** Marks a field this reader does not decode. */
const UNSUPPORTED = Symbol('unsupported');

function readValue(raw: Buffer, type: number, at: number): unknown {
  switch (type) {
    case 0x02: {
      const len = raw.readInt32LE(at);
      return raw.toString('utf8', at + 4, at + 4 + len - 1);
    }
    case 0x10:
      return raw.readInt32LE(at);
    case 0x01:
      return raw.readDoubleLE(at);
    case 0x08:
      return raw[at] === 1;
    case 0x0a:
      return null;
    case 0x09:
      return new Date(Number(raw.readBigInt64LE(at)));
    case 0x07:
      return new ObjectId(raw.subarray(at, at + 12));
    default:
      return UNSUPPORTED;
  }
}

/**
 * The values of these top-level fields (names as UTF-8 bytes; undefined when absent), decoded as
 * bson's deserialize would; null when a field holds a type this reader leaves
 * to the full decoder or the bytes do not parse.
 */
export function readTopLevel(raw: Buffer, names: readonly Buffer[]): unknown[] | null {
  const out: unknown[] = new Array(names.length).fill(undefined);
  const end = raw.length - 1;
  let i = 4;
  try {
    while (i < end) {
      const type = raw[i++];
      const nameEnd = raw.indexOf(0, i);
      if (nameEnd < 0 || nameEnd >= end) return null;
      const nameLength = nameEnd - i;
      let wanted = -1;
      for (let n = 0; n < names.length; n++) {
        if (names[n].length === nameLength && names[n].compare(raw, i, nameEnd) === 0) {
          wanted = n;
          break;
        }
      }
      i = nameEnd + 1;
      if (wanted >= 0) {
        const value = readValue(raw, type, i);
        if (value === UNSUPPORTED) return null;
        out[wanted] = value;
      }
      const size = bsonValueSize(raw, type, i);
      if (size === null || size < 0) return null;
      i += size;
    }
  } catch {
    return null;
  }
  return i === end ? out : null;
}
