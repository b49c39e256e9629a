import type { AppDeps } from '../deps.js';
import { normaliseTrackingCode, trackIncident } from '../incidents/index.js';
import { NotFound } from '../kernel/index.js';
import type { Incident } from '../models/index.js';
import { followerModel, type Follower } from './Follower.js';

/**
 * What a tracking code names: the resident's own report (`report`; merged into
 * another case when `own` ≠ `followed`) or their follow of an existing case
 * (`follow`). `followed` is the case whose progress they see.
 */
export type Tracked = { kind: 'report'; own: Incident; followed: Incident } | { kind: 'follow'; follower: Follower; followed: Incident };

/** Resolves a tracking code (case and spaces forgiven); 404 `not_found` for a code nobody holds. */
export async function trackCase(deps: Pick<AppDeps, 'models' | 'conn'>, trackingCode: string): Promise<Tracked> {
  const code = normaliseTrackingCode(trackingCode);
  if (!/^[A-Z0-9]{4,16}$/.test(code)) throw new NotFound('tracking code', code);
  try {
    const { own, followed } = await trackIncident(deps, code);
    return { kind: 'report', own, followed };
  } catch (err) {
    if (!(err instanceof NotFound)) throw err;
  }
  const Follower = await followerModel(deps.conn);
  const follower = await Follower.findOne({ trackingCode: code }).lean<Follower>();
  if (!follower) throw new NotFound('tracking code', code);
  const { followed } = await followedCase(deps, follower.incidentId);
  return { kind: 'follow', follower, followed };
}

/** The case an id names, followed through merges to the case that carries the work. */
async function followedCase(deps: Pick<AppDeps, 'models'>, id: Incident['_id']): Promise<{ followed: Incident }> {
  let followed = await deps.models.Incident.findById(id).lean<Incident>();
  if (!followed) throw new NotFound('incident', String(id));
  for (let n = 0; followed.mergedInto && n < 5; n++) {
    const next: Incident | null = await deps.models.Incident.findById(followed.mergedInto).lean<Incident>();
    if (!next) break;
    followed = next;
  }
  return { followed };
}

/** The rating that belongs to this tracking code's holder: their own report's, or their follow's — never another resident's. */
export function ownRating(t: Tracked): Incident['rating'] | Follower['rating'] {
  return t.kind === 'follow' ? t.follower.rating : t.own.rating;
}

/** True when the holder's report is the case itself (not merged, not a follow): their rating evaluates the case. */
export function ratesTheCase(t: Tracked): boolean {
  return t.kind === 'report' && String(t.own._id) === String(t.followed._id);
}
