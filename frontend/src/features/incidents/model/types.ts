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
  gridCode?: string;
  departmentCodes?: string[];
  reportedAt: string;
}

/** An incident as the list and detail endpoints return it (the fields the UI uses). */
export interface IncidentView extends IncidentSummary {
  version: number;
  source: string;
  description?: string;
  trackingCode?: string;
  clock?: { stage: string; dueAt: string | null; remainingMinutes: number | null; level: 'green' | 'yellow' | 'red' } | null;
  actions?: string[];
  timeline?: { at: string; action?: string; from?: string; to?: string; actor?: { name?: string; role?: string }; reason?: string; note?: string }[];
}

/** A live event from /api/stream. */
export interface StreamEvent {
  seq: number;
  type: string;
  aggregateId: string;
  data: { incident?: IncidentSummary } & Record<string, unknown>;
}
