import type { Incident } from '../models/index.js';

/** Coordinates as shown to the public: 5 decimals (about a metre). */
const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

/** Public state of a case in two words: still being worked on, or done. */
export function publicState(i: Pick<Incident, 'open' | 'status'>): 'open' | 'closed' {
  return i.open ? 'open' : 'closed';
}

/**
 * A case as a point on the public map: an allow-list of fields with no free
 * text, no reporter, no tracking code and no staff — only what, where, how far
 * along and when.
 */
export function presentReportPoint(i: Pick<Incident, '_id' | 'categoryCode' | 'status' | 'open' | 'lng' | 'lat' | 'communityCode' | 'reportedAt' | 'closedAt'>) {
  return {
    id: String(i._id),
    categoryCode: i.categoryCode,
    status: i.status,
    state: publicState(i),
    lng: round5(i.lng),
    lat: round5(i.lat),
    communityCode: i.communityCode,
    reportedAt: i.reportedAt,
    ...(i.closedAt ? { closedAt: i.closedAt } : {}),
  };
}

/** The fields `presentReportPoint` reads (the query projection: nothing else leaves the database). */
export const REPORT_POINT_FIELDS = { _id: 1, categoryCode: 1, status: 1, open: 1, lng: 1, lat: 1, communityCode: 1, reportedAt: 1, closedAt: 1 } as const;

/** A nearby open case for "already reported?": the map point plus its distance and how many residents follow it. */
export function presentNearbyCase(i: Parameters<typeof presentReportPoint>[0], distanceM: number, followers: number) {
  return { ...presentReportPoint(i), distanceM: Math.round(distanceM), followers };
}
