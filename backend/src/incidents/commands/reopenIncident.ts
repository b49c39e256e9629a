import type { Assignment, Category, Incident } from '../../models/index.js';
import type { CommandDeps, Planner } from './actionTypes.js';
import type { IncidentChange } from './incidentChange.js';
import { handleClockFrom, newAssignment } from '../caseClock.js';

/**
 * The change that reopens a case (返工): back to the departments that resolved
 * it, each with a fresh assignment and handling deadline; the old shares stay as
 * history. `rating` records the resident's verdict when a rating reopened it.
 */
export async function reopenChange(deps: Pick<CommandDeps, 'models'>, incident: Incident, category: Pick<Category, 'deadlines'>, now: Date, rating?: Incident['rating']): Promise<IncidentChange> {
  const previous = incident.assignments.filter((a) => a.status === 'resolved');
  const handlers = previous.length ? previous : incident.assignments.filter((a) => a.role === 'lead').slice(-1);
  const fresh: Assignment[] = [];
  for (const a of handlers) fresh.push(await newAssignment(deps, category, a.departmentCode, a.role, now));
  // The resolved shares stay as history; only the fresh ones are active.
  const assignments = [...incident.assignments, ...fresh];
  return {
    type: 'incident.reopened',
    to: 'reopened',
    set: {
      assignments,
      clock: handleClockFrom(fresh),
      verification: undefined,
      closedAt: undefined,
      resolvedAt: undefined,
      ...(rating ? { rating } : {}),
    },
    detail: { departmentCodes: fresh.map((a) => a.departmentCode), ...(rating ? { rating: rating.value } : {}) },
  };
}

/** 返工: the command center sends a case back to its departments (failed check, complaint after closing), with a reason. */
export const planReopen: Planner<'reopen'> = async ({ deps, incident, category, now }) => ({
  change: await reopenChange(deps, incident, category, now),
});

/** 评价: the rating of a closed case (回访 by phone, or the resident's own), which ends the loop. */
export const planEvaluate: Planner<'evaluate'> = ({ body, now }) => ({
  change: {
    type: 'incident.evaluated',
    set: { rating: { value: body.rating, comment: body.comment, at: now } },
    detail: { rating: body.rating, comment: body.comment },
  },
});
