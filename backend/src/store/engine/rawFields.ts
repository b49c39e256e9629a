import { ObjectId } from 'bson';
import { bsonValueSize } from './rawId.js';

// Index keys straight from a document's BSON bytes. Most indexed fields are
// strings, numbers, dates or ObjectIds, at the top level, in a subdocument or
// in an array: reading just those values spares decoding every document when
// an insert or a restart computes its index keys (the bytes were checked when
// they arrived). Anything else (subdocuments as values, 64-bit or decimal
// numbers, binaries, paths through array elements…) answers null and the
// caller decodes the document.

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

/** A path step this reader cannot take (the caller decodes the document). */
const GIVE_UP = null;

/**
 * A document's top-level elements, located once so that every index of a
 * collection reads its fields from the bytes: an insert or a restart then
 * decodes no document whose indexed fields are scalars, arrays of scalars
 * or fields of subdocuments.
 */
/** Element table shared by successive RawElements (one document's keys are read before the next document's). */
let scratch = new Int32Array(4 * 64);
let scratchUse = 0;

export class RawElements {
  /** Values already read per top-level element: a field in several indexes (a date, say) is read, and held, once. */
  private memo: (unknown[] | null)[] | undefined;

  private constructor(
    private readonly raw: Buffer,
    private readonly count: number,
    /** Which use of the shared table this is: a later RawElements.of reuses the table. */
    private readonly use: number,
  ) {}

  /** The elements of `raw`, or null when the bytes do not parse; valid until the next call (it reuses one table). */
  static of(raw: Buffer): RawElements | null {
    const end = raw.length - 1;
    let count = 0;
    let i = 4;
    const use = ++scratchUse;
    try {
      while (i < end) {
        const type = raw[i++];
        const nameEnd = raw.indexOf(0, i);
        if (nameEnd < 0 || nameEnd >= end) return null;
        if (4 * count + 4 > scratch.length) {
          const bigger = new Int32Array(scratch.length * 2);
          bigger.set(scratch);
          scratch = bigger;
        }
        const at = 4 * count++;
        scratch[at] = i;
        scratch[at + 1] = nameEnd - i;
        scratch[at + 2] = type;
        scratch[at + 3] = nameEnd + 1;
        const size = bsonValueSize(raw, type, nameEnd + 1);
        if (size === null || size < 0) return null;
        i = nameEnd + 1 + size;
      }
    } catch {
      return null;
    }
    return i === end ? new RawElements(raw, count, use) : null;
  }

  /**
   * The values at a dotted path (its steps as UTF-8 bytes) as valuesAtPath
   * gives them from the decoded document (an array at the end of the path is
   * returned as one array value); null when the path meets something this
   * reader leaves to the full decoder (a subdocument or an unusual type at the
   * end, a non-empty array on the way).
   */
  valuesAt(path: readonly Buffer[]): unknown[] | null {
    if (this.use !== scratchUse) throw new Error('RawElements used after the next RawElements.of');
    const { raw } = this;
    const table = scratch;
    for (let e = 0; e < this.count; e++) {
      if (table[4 * e + 1] !== path[0].length || !sameBytes(raw, table[4 * e], path[0])) continue;
      if (path.length > 1) return valueAlong(raw, table[4 * e + 2], table[4 * e + 3], path, 1);
      const memo = (this.memo ??= new Array(this.count));
      if (memo[e] === undefined) memo[e] = valueAlong(raw, table[4 * e + 2], table[4 * e + 3], path, 1);
      return memo[e];
    }
    return [undefined];
  }
}

function sameBytes(raw: Buffer, at: number, name: Buffer): boolean {
  for (let k = 0; k < name.length; k++) if (raw[at + k] !== name[k]) return false;
  return true;
}

/** The values of the element (type, value start) for the rest of the path from step `step`. */
function valueAlong(raw: Buffer, type: number, at: number, path: readonly Buffer[], step: number): unknown[] | null {
  if (step === path.length) {
    if (type === 0x04) {
      const items = arrayItems(raw, at);
      return items && [items];
    }
    const value = readValue(raw, type, at);
    return value === UNSUPPORTED ? GIVE_UP : [value];
  }
  switch (type) {
    case 0x03: {
      const found = findElement(raw, at, path[step]);
      return found ? valueAlong(raw, found.type, found.at, path, step + 1) : [undefined];
    }
    case 0x04: // an empty array yields nothing; a path through array elements is left to the decoder
      return raw.readInt32LE(at) === 5 ? [] : GIVE_UP;
    case 0x02:
    case 0x10:
    case 0x01:
    case 0x08:
    case 0x0a:
      return [undefined]; // a path through a scalar finds nothing
    default:
      return GIVE_UP;
  }
}

/** The element named `name` in the subdocument starting at `at`. */
function findElement(raw: Buffer, at: number, name: Buffer): { type: number; at: number } | null {
  const end = at + raw.readInt32LE(at) - 1;
  let i = at + 4;
  while (i < end) {
    const type = raw[i++];
    const nameEnd = raw.indexOf(0, i);
    if (nameEnd < 0 || nameEnd >= end) return null;
    if (nameEnd - i === name.length && sameBytes(raw, i, name)) return { type, at: nameEnd + 1 };
    const size = bsonValueSize(raw, type, nameEnd + 1);
    if (size === null || size < 0) return null;
    i = nameEnd + 1 + size;
  }
  return null;
}

/** The elements of the array starting at `at` when all are scalars readValue decodes; null otherwise. */
function arrayItems(raw: Buffer, at: number): unknown[] | null {
  const end = at + raw.readInt32LE(at) - 1;
  const out: unknown[] = [];
  let i = at + 4;
  while (i < end) {
    const type = raw[i++];
    const nameEnd = raw.indexOf(0, i);
    if (nameEnd < 0 || nameEnd >= end) return null;
    const value = readValue(raw, type, nameEnd + 1);
    if (value === UNSUPPORTED) return null;
    out.push(value);
    const size = bsonValueSize(raw, type, nameEnd + 1);
    if (size === null || size < 0) return null;
    i = nameEnd + 1 + size;
  }
  return out;
}
