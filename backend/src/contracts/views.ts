import { z } from 'zod';
import { AssignmentStatus, IncidentSource, IncidentStatus, IsoDateTime, Severity } from './common.js';

// The views the web app reads, as JSON on the wire (dates are ISO strings).
// The backend's presenters are checked against these at compile time
// (`Wire<ReturnType<presenter>>` must be assignable), the web app imports the types.

/** Traffic light of a clock: green below 80 % of its limit, yellow to 100 %, red beyond. */
export const ClockLevel = z.enum(['green', 'yellow', 'red']);
export type ClockLevel = z.infer<typeof ClockLevel>;

export const ClockView = z.object({
  stage: z.enum(['accept', 'dispatch', 'handle', 'verify']),
  startedAt: IsoDateTime,
  dueAt: IsoDateTime,
  /** Working minutes left in the responsible department's calendar; negative once overdue. */
  remainingMinutes: z.number(),
  level: ClockLevel,
  departmentCode: z.string().optional(),
  escalationLevel: z.number().int(),
  acknowledgedAt: IsoDateTime.optional(),
});
export type ClockView = z.infer<typeof ClockView>;

export const AssignmentView = z.object({
  departmentCode: z.string(),
  role: z.enum(['lead', 'co']),
  status: AssignmentStatus,
  assignedAt: IsoDateTime,
  dueAt: IsoDateTime.optional(),
  /** Set while the assignment's clock runs. */
  remainingMinutes: z.number().optional(),
  level: ClockLevel.optional(),
});
export type AssignmentView = z.infer<typeof AssignmentView>;

/** A timeline entry (derived from the case's events). */
export const TimelineEntry = z.object({
  eventId: z.string().optional(),
  type: z.string(),
  at: IsoDateTime,
  actor: z.object({ id: z.string().optional(), role: z.string().optional(), name: z.string().optional() }).optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  reason: z.string().optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

/** An incident as `GET /api/incidents` lists it and the stream's `view` carries it (the fields a client may rely on). */
export const IncidentView = z.object({
  id: z.string(),
  code: z.string(),
  trackingCode: z.string(),
  status: IncidentStatus,
  version: z.number().int(),
  source: IncidentSource,
  categoryCode: z.string(),
  severity: Severity,
  title: z.string(),
  description: z.string().optional(),
  lng: z.number(),
  lat: z.number(),
  address: z.string().optional(),
  gridCode: z.string().optional(),
  communityCode: z.string().optional(),
  streetCode: z.string().optional(),
  assignments: z.array(AssignmentView),
  departmentCodes: z.array(z.string()),
  clock: ClockView.nullable(),
  reportedAt: IsoDateTime,
  closedAt: IsoDateTime.optional(),
  updatedAt: IsoDateTime.optional(),
  /** The actions the caller's role may take now (present when a principal asked). */
  actions: z.array(z.string()).optional(),
});
export type IncidentView = z.infer<typeof IncidentView>;

/** `GET /api/incidents/:id` and the answer of `POST /api/incidents/:id/:action`. */
export const IncidentDetail = IncidentView.extend({ timeline: z.array(TimelineEntry).optional() });
export type IncidentDetail = z.infer<typeof IncidentDetail>;

/** `GET /api/incidents` */
export const IncidentPage = z.object({ items: z.array(IncidentView), nextCursor: z.string().nullable() });
export type IncidentPage = z.infer<typeof IncidentPage>;

/** An item of `GET /api/categories`. */
export const CategoryView = z.object({
  code: z.string(),
  kind: z.enum(['component', 'event']),
  level: z.enum(['major', 'minor']),
  parentCode: z.string().optional(),
  name: z.string(),
  nameEn: z.string().optional(),
  defaultSeverity: Severity,
});
export type CategoryView = z.infer<typeof CategoryView>;

/** An item of `GET /api/departments`. */
export const DepartmentView = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string().optional(),
});
export type DepartmentView = z.infer<typeof DepartmentView>;
