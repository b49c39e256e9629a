/** Marker colours by stage of the closed loop: red waits for the command centre, orange is with a department, blue is being checked, grey is done. */
const STATUS_COLOR: Record<string, string> = {
  reported: '#d93025',
  accepted: '#e8710a',
  returned: '#d93025',
  dispatched: '#f29900',
  in_progress: '#f29900',
  postponement_requested: '#f29900',
  suspended: '#9334e6',
  reopened: '#d93025',
  resolved: '#1a73e8',
  verifying: '#1a73e8',
  closed: '#5f6368',
  evaluated: '#5f6368',
  rejected: '#9aa0a6',
  merged: '#9aa0a6',
};

const SEVERITY_RADIUS: Record<string, number> = { critical: 11, major: 9, minor: 7, warning: 6 };

/** Circle-marker options for an incident (pure: no Leaflet import). */
export function markerStyle(status: string, severity: string): { color: string; fillColor: string; radius: number; weight: number; fillOpacity: number } {
  const color = STATUS_COLOR[status] ?? '#5f6368';
  return { color: '#ffffff', fillColor: color, radius: SEVERITY_RADIUS[severity] ?? 7, weight: 2, fillOpacity: 0.9 };
}

/** Basemap layer styles by layer id (roads, blocks, water …), for the offline vector basemap. */
export function basemapStyle(layerId: string): { color: string; weight: number; fillColor: string; fillOpacity: number; opacity: number } {
  if (layerId.includes('water')) return { color: '#8ab4f8', weight: 1, fillColor: '#aecbfa', fillOpacity: 0.8, opacity: 1 };
  if (layerId.includes('road')) return { color: '#ffffff', weight: layerId.includes('main') ? 6 : 3, fillColor: '#ffffff', fillOpacity: 0, opacity: 1 };
  if (layerId.includes('green') || layerId.includes('park')) return { color: '#a8dab5', weight: 0, fillColor: '#ceead6', fillOpacity: 0.9, opacity: 1 };
  return { color: '#e0ddd5', weight: 1, fillColor: '#efebe3', fillOpacity: 0.9, opacity: 1 };
}
