/** A longitude/latitude box: [minLng, minLat, maxLng, maxLat]. */
export type BBox = [number, number, number, number];

/** Every [lng, lat] pair in GeoJSON coordinates of any depth. */
function* positions(coords: unknown): Generator<[number, number]> {
  if (!Array.isArray(coords)) return;
  if (typeof coords[0] === 'number' && typeof coords[1] === 'number') {
    yield [coords[0], coords[1]];
    return;
  }
  for (const c of coords) yield* positions(c);
}

/** The bounding box of a FeatureCollection's geometries, or null when it has no coordinates. Pure, no Leaflet. */
export function collectionBBox(fc: { features: { geometry: unknown }[] } | null | undefined): BBox | null {
  let box: BBox | null = null;
  for (const f of fc?.features ?? []) {
    for (const [lng, lat] of positions((f.geometry as { coordinates?: unknown } | null)?.coordinates)) {
      if (!box) box = [lng, lat, lng, lat];
      else box = [Math.min(box[0], lng), Math.min(box[1], lat), Math.max(box[2], lng), Math.max(box[3], lat)];
    }
  }
  return box;
}

/** The centre of a box as [lat, lng] (Leaflet's and /api/config's order). */
export function bboxCenter(box: BBox): [number, number] {
  return [(box[1] + box[3]) / 2, (box[0] + box[2]) / 2];
}
