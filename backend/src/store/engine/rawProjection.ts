/**
 * Projection of top-level fields directly on BSON bytes: elements are copied
 * or skipped without deserializing anything, so a list that drops a large
 * field (a timeline, an outbox) costs a byte copy per document.
 */

function cstringEnd(buf: Buffer, at: number): number {
  const end = buf.indexOf(0, at);
  if (end < 0) throw new Error('malformed BSON: unterminated cstring');
  return end;
}

/** Size in bytes of an element's value of BSON type `type` starting at `at`. */
function valueSize(buf: Buffer, type: number, at: number): number {
  switch (type) {
    case 0x01: // double
    case 0x09: // date
    case 0x11: // timestamp
    case 0x12: // int64
      return 8;
    case 0x02: // string
    case 0x0d: // javascript code
    case 0x0e: // symbol
      return 4 + buf.readInt32LE(at);
    case 0x03: // document
    case 0x04: // array
    case 0x0f: // code with scope
      return buf.readInt32LE(at);
    case 0x05: // binary
      return 4 + 1 + buf.readInt32LE(at);
    case 0x06: // undefined
    case 0x0a: // null
    case 0xff: // min key
    case 0x7f: // max key
      return 0;
    case 0x07: // ObjectId
      return 12;
    case 0x08: // boolean
      return 1;
    case 0x0b: {
      // regex: two cstrings
      const first = cstringEnd(buf, at);
      return cstringEnd(buf, first + 1) + 1 - at;
    }
    case 0x0c: // DBPointer
      return 4 + buf.readInt32LE(at) + 12;
    case 0x10: // int32
      return 4;
    case 0x13: // decimal128
      return 16;
    default:
      throw new Error(`malformed BSON: unknown element type ${type}`);
  }
}

/** Whether a projection only includes or only excludes top-level fields (so it can run on bytes). */
export function isTopLevelProjection(projection: Record<string, unknown>): boolean {
  const entries = Object.entries(projection);
  if (entries.length === 0) return false;
  if (!entries.every(([k, v]) => !k.includes('.') && !k.startsWith('$') && (typeof v === 'number' || typeof v === 'boolean'))) return false;
  const nonId = entries.filter(([k]) => k !== '_id');
  return nonId.every(([, v]) => Boolean(v)) || nonId.every(([, v]) => !v);
}

/** Applies a top-level inclusion or exclusion projection to a BSON document's bytes. */
export function projectTopLevel(raw: Buffer, projection: Record<string, unknown>): Buffer {
  return topLevelProjector(projection)(raw);
}

/**
 * Compiles a top-level projection once for many documents. Field names are
 * compared in their latin1 reading of the UTF-8 bytes (one byte per char, the
 * cheapest decoding), so non-ASCII names still compare exactly; kept elements
 * are copied in runs into one buffer.
 */
export function topLevelProjector(projection: Record<string, unknown>): (raw: Buffer) => Buffer {
  const nonId = Object.entries(projection).filter(([k]) => k !== '_id');
  const inclusive = nonId.length > 0 && nonId.every(([, v]) => Boolean(v));
  const listed = new Set(nonId.map(([k]) => Buffer.from(k, 'utf8').toString('latin1')));
  const keepId = projection._id === undefined ? true : Boolean(projection._id);
  return (raw) => {
    const out = Buffer.allocUnsafe(raw.length);
    let size = 4;
    let at = 4;
    const end = raw.readInt32LE(0) - 1;
    while (at < end) {
      const type = raw[at];
      const nameEnd = cstringEnd(raw, at + 1);
      const name = raw.toString('latin1', at + 1, nameEnd);
      const next = nameEnd + 1 + valueSize(raw, type, nameEnd + 1);
      const keep = name === '_id' ? keepId : inclusive ? listed.has(name) : !listed.has(name);
      if (keep) size += raw.copy(out, size, at, next);
      at = next;
    }
    out[size] = 0;
    size += 1;
    out.writeInt32LE(size, 0);
    return out.subarray(0, size);
  };
}
