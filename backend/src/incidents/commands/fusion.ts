import { bboxAround, haversineM } from '../../geo/index.js';
import type { Category, Incident } from '../../models/index.js';
import type { CommandDeps } from './actionTypes.js';

/** The defaults when a category sets no fusion window: 50 m and 24 h. */
export const DEFAULT_FUSION = Object.freeze({ distanceM: 50, windowHours: 24 });

export interface FusionCandidate {
  categoryCode: string;
  lng: number;
  lat: number;
  at: Date;
}

export interface FusionMatch {
  target: Pick<Incident, '_id' | 'code' | 'status' | 'lng' | 'lat' | 'reportedAt'>;
  distanceM: number;
}

/**
 * The open incident a new report duplicates (信息融合), if any: same category,
 * within the category's fusion distance and reported within its time window
 * before `at`. A lng/lat bounding-box range query prefilters (no $near in the
 * portable subset); haversine decides; the nearest wins, then the oldest.
 */
export async function findFusionTarget(deps: Pick<CommandDeps, 'models'>, c: FusionCandidate, category: Pick<Category, 'fusion'>): Promise<FusionMatch | null> {
  const distanceM = category.fusion?.distanceM ?? DEFAULT_FUSION.distanceM;
  const windowHours = category.fusion?.windowHours ?? DEFAULT_FUSION.windowHours;
  if (distanceM <= 0 || windowHours <= 0) return null;
  const [minLng, minLat, maxLng, maxLat] = bboxAround(c.lng, c.lat, distanceM);
  const since = new Date(c.at.getTime() - windowHours * 3_600_000);
  const nearby = await deps.models.Incident.find(
    {
      categoryCode: c.categoryCode,
      open: true,
      lng: { $gte: minLng, $lte: maxLng },
      lat: { $gte: minLat, $lte: maxLat },
      reportedAt: { $gte: since, $lte: c.at },
    },
    { code: 1, status: 1, lng: 1, lat: 1, reportedAt: 1 },
  )
    .limit(200)
    .lean<FusionMatch['target'][]>();
  let best: FusionMatch | null = null;
  for (const target of nearby) {
    const d = haversineM(c.lng, c.lat, target.lng, target.lat);
    if (d > distanceM) continue;
    if (!best || d < best.distanceM || (d === best.distanceM && target.reportedAt < best.target.reportedAt)) best = { target, distanceM: d };
  }
  return best;
}
