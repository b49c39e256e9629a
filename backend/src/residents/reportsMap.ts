import type { AppDeps } from '../deps.js';
import type { Incident } from '../models/index.js';
import { presentReportPoint, REPORT_POINT_FIELDS } from './presentPublicCase.js';
import { residentPolicy } from './residentPolicy.js';

export interface ReportsMapQuery {
  categoryCode?: string;
  communityCode?: string;
  /** `open` only, `closed` (recently) only, or both (default). */
  state?: 'open' | 'closed';
}

/**
 * The public reports map: open cases and cases closed within the policy's
 * `recentlyClosedDays`, located in the district, as allow-listed points
 * (category, status, place, dates — no text, no people), newest first and at
 * most `mapLimit` (`truncated` says when more matched). Merged duplicates and
 * rejected reports are not shown.
 */
export async function reportsMap(deps: Pick<AppDeps, 'models' | 'conn' | 'clock'>, q: ReportsMapQuery) {
  const policy = await residentPolicy(deps.conn);
  const now = deps.clock.now();
  const since = new Date(now.getTime() - policy.recentlyClosedDays * 86_400_000);
  const common: Record<string, unknown> = { unlocated: { $ne: true } };
  if (q.categoryCode) common.categoryCode = q.categoryCode;
  if (q.communityCode) common.communityCode = q.communityCode;
  const limit = policy.mapLimit + 1;
  const [open, closed] = await Promise.all([
    q.state === 'closed' ? [] : deps.models.Incident.find({ ...common, open: true }, REPORT_POINT_FIELDS).sort({ reportedAt: -1 }).limit(limit).lean<Incident[]>(),
    q.state === 'open'
      ? []
      : deps.models.Incident.find({ ...common, closedAt: { $gte: since }, status: { $in: ['closed', 'evaluated'] } }, REPORT_POINT_FIELDS)
          .sort({ closedAt: -1 })
          .limit(limit)
          .lean<Incident[]>(),
  ]);
  const all = [...open, ...closed].sort((a, b) => b.reportedAt.getTime() - a.reportedAt.getTime());
  return { since, truncated: all.length > policy.mapLimit, reports: all.slice(0, policy.mapLimit).map(presentReportPoint) };
}
