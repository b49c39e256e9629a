import type { AppDeps } from '../deps.js';
import { duplicateKeyOf, newTrackingCode } from '../incidents/index.js';
import { NotFound, Unprocessable } from '../kernel/index.js';
import type { Incident } from '../models/index.js';
import { followerModel, type Follower } from './Follower.js';

export interface FollowInput {
  /** Who asks (normalised phone, else the client address) and the form's message id: one code per click. */
  senderId: string;
  messageId: string;
  note?: string;
  contact?: { name?: string; phone?: string };
}

const ATTEMPTS = 5;

/**
 * "Follow this one": gives the resident their own tracking code on an existing
 * open case instead of a new report. Only open cases can be followed (a merged
 * duplicate is followed through its main case); idempotent on the sender's
 * message id. The code has the form and randomness of an incident's and is
 * unique across incidents and follows. 404 for an unknown id, 422 `not_followable`
 * for a closed or rejected case.
 */
export async function followCase(deps: Pick<AppDeps, 'models' | 'conn' | 'clock'>, incidentId: string, input: FollowInput): Promise<{ follower: Follower; duplicate: boolean }> {
  if (!/^[0-9a-f]{24}$/i.test(incidentId)) throw new NotFound('case', incidentId);
  let target = await deps.models.Incident.findById(incidentId, { _id: 1, open: 1, status: 1, mergedInto: 1 }).lean<Incident>();
  if (target?.mergedInto) target = await deps.models.Incident.findById(target.mergedInto, { _id: 1, open: 1, status: 1 }).lean<Incident>();
  if (!target) throw new NotFound('case', incidentId);
  const Follower = await followerModel(deps.conn);
  const idempotencyKey = `${input.senderId}:${input.messageId}`;
  const seen = await Follower.findOne({ idempotencyKey }).lean<Follower>();
  if (seen) return { follower: seen, duplicate: true };
  if (!target.open) throw new Unprocessable('not_followable', `a case that is ${target.status} cannot be followed`, { status: target.status });

  for (let attempt = 1; ; attempt++) {
    const trackingCode = newTrackingCode();
    if (await deps.models.Incident.exists({ trackingCode })) continue;
    const doc = {
      trackingCode,
      incidentId: target._id,
      idempotencyKey,
      ...(input.note ? { note: input.note } : {}),
      ...(input.contact?.name || input.contact?.phone ? { contact: input.contact } : {}),
      createdAt: deps.clock.now(),
    };
    try {
      const created = await Follower.create(doc);
      return { follower: created.toObject() as Follower, duplicate: false };
    } catch (err) {
      const key = duplicateKeyOf(err);
      if (key === 'idempotencyKey') {
        const winner = await Follower.findOne({ idempotencyKey }).lean<Follower>();
        if (winner) return { follower: winner, duplicate: true };
      }
      if (key === 'trackingCode' && attempt < ATTEMPTS) continue;
      throw err;
    }
  }
}
