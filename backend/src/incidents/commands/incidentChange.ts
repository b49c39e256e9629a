import { newEvent, type DomainEvent, type Principal } from '../../kernel/index.js';
import { OPEN_STATUSES, type Incident, type IncidentStatus, type TimelineEntry } from '../../models/index.js';
import { nextMonitorAt } from '../caseClock.js';
import { incidentSummary } from '../rules/summary.js';

/**
 * One state change of an incident: the event type, the new status (or none),
 * the top-level fields it sets (a value of `undefined` unsets the field), and
 * the who/why the audit entry records.
 */
export interface IncidentChange {
  type: string;
  to?: IncidentStatus;
  /** The change that creates the incident: its event and entry have no `from`. */
  created?: boolean;
  set?: Partial<Incident>;
  reason?: string;
  attachments?: string[];
  /** Action-specific facts, spread into the event's `data` (e.g. `data.workerIds`) and kept as the entry's `data`. */
  detail?: Record<string, unknown>;
}

/** A change made concrete: the incident after it, its single event and single audit entry, and the MongoDB update. */
export interface BuiltChange {
  next: Incident;
  event: DomainEvent;
  entry: TimelineEntry;
  set: Record<string, unknown>;
  unset: Record<string, ''>;
}

/** The actor block of events and audit entries for a principal. */
export function actorOf(p: Principal): { id: string; role: string; name?: string } {
  return { id: p.id, role: p.role, name: p.displayName };
}

/**
 * Applies a change to an incident in memory and derives everything a write
 * needs: the denormalised fields (`open`, `departmentCodes`, `monitorAt`), one
 * event with the map summary and scope, and the audit entry derived from that
 * event (so the timeline can be rebuilt from `events` identically).
 */
export function buildChange(incident: Incident, change: IncidentChange, principal: Principal, at: Date): BuiltChange {
  const from = change.created ? undefined : incident.status;
  const to = change.to ?? incident.status;
  const next: Incident = { ...incident, ...(change.set ?? {}), status: to };
  next.open = OPEN_STATUSES.includes(to);
  const codes = new Set(incident.departmentCodes ?? []);
  for (const a of next.assignments) codes.add(a.departmentCode);
  next.departmentCodes = [...codes];
  next.monitorAt = next.open ? nextMonitorAt(next) : undefined;

  const event = newEvent({
    type: change.type,
    aggregate: 'incident',
    aggregateId: String(incident._id),
    at,
    actor: actorOf(principal),
    data: {
      ...(change.detail ?? {}),
      from,
      to,
      ...(change.reason ? { reason: change.reason } : {}),
      ...(change.attachments?.length ? { attachments: change.attachments } : {}),
      incident: incidentSummary(next),
    },
    scope: { departmentCodes: next.departmentCodes, gridCodes: next.gridCode ? [next.gridCode] : [] },
  });
  const entry = timelineEntryFromEvent(event);

  const set: Record<string, unknown> = { status: to, open: next.open, departmentCodes: next.departmentCodes };
  const unset: Record<string, ''> = {};
  const fields: Record<string, unknown> = { ...(change.set ?? {}), monitorAt: next.monitorAt };
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) unset[key] = '';
    else set[key] = value;
  }
  return { next: { ...next, timeline: [...(incident.timeline ?? []), entry], outbox: [...(incident.outbox ?? []), event] }, event, entry, set, unset };
}

/** The audit entry an event stands for; the stored timeline is exactly these entries in event order. */
export function timelineEntryFromEvent(event: Pick<DomainEvent, 'id' | 'type' | 'at' | 'actor' | 'data'>): TimelineEntry {
  const { from, to, reason, attachments, incident: _summary, ...detail } = event.data as {
    from?: IncidentStatus;
    to?: IncidentStatus;
    reason?: string;
    attachments?: string[];
    incident?: unknown;
  } & Record<string, unknown>;
  const entry: TimelineEntry = { eventId: event.id, type: event.type, at: new Date(event.at) };
  if (event.actor) entry.actor = event.actor;
  if (from) entry.from = from;
  if (to) entry.to = to;
  if (reason) entry.reason = reason;
  if (attachments?.length) entry.attachments = attachments;
  const facts = Object.fromEntries(Object.entries(detail).filter(([, v]) => v !== undefined));
  if (Object.keys(facts).length) entry.data = facts;
  return entry;
}
