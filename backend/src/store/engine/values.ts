import { Long } from 'bson';

/**
 * Value semantics of the store, on "view" values: documents deserialized with
 * bson's default promotion (Int32/Double → number, Int64 → number when it fits
 * 53 bits, otherwise Long; Decimal128, ObjectId, Binary … as bson classes).
 * Order and equality follow MongoDB's BSON comparison order.
 */

/** A plain document as the store handles it. */
export type Doc = Record<string, unknown>;

const TYPE_RANK: Record<string, number> = {
  minkey: 1,
  null: 2,
  number: 3,
  string: 4,
  object: 5,
  array: 6,
  binary: 7,
  objectid: 8,
  boolean: 9,
  date: 10,
  timestamp: 11,
  regexp: 12,
  maxkey: 13,
};

/** The BSON type family of a view value, as used for ordering (numbers of every width share one family). */
export function typeFamily(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return 'number';
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
  }
  if (Array.isArray(v)) return 'array';
  if (v instanceof Date) return 'date';
  if (v instanceof RegExp) return 'regexp';
  const bsonType = (v as { _bsontype?: string })._bsontype;
  switch (bsonType) {
    case 'Long':
    case 'Int32':
    case 'Double':
    case 'Decimal128':
      return 'number';
    case 'ObjectId':
      return 'objectid';
    case 'Binary':
    case 'UUID':
      return 'binary';
    case 'Timestamp':
      return 'timestamp';
    case 'BSONRegExp':
      return 'regexp';
    case 'MinKey':
      return 'minkey';
    case 'MaxKey':
      return 'maxkey';
    case 'BSONSymbol':
      return 'string';
  }
  if (v instanceof Uint8Array) return 'binary';
  return 'object';
}

/** The exact numeric value as bigint when integral, for exact comparison beyond 2^53. */
function exactInteger(v: unknown): bigint | null {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v) : null;
  const t = (v as { _bsontype?: string })._bsontype;
  if (t === 'Long') return BigInt((v as Long).toString());
  if (t === 'Int32') return BigInt((v as { value: number }).value);
  return null;
}

/** A view number as a JS double (approximate for Int64 beyond 2^53 and Decimal128). */
export function toDouble(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  const t = (v as { _bsontype?: string })._bsontype;
  if (t === 'Long') return (v as Long).toNumber();
  if (t === 'Decimal128') return Number((v as object).toString());
  if (t === 'Int32' || t === 'Double') return (v as { value: number }).value;
  return Number.NaN;
}

function compareNumbers(a: unknown, b: unknown): number {
  const ia = exactInteger(a);
  const ib = exactInteger(b);
  if (ia !== null && ib !== null) return ia < ib ? -1 : ia > ib ? 1 : 0;
  const da = toDouble(a);
  const db = toDouble(b);
  if (Number.isNaN(da)) return Number.isNaN(db) ? 0 : -1; // NaN sorts below every number
  if (Number.isNaN(db)) return 1;
  return da < db ? -1 : da > db ? 1 : 0;
}

/** bson 7 keeps an ObjectId as four big-endian 24-bit integers (`i0`…`i3`); older versions only as bytes. */
interface ObjectIdParts {
  id: Uint8Array;
  i0?: number;
  i1?: number;
  i2?: number;
  i3?: number;
}

/** ObjectIds in byte order (the order of their hex strings), without allocating. */
function compareObjectIds(a: ObjectIdParts, b: ObjectIdParts): number {
  if (typeof a.i0 === 'number' && typeof b.i0 === 'number') {
    return Math.sign(a.i0 - b.i0 || a.i1! - b.i1! || a.i2! - b.i2! || a.i3! - b.i3!);
  }
  return compareBytes(a.id, b.id);
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

function binaryBytes(v: unknown): Uint8Array {
  if (v instanceof Uint8Array) return v;
  const bin = v as { buffer: Uint8Array; position?: number };
  return bin.buffer.subarray(0, bin.position ?? bin.buffer.length);
}

/** MongoDB's total order over BSON values (arrays compared element-wise, documents field by field). */
export function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'number' && typeof b === 'number' && a === a && b === b) return a < b ? -1 : a > b ? 1 : 0;
  const fa = typeFamily(a);
  const fb = typeFamily(b);
  if (fa !== fb) return TYPE_RANK[fa] - TYPE_RANK[fb];
  switch (fa) {
    case 'null':
    case 'minkey':
    case 'maxkey':
      return 0;
    case 'number':
      return compareNumbers(a, b);
    case 'string': {
      const sa = String(a);
      const sb = String(b);
      return sa < sb ? -1 : sa > sb ? 1 : 0;
    }
    case 'boolean':
      return a === b ? 0 : a ? 1 : -1;
    case 'date':
      return Math.sign((a as Date).getTime() - (b as Date).getTime());
    case 'objectid': {
      return compareObjectIds(a as ObjectIdParts, b as ObjectIdParts);
    }
    case 'timestamp':
      return compareNumbers(a, b);
    case 'binary':
      return compareBytes(binaryBytes(a), binaryBytes(b));
    case 'regexp': {
      const ra = String(a);
      const rb = String(b);
      return ra < rb ? -1 : ra > rb ? 1 : 0;
    }
    case 'array': {
      const xa = a as unknown[];
      const xb = b as unknown[];
      for (let i = 0; i < Math.min(xa.length, xb.length); i++) {
        const c = compareValues(xa[i], xb[i]);
        if (c !== 0) return c;
      }
      return Math.sign(xa.length - xb.length);
    }
    default: {
      const ka = Object.keys(a as object);
      const kb = Object.keys(b as object);
      for (let i = 0; i < Math.min(ka.length, kb.length); i++) {
        const va = (a as Doc)[ka[i]];
        const vb = (b as Doc)[kb[i]];
        const byType = TYPE_RANK[typeFamily(va)] - TYPE_RANK[typeFamily(vb)];
        if (byType !== 0) return byType;
        if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
        const c = compareValues(va, vb);
        if (c !== 0) return c;
      }
      return Math.sign(ka.length - kb.length);
    }
  }
}

/** Two ASCII hex digits per byte value. */
const HEX_CODES = (() => {
  const codes = new Uint8Array(512);
  for (let i = 0; i < 256; i++) codes.set(Buffer.from(i.toString(16).padStart(2, '0'), 'latin1'), 2 * i);
  return codes;
})();
const objectIdKeyScratch = Buffer.from('o'.padEnd(25, '0'), 'latin1');

/**
 * valueKey() of the ObjectId whose 12 bytes start at `bytes[at]`: "o" and 24
 * hex digits, made as one flat string (a concatenation would be a rope that
 * every map lookup and comparison must first flatten: ids are the keys of
 * every collection's map and the last part of every index key).
 */
export function objectIdKey(bytes: Uint8Array, at = 0): string {
  const out = objectIdKeyScratch;
  for (let i = 0; i < 12; i++) {
    const v = bytes[at + i];
    out[1 + 2 * i] = HEX_CODES[2 * v];
    out[2 + 2 * i] = HEX_CODES[2 * v + 1];
  }
  return out.toString('latin1', 0, 25);
}

/** A string that is equal for two values exactly when MongoDB considers them equal (Int32 5 = Int64 5 = 5.0). */
export function valueKey(v: unknown): string {
  const f = typeFamily(v);
  switch (f) {
    case 'null':
      return 'z';
    case 'number': {
      const i = exactInteger(v);
      return i !== null ? `n${i}` : `n${toDouble(v)}`;
    }
    case 'string':
      return `s${String(v)}`;
    case 'boolean':
      return v ? 'b1' : 'b0';
    case 'date':
      return `d${(v as Date).getTime()}`;
    case 'objectid':
      return objectIdKey((v as { id: Uint8Array }).id);
    case 'binary':
      return `x${Buffer.from(binaryBytes(v)).toString('hex')}`;
    case 'array':
      return `a[${(v as unknown[]).map(valueKey).join(',')}]`;
    case 'object':
      return `{${Object.entries(v as Doc)
        .map(([k, x]) => `${JSON.stringify(k)}:${valueKey(x)}`)
        .join(',')}}`;
    default:
      return `${f}:${String(v)}`;
  }
}

/** Reads a dotted path from a view document; arrays along the path fan out (MongoDB semantics), so several values may come back. */
export function valuesAtPath(doc: unknown, path: string): unknown[] {
  const out: unknown[] = [];
  walkPath(doc, path.split('.'), 0, out);
  return out;
}

function walkPath(node: unknown, parts: string[], i: number, out: unknown[]): void {
  if (i === parts.length) {
    out.push(node);
    return;
  }
  if (Array.isArray(node)) {
    const idx = /^\d+$/.test(parts[i]) ? Number(parts[i]) : -1;
    if (idx >= 0) {
      if (idx < node.length) walkPath(node[idx], parts, i + 1, out);
      return;
    }
    for (const el of node) if (el !== null && typeof el === 'object') walkPath(el, parts, i, out);
    return;
  }
  if (node === null || typeof node !== 'object') {
    out.push(undefined);
    return;
  }
  const next = (node as Doc)[parts[i]];
  if (next === undefined) {
    out.push(undefined);
    return;
  }
  walkPath(next, parts, i + 1, out);
}

/** Converts a Long-ish count option (number, Long, Int32) to a JS number. */
export function asNumber(v: unknown, fallback = 0): number {
  if (v === undefined || v === null) return fallback;
  const d = toDouble(v);
  return Number.isNaN(d) ? fallback : d;
}

export { Long };
