import { z } from 'zod';
import { IncidentStatus, IsoDateTime, Severity } from './common.js';
import { IncidentView } from './views.js';
import { EVENT_TYPES } from './names.js';

export const EventType = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof EventType>;

/** The map summary every incident event carries in `data.incident`, so a map can draw a marker without a request. */
export const IncidentSummary = z.object({
  id: z.string(),
  code: z.string(),
  status: IncidentStatus,
  categoryCode: z.string(),
  severity: Severity,
  title: z.string(),
  lng: z.number(),
  lat: z.number(),
  gridCode: z.string().nullish(),
  departmentCodes: z.array(z.string()),
  reportedAt: IsoDateTime,
});
export type IncidentSummary = z.infer<typeof IncidentSummary>;

/**
 * One frame of `GET /api/stream` (`id: <seq>`, `event: <type>`, `data:` this as JSON):
 * a stored domain event. Incident events also carry `view`, the case's list view as
 * the receiving principal sees it (clock, assignments, actions) at send time, so a
 * client updates its list without asking for the case.
 */
export const StreamEvent = z.object({
  seq: z.number().int(),
  id: z.string(),
  type: EventType,
  aggregate: z.enum(['incident', 'device', 'user', 'system']),
  aggregateId: z.string(),
  at: IsoDateTime,
  actor: z.object({ id: z.string(), role: z.string(), name: z.string().optional() }).optional(),
  data: z.record(z.string(), z.unknown()).and(z.object({ incident: IncidentSummary.optional() })),
  scope: z.object({ departmentCodes: z.array(z.string()), gridCodes: z.array(z.string()) }).optional(),
  view: IncidentView.optional(),
});
export type StreamEvent = z.infer<typeof StreamEvent>;
