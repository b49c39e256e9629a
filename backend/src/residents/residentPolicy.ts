import type { Connection } from 'mongoose';

/**
 * District policy for the public resident pages: data, not code. Stored as the
 * `settings` document `_id: 'residentPolicy'`; any field left out takes the
 * default below. (Whether a dissatisfied rating may reopen a case is the
 * incident policy's `reopenOnDissatisfied`.)
 */
export interface ResidentPolicy {
  /** Tracking-code look-ups (and ratings) per client address and minute: makes guessing codes hopeless. */
  trackLookupsPerMinute: number;
  /** "Follow this one" requests per client address and hour. */
  followsPerHour: number;
  /** Closed cases stay on the public reports map this many days after closing. */
  recentlyClosedDays: number;
  /** Most points one public map answer carries (newest first). */
  mapLimit: number;
}

export const DEFAULT_RESIDENT_POLICY: Readonly<ResidentPolicy> = Object.freeze({
  trackLookupsPerMinute: 30,
  followsPerHour: 20,
  recentlyClosedDays: 30,
  mapLimit: 2000,
});

const TTL_MS = 60_000;
const cache = new WeakMap<Connection, { at: number; policy: ResidentPolicy }>();

/** The district's resident policy: `settings/residentPolicy` over the defaults, cached per connection for a minute. */
export async function residentPolicy(conn: Connection, nowMs = Date.now()): Promise<ResidentPolicy> {
  const hit = cache.get(conn);
  if (hit && nowMs - hit.at < TTL_MS) return hit.policy;
  const stored = await conn.collection('settings').findOne({ _id: 'residentPolicy' as never }, { projection: { _id: 0 } });
  const policy: ResidentPolicy = { ...DEFAULT_RESIDENT_POLICY, ...((stored ?? {}) as Partial<ResidentPolicy>) };
  cache.set(conn, { at: nowMs, policy });
  return policy;
}

/** Forgets the cached policy (after an admin edit, or in tests). */
export function invalidateResidentPolicy(conn: Connection): void {
  cache.delete(conn);
}
