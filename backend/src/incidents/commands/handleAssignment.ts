import { Unprocessable } from '../../kernel/index.js';
import type { Assignment } from '../../models/index.js';
import { replaceAssignment, type Planner } from './actionTypes.js';
import { handleClockFrom, newAssignment, newStageClock } from '../caseClock.js';
import { ACTIVE_ASSIGNMENT } from '../rules/summary.js';

/**
 * 处置: a department starts work on its assignment (or resumes it from the
 * pending register, with a fresh handling limit). The case is in progress as
 * soon as one department works on it.
 */
export const planStart: Planner<'start'> = async ({ deps, incident, assignment, category, now }) => {
  const a = requireAssignment(assignment);
  if (a.status === 'in_progress') throw new Unprocessable('already_started', `${a.departmentCode} already works on this incident`, { departmentCode: a.departmentCode });
  if (a.status !== 'assigned' && a.status !== 'suspended') {
    throw new Unprocessable('illegal_transition', `cannot start an assignment that is ${a.status}`, { from: a.status, action: 'start' });
  }
  // Resuming from the pending register (挂账) starts a fresh handling limit: the clock stopped while the case was parked.
  const resumed = a.status === 'suspended' ? { ...(await newAssignment(deps, category, a.departmentCode, a.role, now)), startedAt: a.startedAt } : a;
  const next: Assignment = { ...resumed, status: 'in_progress', startedAt: a.startedAt ?? now };
  const assignments = replaceAssignment(incident.assignments, a, next);
  return {
    change: {
      type: 'incident.started',
      set: { assignments, clock: handleClockFrom(assignments, incident.clock), previousStatus: undefined },
      detail: { departmentCode: a.departmentCode, role: a.role },
    },
  };
};

/**
 * 回退: a department returns a case outside its remit, with a reason. When the
 * lead returns, the whole case goes back to the command center for re-dispatch
 * (every department's share ends, the dispatch clock starts); a co-handler
 * returning only ends its own share.
 */
export const planReturn: Planner<'return'> = async ({ deps, incident, assignment, category, body, now }) => {
  const a = requireAssignment(assignment);
  const returned = (x: Assignment): Assignment => ({ ...x, status: 'returned', returnedAt: now, note: body.reason });
  if (a.role === 'co') {
    const assignments = replaceAssignment(incident.assignments, a, returned(a));
    return {
      keepStatus: true,
      change: { type: 'incident.returned', set: { assignments, clock: handleClockFrom(assignments, incident.clock) }, detail: { departmentCode: a.departmentCode, role: 'co' } },
    };
  }
  const assignments = incident.assignments.map((x) => (ACTIVE_ASSIGNMENT.includes(x.status) ? returned(x) : x));
  return {
    change: {
      type: 'incident.returned',
      set: { assignments, clock: await newStageClock(deps, category, 'dispatch', now), postponement: undefined },
      detail: { departmentCode: a.departmentCode, role: 'lead' },
    },
  };
};

/** The acting assignment, which the runner guarantees for departments; administrators acting on a case without one get a 422. */
export function requireAssignment(a: Assignment | undefined): Assignment {
  if (!a) throw new Unprocessable('no_assignment', 'no active assignment to act on');
  return a;
}
