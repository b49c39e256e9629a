/** The map summary every incident event carries (contracts.md). */
export interface IncidentSummary {
  id: string;
  code: string;
  status: string;
  categoryCode: string;
  severity: string;
  title: string;
  lng: number;
  lat: number;
  gridCode?: string | null;
  departmentCodes?: string[];
  reportedAt: string;
}

export type ClockLevel = 'green' | 'yellow' | 'red';

/** A timeline entry as `GET /api/incidents/:id` returns it (derived from the case's events). */
export interface TimelineEntry {
  eventId?: string;
  type: string;
  at: string;
  actor?: { id?: string; role?: string; name?: string };
  from?: string;
  to?: string;
  reason?: string;
  data?: Record<string, unknown>;
}

export interface Assignment {
  departmentCode: string;
  role: 'lead' | 'co';
  status: string;
  level?: ClockLevel;
  remainingMinutes?: number;
}

/** An incident as the list and detail endpoints return it (the fields the UI uses). */
export interface IncidentView extends IncidentSummary {
  version: number;
  source: string;
  description?: string;
  address?: string;
  trackingCode?: string;
  assignments?: Assignment[];
  clock?: { stage: string; dueAt: string; remainingMinutes: number; level: ClockLevel } | null;
  actions?: string[];
  timeline?: TimelineEntry[];
}

/** The part of a live stream event the list needs. */
export interface IncidentEvent {
  type: string;
  data?: { incident?: IncidentSummary } & Record<string, unknown>;
}

/** A category as `GET /api/categories` lists it. */
export interface Category {
  code: string;
  name: string;
  nameEn?: string;
}

export interface Department {
  code: string;
  name: string;
  nameEn?: string;
}
