import type { AppDeps } from '../deps.js';
import { bboxAround, haversineM } from '../geo/index.js';
import { Unprocessable } from '../kernel/index.js';
import type { Incident } from '../models/index.js';
import { followerModel } from './Follower.js';
import { presentNearbyCase, REPORT_POINT_FIELDS } from './presentPublicCase.js';
import { publicCategory } from './publicCategories.js';

/** Most cases "already reported?" lists (the nearest first). */
export const NEARBY_LIMIT = 10;

type Point = Parameters<typeof presentNearbyCase>[0] & Pick<Incident, 'duplicateIds'>;

/**
 * "Already reported?": the open cases of `categoryCode` within the category's
 * fusion distance of the point (the distance within which a new report would be
 * merged anyway), nearest first, as public points with their distance and how
 * many residents already reported or follow them. Merged duplicates are not
 * listed (their main case is). 422 `category_unknown` for an unknown category.
 */
export async function nearbyCases(deps: Pick<AppDeps, 'models' | 'conn'>, q: { categoryCode: string; lng: number; lat: number }) {
  const category = await publicCategory(deps, q.categoryCode);
  if (!category) throw new Unprocessable('category_unknown', `unknown category ${q.categoryCode}`, { categoryCode: q.categoryCode });
  const radius = category.nearbyM;
  if (radius <= 0) return { radiusM: 0, cases: [] };
  const [minLng, minLat, maxLng, maxLat] = bboxAround(q.lng, q.lat, radius);
  const rows = await deps.models.Incident.find(
    { categoryCode: q.categoryCode, open: true, lng: { $gte: minLng, $lte: maxLng }, lat: { $gte: minLat, $lte: maxLat } },
    { ...REPORT_POINT_FIELDS, duplicateIds: 1 },
  )
    .limit(500)
    .lean<Point[]>();
  const near = rows
    .map((i) => ({ i, d: haversineM(q.lng, q.lat, i.lng, i.lat) }))
    .filter(({ d }) => d <= radius)
    .sort((a, b) => a.d - b.d || a.i.reportedAt.getTime() - b.i.reportedAt.getTime())
    .slice(0, NEARBY_LIMIT);
  const Follower = await followerModel(deps.conn);
  const counts = await Promise.all(near.map(({ i }) => Follower.countDocuments({ incidentId: i._id })));
  return { radiusM: radius, cases: near.map(({ i, d }, n) => presentNearbyCase(i, d, 1 + (i.duplicateIds?.length ?? 0) + counts[n]!)) };
}
