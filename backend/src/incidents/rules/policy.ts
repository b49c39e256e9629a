import type { Connection } from 'mongoose';

/** One rung of the escalation ladder: who is called when the previous rung did not acknowledge in time. */
export interface EscalationRung {
  /** 1 = first rung. */
  level: number;
  /** Who is called: the shift supervisor (值班长), the street command summoning the departments (吹哨报到), the district. */
  to: 'supervisor' | 'street' | 'district';
  /** Working minutes this rung has to acknowledge before the next rung is called (吹哨报到: report within 30 min). */
  responseMinutes: number;
}

/**
 * District policy for the closed loop: data, not code, so each district can
 * differ. Stored as the `settings` document `_id: 'incidentPolicy'` (any field
 * may be left out: the defaults below fill it in).
 */
export interface IncidentPolicy {
  escalation: EscalationRung[];
  /** A resident's "dissatisfied" rating reopens a closed case (返工) instead of evaluating it. */
  reopenOnDissatisfied: boolean;
  /** Working minutes a department has to reply to supervision (督办) when the supervisor gives none. */
  supervisionReplyMinutes: number;
  /** Longest postponement one request may ask for, in working minutes. */
  maxPostponeMinutes: number;
  /** Resident complaints accepted per client address and hour. */
  complaintsPerHour: number;
}

export const DEFAULT_INCIDENT_POLICY: Readonly<IncidentPolicy> = Object.freeze<IncidentPolicy>({
  escalation: [
    { level: 1, to: 'supervisor', responseMinutes: 30 },
    { level: 2, to: 'street', responseMinutes: 30 },
    { level: 3, to: 'district', responseMinutes: 60 },
  ],
  reopenOnDissatisfied: true,
  supervisionReplyMinutes: 4 * 60,
  maxPostponeMinutes: 20 * 8 * 60,
  complaintsPerHour: 10,
});

/** How long a loaded policy is trusted before the next read re-loads it. */
export const POLICY_CACHE_TTL_MS = 60_000;

const cache = new WeakMap<Connection, { at: number; policy: IncidentPolicy }>();

/** The district's incident policy: the `settings/incidentPolicy` document over the defaults, cached per connection. */
export async function incidentPolicy(conn: Connection, nowMs = Date.now()): Promise<IncidentPolicy> {
  const hit = cache.get(conn);
  if (hit && nowMs - hit.at < POLICY_CACHE_TTL_MS) return hit.policy;
  const stored = await conn.collection('settings').findOne({ _id: 'incidentPolicy' as never }, { projection: { _id: 0 } });
  const policy: IncidentPolicy = { ...DEFAULT_INCIDENT_POLICY, ...((stored ?? {}) as Partial<IncidentPolicy>) };
  policy.escalation = [...policy.escalation].sort((a, b) => a.level - b.level);
  cache.set(conn, { at: nowMs, policy });
  return policy;
}

/** Forgets the cached policy of a connection (after an admin edit, or in tests). */
export function invalidateIncidentPolicy(conn: Connection): void {
  cache.delete(conn);
}
