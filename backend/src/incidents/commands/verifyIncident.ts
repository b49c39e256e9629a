import { Unprocessable } from '../../kernel/index.js';
import type { Planner } from './actionTypes.js';

/**
 * 核查: the grid worker (or the command center) checks on site and records
 * passed or failed with a note and photos. The status stays `verifying`; the
 * command center then closes (passed) or reopens (failed).
 */
export const planVerify: Planner<'verify'> = ({ incident, body, principal, now }) => {
  const v = incident.verification;
  if (principal.role === 'worker' && v?.workerIds.length && !v.workerIds.includes(principal.id) && !v.workerIds.includes(principal.username)) {
    throw new Unprocessable('not_verifier', 'this verification task belongs to another grid worker');
  }
  return {
    change: {
      type: 'incident.verified',
      set: {
        verification: { workerIds: v?.workerIds ?? [], requestedAt: v?.requestedAt ?? now, result: body.result, note: body.note, photos: body.photos, by: principal.id, at: now },
        clock: undefined,
      },
      attachments: body.photos,
      detail: { result: body.result, note: body.note },
    },
  };
};

/** 结案: the command center closes a case whose on-site check passed (or that had no one to check it). */
export const planClose: Planner<'close'> = ({ incident, now }) => {
  const v = incident.verification;
  if (v?.workerIds.length && v.result !== 'passed') {
    throw new Unprocessable(v.result === 'failed' ? 'verification_failed' : 'verification_pending', 'the on-site check has not passed', { result: v.result ?? null });
  }
  return { change: { type: 'incident.closed', set: { closedAt: now, clock: undefined } } };
};
