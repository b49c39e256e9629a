import type { IncidentStatus, Severity } from '@onegrid/backend/contracts';

/** What the map needs of an incident to draw its marker (the event summary of contracts.md has all of it). */
export interface MapIncident {
  id: string;
  code: string;
  title: string;
  status: IncidentStatus;
  severity: Severity;
  lng: number;
  lat: number;
}

/** True when the incident has a usable position (unlocated cases are listed but not drawn). */
export function hasPosition(i: Pick<MapIncident, 'lng' | 'lat'>): boolean {
  return Number.isFinite(i.lng) && Number.isFinite(i.lat) && Math.abs(i.lat) <= 90 && Math.abs(i.lng) <= 180 && !(i.lng === 0 && i.lat === 0);
}
