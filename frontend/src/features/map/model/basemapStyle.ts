export interface PathStyle {
  color: string;
  weight: number;
  opacity: number;
  fill: boolean;
  fillColor: string;
  fillOpacity: number;
}

const none = { fill: false, fillColor: '#000000', fillOpacity: 0 };

/**
 * Offline basemap styles by layer id (the seed's `water`, `blocks`,
 * `minor-roads`, `main-roads`, plus any layer whose id contains one of these
 * words). Unknown layers get a neutral outline. Pure: no Leaflet import.
 */
const STYLES: readonly [string, PathStyle][] = [
  ['water', { color: '#8ab4f8', weight: 1, opacity: 1, fill: true, fillColor: '#aecbfa', fillOpacity: 0.9 }],
  ['green', { color: '#a8dab5', weight: 0, opacity: 1, fill: true, fillColor: '#ceead6', fillOpacity: 0.9 }],
  ['park', { color: '#a8dab5', weight: 0, opacity: 1, fill: true, fillColor: '#ceead6', fillOpacity: 0.9 }],
  ['block', { color: '#e3ded4', weight: 1, opacity: 1, fill: true, fillColor: '#ece8df', fillOpacity: 1 }],
  ['main-road', { color: '#ffffff', weight: 6, opacity: 1, ...none }],
  ['road', { color: '#ffffff', weight: 3, opacity: 1, ...none }],
];

const FALLBACK: PathStyle = { color: '#c8c4bc', weight: 1, opacity: 1, ...none };

/** The style of one basemap layer by its id. */
export function basemapStyle(layerId: string): PathStyle {
  return STYLES.find(([word]) => layerId.includes(word))?.[1] ?? FALLBACK;
}

/** Basemap layers in drawing order (lowest `order` first, then id). */
export function drawingOrder<L extends { id: string; order: number }>(layers: readonly L[]): L[] {
  return layers.slice().sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
