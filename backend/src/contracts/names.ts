// The names on the wire (enums and event types) as plain constants, without
// zod: the web app's bundle imports this module (`@onegrid/backend/contracts/names`)
// when it needs a value; everything else of the contracts it imports as types.

export const SEVERITIES = ['critical', 'major', 'minor', 'warning'] as const;

export const INCIDENT_STATUSES = [
  'reported',
  'accepted',
  'rejected',
  'merged',
  'dispatched',
  'in_progress',
  'returned',
  'postponement_requested',
  'suspended',
  'resolved',
  'verifying',
  'closed',
  'reopened',
  'evaluated',
] as const;

export const INCIDENT_SOURCES = ['device', 'worker', 'resident', 'operator', 'open311'] as const;

export const ASSIGNMENT_STATUSES = ['assigned', 'in_progress', 'resolved', 'returned', 'postponement_requested', 'suspended'] as const;

/** Every incident event type, the one list (the stream names each SSE frame after its type). */
export const INCIDENT_EVENT_TYPES = [
  'incident.reported',
  'incident.accepted',
  'incident.rejected',
  'incident.dispatched',
  'incident.started',
  'incident.returned',
  'incident.postponement_requested',
  'incident.postponement_approved',
  'incident.postponement_denied',
  'incident.suspended',
  'incident.resolved',
  'incident.verifying',
  'incident.verified',
  'incident.closed',
  'incident.reopened',
  'incident.evaluated',
  'incident.merged',
  'incident.unmerged',
  'incident.supervised',
  'incident.replied',
  'incident.acknowledged',
  'incident.rated',
  'incident.deadline_warning',
  'incident.deadline_breached',
  'incident.escalated',
] as const;
export type IncidentEventType = (typeof INCIDENT_EVENT_TYPES)[number];

/** Every domain event type. A new kind of event is added here first. */
export const EVENT_TYPES = [...INCIDENT_EVENT_TYPES, 'device.status'] as const;
