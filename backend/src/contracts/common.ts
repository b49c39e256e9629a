import { z } from 'zod';
import { ASSIGNMENT_STATUSES, INCIDENT_SOURCES, INCIDENT_STATUSES, SEVERITIES } from './names.js';

// Building blocks shared by the wire contracts. This folder imports nothing but
// zod: the backend, the device gateway and the web app all import it.

export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

export const IncidentStatus = z.enum(INCIDENT_STATUSES);
export type IncidentStatus = z.infer<typeof IncidentStatus>;

export const IncidentSource = z.enum(INCIDENT_SOURCES);
export type IncidentSource = z.infer<typeof IncidentSource>;

export const AssignmentStatus = z.enum(ASSIGNMENT_STATUSES);
export type AssignmentStatus = z.infer<typeof AssignmentStatus>;

export const Lng = z.number().min(-180).max(180);
export const Lat = z.number().min(-90).max(90);
/** An instant on the wire: ISO 8601 with `Z` or an offset. */
export const IsoDateTime = z.iso.datetime({ offset: true });
/** The sender's idempotency key of one uplink message. */
export const MessageId = z.string().min(1).max(128);
export const DeviceId = z.string().min(1).max(128);
export const Username = z.string().min(1).max(64);
/** A category code of the national standard (5 digits). */
export const CategoryCode = z.string().regex(/^\d{5}$/);
