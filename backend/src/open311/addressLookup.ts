import type { Area, BasemapLayer, Models } from '../models/index.js';

/** A named place of the district an `address_string` can point at. */
export interface NamedPlace {
  name: string;
  kind: 'community' | 'road';
  lng: number;
  lat: number;
}

interface LineFeature {
  geometry?: { type?: string; coordinates?: unknown };
  properties?: { name?: unknown };
}

const normalise = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** The middle vertex of a line, a point on the road itself. */
function midpoint(coordinates: unknown): [number, number] | null {
  if (!Array.isArray(coordinates) || coordinates.length === 0) return null;
  const p = coordinates[Math.floor(coordinates.length / 2)] as unknown;
  return Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number' ? [p[0], p[1]] : null;
}

/** The district's communities (at their centroid, Chinese and English names) and named roads of the basemap (at a point on the road). */
export async function namedPlaces(models: Pick<Models, 'Area' | 'BasemapLayer'>): Promise<NamedPlace[]> {
  const [areas, layers] = await Promise.all([
    models.Area.find({ level: 'community' }, { name: 1, nameEn: 1, centroid: 1 }).lean<Pick<Area, 'name' | 'nameEn' | 'centroid'>[]>(),
    models.BasemapLayer.find({}, { features: 1 }).lean<BasemapLayer[]>(),
  ]);
  const places: NamedPlace[] = [];
  for (const a of areas) {
    for (const name of [a.name, a.nameEn]) if (name) places.push({ name, kind: 'community', lng: a.centroid.lng, lat: a.centroid.lat });
  }
  for (const layer of layers) {
    for (const f of layer.features as LineFeature[]) {
      const name = f.properties?.name;
      if (typeof name !== 'string' || f.geometry?.type !== 'LineString') continue;
      const mid = midpoint(f.geometry.coordinates);
      if (mid) places.push({ name, kind: 'road', lng: mid[0], lat: mid[1] });
    }
  }
  return places;
}

/**
 * Where an `address_string` is: the district's community or road whose name
 * it contains (the longest such name wins, so `文一西路` beats `文一路`
 * inside "文一西路 88 号"), or null. The point is approximate (the community's
 * centroid, the road's middle), so callers keep the text as the address.
 */
export function matchAddress(address: string, places: NamedPlace[]): NamedPlace | null {
  const text = normalise(address);
  let best: NamedPlace | null = null;
  for (const p of places) {
    const name = normalise(p.name);
    if (name.length >= 2 && text.includes(name) && (!best || name.length > normalise(best.name).length)) best = p;
  }
  return best;
}
