import { presentPublic } from '../incidents/index.js';
import type { Incident } from '../models/index.js';
import { publicDeadline } from './deadlineState.js';
import type { PublicPlace } from './placeNames.js';
import type { PublicCategory } from './publicCategories.js';
import { ownRating, ratesTheCase, type Tracked } from './trackCase.js';

export interface TrackingExtras {
  now: Date;
  category?: PublicCategory;
  place?: PublicPlace;
  /** District policy: a dissatisfied resident may ask for the case to be reopened (返工). */
  reopenAllowed: boolean;
}

/** States after which the followed case's outcome can be rated. */
const RATEABLE: readonly Incident['status'][] = ['closed', 'evaluated'];

/**
 * The tracking page's view: the public case view (presentPublic: status,
 * public timeline, the holder's own report masked) plus the category names in
 * both languages, the place, the deadline in plain terms, and the holder's OWN
 * rating (a merged report or a follow has its own, never the other resident's).
 */
export function presentTracking(t: Tracked, x: TrackingExtras) {
  const own = t.kind === 'report' ? t.own : followAsReport(t.follower, t.followed);
  const base = presentPublic(own, t.followed);
  const rating = ownRating(t);
  const rateable = ratesTheCase(t) ? t.followed.status === 'closed' : RATEABLE.includes(t.followed.status);
  return {
    ...base,
    following: t.kind === 'follow',
    category: x.category ? { code: x.category.code, name: x.category.name, nameEn: x.category.nameEn } : { code: t.followed.categoryCode, name: t.followed.title, nameEn: undefined },
    place: x.place,
    deadline: t.followed.open ? publicDeadline(t.followed.clock, x.now) : undefined,
    rating: rating ? { value: rating.value, comment: rating.comment, at: rating.at } : undefined,
    canRate: !rating && rateable,
    canAskReopen: x.reopenAllowed && t.followed.status === 'closed',
  };
}

/** A follow seen as a report of its own (no text but the resident's note, their masked contact) so the public presenter applies unchanged. */
function followAsReport(f: Extract<Tracked, { kind: 'follow' }>['follower'], followed: Incident): Incident {
  return {
    _id: f._id,
    trackingCode: f.trackingCode,
    description: f.note,
    reporter: f.contact,
    reportedAt: f.createdAt,
    categoryCode: followed.categoryCode,
    status: followed.status,
    title: followed.title,
    photos: [],
    timeline: [],
  } as unknown as Incident;
}
