import { inject } from 'vitest';
import { randomBytes } from 'node:crypto';

/** The MongoDB URI of the test run's store (embedded, or real when MONGODB_URI is set). */
export function storeUri(): string {
  return inject('mongoUri');
}

/** A URI for a fresh, uniquely named database on the test run's store, so test files never share data. */
export function freshDbUri(prefix = 't'): { uri: string; dbName: string } {
  const dbName = `${prefix}_${randomBytes(5).toString('hex')}`;
  const base = new URL(storeUri());
  base.pathname = `/${dbName}`;
  return { uri: base.toString(), dbName };
}
