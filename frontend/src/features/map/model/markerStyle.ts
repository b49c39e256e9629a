import type { Severity } from '@onegrid/backend/contracts';
/**
 * Marker colours by stage of the closed loop: red waits for the command
 * centre, orange is with a department, blue is being checked, grey is done,
 * purple is on the pending register (挂账).
 */
export const STATUS_COLOR: Readonly<Record<string, string>> = {
  reported: '#d93025',
  returned: '#d93025',
  reopened: '#d93025',
  accepted: '#e8710a',
  dispatched: '#f29900',
  in_progress: '#f29900',
  postponement_requested: '#f29900',
  suspended: '#9334e6',
  resolved: '#1a73e8',
  verifying: '#1a73e8',
  closed: '#5f6368',
  evaluated: '#5f6368',
  rejected: '#9aa0a6',
  merged: '#9aa0a6',
};

/** The legend's groups: one colour each, with the i18n key of its label. */
export const LEGEND: readonly { color: string; labelKey: string }[] = [
  { color: '#d93025', labelKey: 'legend.waiting' },
  { color: '#e8710a', labelKey: 'status.accepted' },
  { color: '#f29900', labelKey: 'legend.handling' },
  { color: '#1a73e8', labelKey: 'legend.checking' },
  { color: '#9334e6', labelKey: 'status.suspended' },
  { color: '#5f6368', labelKey: 'legend.done' },
];

/** Radius in pixels by severity: the more urgent, the bigger. */
const SEVERITY_RADIUS: Readonly<Record<Severity, number>> = { critical: 11, major: 9, minor: 7, warning: 6 };
const FINAL = new Set(['closed', 'evaluated', 'rejected', 'merged']);

export interface CircleStyle {
  color: string;
  fillColor: string;
  radius: number;
  weight: number;
  opacity: number;
  fillOpacity: number;
}

/** Circle-marker options for an incident: fill by status, size by severity, a dark ring when selected, faded once final. Pure: no Leaflet import. */
export function markerStyle(status: string, severity: string, selected = false): CircleStyle {
  const radius = SEVERITY_RADIUS[severity as Severity] ?? 7;
  return {
    color: selected ? '#202124' : '#ffffff',
    fillColor: STATUS_COLOR[status] ?? '#5f6368',
    radius: selected ? radius + 4 : radius,
    weight: selected ? 3 : 2,
    opacity: 1,
    fillOpacity: FINAL.has(status) && !selected ? 0.55 : 0.9,
  };
}
