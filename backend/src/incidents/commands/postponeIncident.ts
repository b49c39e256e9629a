import { Unprocessable } from '../../kernel/index.js';
import type { Assignment, Incident } from '../../models/index.js';
import { replaceAssignment, type Planner } from './actionTypes.js';
import { requireAssignment } from './handleAssignment.js';
import { handleClockFrom, postponedAssignment } from '../caseClock.js';

/**
 * 延期申请: the department working the case asks for more time (working minutes,
 * bounded by district policy) with a reason. Its clock keeps running until a
 * supervisor decides.
 */
export const planPostpone: Planner<'postpone'> = ({ incident, assignment, body, policy, principal, now }) => {
  const a = requireAssignment(assignment);
  if (a.status !== 'in_progress') throw new Unprocessable('illegal_transition', `cannot postpone an assignment that is ${a.status}`, { from: a.status, action: 'postpone' });
  if (body.extraMinutes > policy.maxPostponeMinutes) {
    throw new Unprocessable('postponement_too_long', `at most ${policy.maxPostponeMinutes} working minutes per request`, { max: policy.maxPostponeMinutes });
  }
  const assignments = replaceAssignment(incident.assignments, a, { ...a, status: 'postponement_requested' });
  return {
    change: {
      type: 'incident.postponement_requested',
      set: {
        assignments,
        postponement: { departmentCode: a.departmentCode, reason: body.reason ?? '', extraMinutes: body.extraMinutes, requestedAt: now, requestedBy: principal.id },
      },
      detail: { departmentCode: a.departmentCode, extraMinutes: body.extraMinutes },
    },
  };
};

/** 延期批准: a supervisor grants the request; that department's deadline moves later by the minutes asked, in its own working time. */
export const planApprovePostpone: Planner<'approve-postpone'> = async ({ deps, incident }) => {
  const { request, a } = pending(incident);
  const extended = await postponedAssignment(deps, a, request.extraMinutes);
  const assignments = replaceAssignment(incident.assignments, a, { ...extended, status: 'in_progress' });
  return {
    change: {
      type: 'incident.postponement_approved',
      set: { assignments, clock: handleClockFrom(assignments, incident.clock), postponement: undefined },
      detail: { departmentCode: a.departmentCode, extraMinutes: request.extraMinutes, dueAt: extended.dueAt },
    },
  };
};

/** 延期驳回: a supervisor refuses, with a reason; the original deadline stands. */
export const planDenyPostpone: Planner<'deny-postpone'> = ({ incident }) => {
  const { a } = pending(incident);
  const assignments = replaceAssignment(incident.assignments, a, { ...a, status: 'in_progress' });
  return { change: { type: 'incident.postponement_denied', set: { assignments, postponement: undefined }, detail: { departmentCode: a.departmentCode } } };
};

/**
 * 挂账: a supervisor parks a case that cannot be solved in time on the pending
 * register, with a reason; every active share is suspended and no clock runs
 * until a department resumes (start).
 */
export const planSuspend: Planner<'suspend'> = ({ incident }) => {
  const assignments = incident.assignments.map(
    (x): Assignment => (['assigned', 'in_progress', 'postponement_requested'].includes(x.status) ? { ...x, status: 'suspended' } : x),
  );
  return { change: { type: 'incident.suspended', set: { assignments, clock: undefined, postponement: undefined, previousStatus: incident.status } } };
};

function pending(incident: Incident) {
  const request = incident.postponement;
  const a = request && incident.assignments.find((x) => x.departmentCode === request.departmentCode && x.status === 'postponement_requested');
  if (!request || !a) throw new Unprocessable('no_postponement', 'no pending postponement request');
  return { request, a };
}
