import { randomUUID } from 'node:crypto';

/**
 * One domain event. Commands push it into the aggregate's `outbox` in the same
 * single-document update as the state change; the relay copies it into the
 * `events` collection with a monotonic `seq` and pulls it from the outbox.
 */
export interface DomainEvent {
  /** Globally unique; the relay's idempotency key. */
  id: string;
  /** Dotted name, e.g. `incident.reported`, `incident.dispatched`, `device.status`. */
  type: string;
  aggregate: 'incident' | 'device' | 'user' | 'system';
  aggregateId: string;
  at: Date;
  actor?: { id: string; role: string; name?: string };
  data: Record<string, unknown>;
  /** Who may see it on the live stream: commanders/supervisors/admins see everything; departments and workers by these lists. */
  scope: { departmentCodes: string[]; gridCodes: string[] };
}

/** An event after the relay appended it to `events`. */
export interface StoredEvent extends DomainEvent {
  seq: number;
}

/** Builds a new event with a fresh id. */
export function newEvent(fields: Omit<DomainEvent, 'id'>): DomainEvent {
  return { id: randomUUID(), ...fields };
}
