import { resolveRouting } from '../../reference/index.js';
import type { Assignment, Category } from '../../models/index.js';
import type { CommandDeps, Planner } from './actionTypes.js';
import type { IncidentChange } from './incidentChange.js';
import { handleClockFrom, newAssignment } from '../caseClock.js';
import { ACTIVE_ASSIGNMENT } from '../rules/summary.js';

export interface DispatchTarget {
  leadDepartmentCode?: string;
  coDepartmentCodes?: string[];
}

/**
 * The change that dispatches (派遣) an incident: routing by category and place
 * (grid rule > community rule > category default) unless the dispatcher names
 * the departments; every department gets its own assignment with its own
 * handling deadline in its own working calendar (联办). Earlier assignments stay
 * as history; any still active ones are withdrawn (marked returned).
 */
export async function dispatchChange(
  deps: Pick<CommandDeps, 'models'>,
  incident: { categoryCode: string; gridCode?: string; communityCode?: string; assignments: Assignment[]; acceptedAt?: Date },
  category: Pick<Category, 'deadlines'>,
  target: DispatchTarget,
  now: Date,
): Promise<IncidentChange> {
  const routed = target.leadDepartmentCode
    ? { leadDepartmentCode: target.leadDepartmentCode, coDepartmentCodes: target.coDepartmentCodes ?? [] }
    : await resolveRouting(deps.models, incident.categoryCode, { gridCode: incident.gridCode, communityCode: incident.communityCode });
  const co = [...new Set(routed.coDepartmentCodes)].filter((c) => c !== routed.leadDepartmentCode);
  const fresh = [await newAssignment(deps, category, routed.leadDepartmentCode, 'lead', now)];
  for (const code of co) fresh.push(await newAssignment(deps, category, code, 'co', now));
  const history = incident.assignments.map((a) =>
    ACTIVE_ASSIGNMENT.includes(a.status) ? { ...a, status: 'returned' as const, returnedAt: now, note: a.note ?? 'withdrawn on re-dispatch' } : a,
  );
  const assignments = [...history, ...fresh];
  return {
    type: 'incident.dispatched',
    to: 'dispatched',
    set: {
      assignments,
      clock: handleClockFrom(fresh),
      acceptedAt: incident.acceptedAt ?? now,
      dispatchedAt: now,
    },
    detail: {
      leadDepartmentCode: routed.leadDepartmentCode,
      coDepartmentCodes: co,
      dueAt: Object.fromEntries(fresh.map((a) => [a.departmentCode, a.dueAt])),
    },
  };
}

/** 派遣: the command center sends the case to the lead and co-departments (routing, or the departments it names). */
export const planDispatch: Planner<'dispatch'> = async ({ deps, incident, category, body, now }) => ({
  change: await dispatchChange(deps, incident, category, body, now),
});
