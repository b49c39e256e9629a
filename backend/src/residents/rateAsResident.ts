import { type CommandDeps, RESIDENT_PRINCIPAL, type RatingInput, incidentPolicy, rateIncident, reopenChange, writeIncidentChange } from '../incidents/index.js';
import { Conflict, Unprocessable } from '../kernel/index.js';
import type { Category, Incident } from '../models/index.js';
import { followerModel } from './Follower.js';
import { ownRating, ratesTheCase, trackCase, type Tracked } from './trackCase.js';

/**
 * 回访 by the holder of a tracking code, each holder their own rating:
 * - the case's own reporter: rates the case (satisfied → evaluated;
 *   dissatisfied → reopened when district policy allows and they asked, else evaluated);
 * - a reporter whose complaint was merged into another case: the rating is
 *   stored on their own (merged) report as `incident.rated`;
 * - a follower: the rating is stored on their follow.
 * A merged reporter or follower who is dissatisfied and asks to reopen reopens
 * the case when policy allows and it is still `closed` (not yet evaluated).
 * 422 `not_closed` before the case is closed, 409 `already_rated` for a second rating.
 */
export async function rateAsResident(deps: CommandDeps, trackingCode: string, input: RatingInput): Promise<Tracked> {
  const t = await trackCase(deps, trackingCode);
  if (ownRating(t)) throw new Conflict('you have rated this case already', 'already_rated');
  if (ratesTheCase(t)) {
    await rateIncident(deps, trackingCode, input);
    return trackCase(deps, trackingCode);
  }
  const { followed } = t;
  if (followed.status !== 'closed' && followed.status !== 'evaluated') throw new Unprocessable('not_closed', 'a case can be rated once it is closed', { status: followed.status });
  const policy = await incidentPolicy(deps.conn);
  const reopen = input.value === 'dissatisfied' && input.reopen !== false && policy.reopenOnDissatisfied && followed.status === 'closed';
  const rating = { value: input.value, ...(input.comment ? { comment: input.comment } : {}), at: deps.clock.now(), ...(input.value === 'dissatisfied' ? { reopenRequested: input.reopen !== false } : {}) };
  if (t.kind === 'report') {
    await writeIncidentChange(
      deps,
      t.own,
      { type: 'incident.rated', set: { rating }, detail: { rating: input.value, comment: input.comment, by: 'resident', mainCaseId: String(followed._id) } },
      RESIDENT_PRINCIPAL,
    );
  } else {
    const Follower = await followerModel(deps.conn);
    const stored = await Follower.findOneAndUpdate({ _id: t.follower._id, rating: { $exists: false } }, { $set: { rating } }, { returnDocument: 'after' }).lean();
    if (!stored) throw new Conflict('you have rated this case already', 'already_rated');
  }
  if (reopen) await reopenFollowed(deps, followed, t.kind === 'report' ? `duplicate report ${t.own.code}` : 'a follower', input.comment);
  return trackCase(deps, trackingCode);
}

async function reopenFollowed(deps: CommandDeps, followed: Incident, who: string, comment?: string): Promise<void> {
  const category = await deps.models.Category.findOne({ code: followed.categoryCode }).lean<Category>();
  if (!category) throw new Unprocessable('category_unknown', `unknown category ${followed.categoryCode}`);
  const change = await reopenChange(deps, followed, category, deps.clock.now());
  const reason = `resident dissatisfied (${who})${comment ? `: ${comment}` : ''}`;
  await writeIncidentChange(deps, followed, { ...change, reason }, RESIDENT_PRINCIPAL);
}
