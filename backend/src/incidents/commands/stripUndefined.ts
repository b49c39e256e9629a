/**
 * A copy of a value without `undefined` members in plain objects (arrays keep
 * their length; Dates, ObjectIds and other class instances pass through), so the
 * driver never stores `null` where the model means "absent".
 */
export function stripUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => stripUndefined(v)) as T;
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (v !== undefined) out[k] = stripUndefined(v);
  return out as T;
}
