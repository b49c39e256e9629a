import { Decimal128, Double, Int32, Long } from 'bson';
import { storeErrors } from './storeError.js';

/**
 * Arithmetic on typed BSON numbers (documents deserialized with
 * promoteValues: false), following MongoDB's type promotion: int32 op int32
 * stays int32 until it overflows into int64, int64 stays int64, any double makes
 * a double, any decimal makes a decimal.
 */

type Kind = 'int' | 'long' | 'double' | 'decimal';

function kindOf(v: unknown): Kind | null {
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 2 ** 31 ? 'int' : 'double';
  if (typeof v === 'bigint') return 'long';
  switch ((v as { _bsontype?: string } | null)?._bsontype) {
    case 'Int32':
      return 'int';
    case 'Long':
      return 'long';
    case 'Double':
      return 'double';
    case 'Decimal128':
      return 'decimal';
  }
  return null;
}

/** Whether a typed value is a number of any BSON width. */
export function isTypedNumber(v: unknown): boolean {
  return kindOf(v) !== null;
}

function asBigInt(v: unknown): bigint {
  if (typeof v === 'number') return BigInt(v);
  if (typeof v === 'bigint') return v;
  const t = (v as { _bsontype: string })._bsontype;
  if (t === 'Long') return BigInt((v as Long).toString());
  return BigInt((v as Int32).value);
}

function asDouble(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  const t = (v as { _bsontype: string })._bsontype;
  if (t === 'Long') return (v as Long).toNumber();
  if (t === 'Decimal128') return Number((v as Decimal128).toString());
  return (v as Int32 | Double).value;
}

const RANK: Record<Kind, number> = { int: 0, long: 1, double: 2, decimal: 3 };
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

function combine(a: unknown, b: unknown, op: 'add' | 'mul', opName: string): unknown {
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (!ka || !kb) throw storeErrors.typeMismatch(`Cannot apply ${opName} to a value of non-numeric type`);
  const kind = RANK[ka] >= RANK[kb] ? ka : kb;
  if (kind === 'double') return new Double(op === 'add' ? asDouble(a) + asDouble(b) : asDouble(a) * asDouble(b));
  if (kind === 'decimal') {
    const r = op === 'add' ? asDouble(a) + asDouble(b) : asDouble(a) * asDouble(b);
    return Decimal128.fromString(String(r));
  }
  const r = op === 'add' ? asBigInt(a) + asBigInt(b) : asBigInt(a) * asBigInt(b);
  if (r < INT64_MIN || r > INT64_MAX) throw storeErrors.badValue(`Failed to apply ${opName} operations: integer overflow`);
  if (kind === 'int' && r >= -(2n ** 31n) && r < 2n ** 31n) return new Int32(Number(r));
  return Long.fromBigInt(r);
}

/** a + b with MongoDB's promotion rules ($inc). */
export function addNumbers(a: unknown, b: unknown): unknown {
  return combine(a, b, 'add', '$inc');
}

/** a × b with MongoDB's promotion rules ($mul). */
export function multiplyNumbers(a: unknown, b: unknown): unknown {
  return combine(a, b, 'mul', '$mul');
}

/** Zero of the same BSON width as v ($mul on a missing field). */
export function zeroLike(v: unknown): unknown {
  switch (kindOf(v)) {
    case 'long':
      return Long.fromNumber(0);
    case 'double':
      return new Double(0);
    case 'decimal':
      return Decimal128.fromString('0');
    default:
      return new Int32(0);
  }
}
