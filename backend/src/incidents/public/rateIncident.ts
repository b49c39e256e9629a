import { Conflict, NotFound, Unprocessable, type Principal } from '../../kernel/index.js';
import type { Category, Incident } from '../../models/index.js';
import type { CommandDeps } from '../commands/actionTypes.js';
import { normaliseTrackingCode } from '../commands/caseCodes.js';
import { incidentPolicy } from '../rules/policy.js';
import { reopenChange } from '../commands/reopenIncident.js';
import { writeIncidentChange } from '../commands/writeIncident.js';

/** The actor of resident actions on the public side (no account; the tracking code is the credential). */
export const RESIDENT_PRINCIPAL: Principal = { id: 'resident', username: 'resident', role: 'service', displayName: 'Resident' };

/** Longest chain of duplicates followed to the original (merges cannot form cycles, this is a guard). */
const MAX_FOLLOW = 5;

/** The incident a tracking code names and the original it follows (itself unless merged); 404 for an unknown code. */
export async function trackIncident(deps: Pick<CommandDeps, 'models'>, trackingCode: string): Promise<{ own: Incident; followed: Incident }> {
  const code = normaliseTrackingCode(trackingCode);
  const own = await deps.models.Incident.findOne({ trackingCode: code }).lean<Incident>();
  if (!own) throw new NotFound('tracking code', code);
  let followed = own;
  for (let n = 0; followed.mergedInto && n < MAX_FOLLOW; n++) {
    const next = await deps.models.Incident.findById(followed.mergedInto).lean<Incident>();
    if (!next) break;
    followed = next;
  }
  return { own, followed };
}

export interface RatingInput {
  value: 'satisfied' | 'basically' | 'dissatisfied';
  comment?: string;
  /** With "dissatisfied": the resident asks for the work to be redone (返工); absent counts as asking. */
  reopen?: boolean;
}

/**
 * 回访: the reporter rates the closed case they follow. Satisfied or basically
 * satisfied evaluates it; dissatisfied reopens it (返工) when district policy
 * says so and the resident did not decline, else evaluates it too. 422 unless closed; 409 once evaluated.
 */
export async function rateIncident(deps: CommandDeps, trackingCode: string, input: RatingInput): Promise<Incident> {
  const { followed } = await trackIncident(deps, trackingCode);
  if (followed.status === 'evaluated') throw new Conflict('this case has been rated already', 'already_rated');
  if (followed.status !== 'closed') throw new Unprocessable('not_closed', 'a case can be rated once it is closed', { status: followed.status });
  const now = deps.clock.now();
  const rating = { value: input.value, comment: input.comment, at: now };
  const policy = await incidentPolicy(deps.conn);
  if (input.value === 'dissatisfied' && policy.reopenOnDissatisfied && input.reopen !== false) {
    const category = await deps.models.Category.findOne({ code: followed.categoryCode }).lean<Category>();
    if (!category) throw new Unprocessable('category_unknown', `unknown category ${followed.categoryCode}`);
    const change = await reopenChange(deps, followed, category, now, rating);
    return writeIncidentChange(deps, followed, { ...change, reason: input.comment ? `resident dissatisfied: ${input.comment}` : 'resident dissatisfied' }, RESIDENT_PRINCIPAL);
  }
  return writeIncidentChange(
    deps,
    followed,
    { type: 'incident.evaluated', to: 'evaluated', set: { rating }, detail: { rating: input.value, comment: input.comment, by: 'resident' } },
    RESIDENT_PRINCIPAL,
  );
}
