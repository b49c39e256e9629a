import type { Incident } from '../../models/index.js';

/** The map summary every incident event carries in `data.incident` (contracts.md), so a map can draw a marker at once. */
export interface IncidentSummary {
  id: string;
  code: string;
  status: Incident['status'];
  categoryCode: string;
  severity: Incident['severity'];
  title: string;
  lng: number;
  lat: number;
  gridCode?: string;
  departmentCodes: string[];
  reportedAt: Date;
}

/** The map summary of an incident (as it is after the change the event records). */
export function incidentSummary(i: Incident): IncidentSummary {
  return {
    id: String(i._id),
    code: i.code,
    status: i.status,
    categoryCode: i.categoryCode,
    severity: i.severity,
    title: i.title,
    lng: i.lng,
    lat: i.lat,
    gridCode: i.gridCode,
    departmentCodes: activeDepartmentCodes(i),
    reportedAt: i.reportedAt,
  };
}

/** Assignment states in which a department still has work to do on the case. */
export const ACTIVE_ASSIGNMENT: readonly string[] = ['assigned', 'in_progress', 'postponement_requested', 'suspended'];

/** The departments currently working the case (lead first). */
export function activeDepartmentCodes(i: Pick<Incident, 'assignments'>): string[] {
  return i.assignments.filter((a) => ACTIVE_ASSIGNMENT.includes(a.status)).map((a) => a.departmentCode);
}
