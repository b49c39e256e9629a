import { SYSTEM_PRINCIPAL, Unprocessable } from '../../kernel/index.js';
import type { Category, Incident } from '../../models/index.js';
import { replaceAssignment, type CommandDeps, type Planner } from './actionTypes.js';
import { requireAssignment } from './handleAssignment.js';
import type { IncidentChange } from './incidentChange.js';
import { handleClockFrom, newStageClock } from '../caseClock.js';
import { writeIncidentChange } from './writeIncident.js';

/**
 * 处置反馈: a department reports its share done, with evidence (text, photos).
 * Joint handling (联办): the case is resolved when the lead has resolved and
 * every co-handler has reported; until then it stays in progress and only the
 * assignment changes. Once resolved, the command center forwards it to the
 * grid workers for the on-site check (核查) as a second, system-made change.
 */
export const planResolve: Planner<'resolve'> = ({ deps, incident, assignment, body, now, category }) => {
  const a = requireAssignment(assignment);
  if (a.status !== 'assigned' && a.status !== 'in_progress') {
    throw new Unprocessable('illegal_transition', `cannot resolve an assignment that is ${a.status}`, { from: a.status, action: 'resolve' });
  }
  const assignments = replaceAssignment(incident.assignments, a, { ...a, status: 'resolved', startedAt: a.startedAt ?? now, resolvedAt: now, note: body.note, photos: body.photos });
  const done = assignments.filter((x) => x.status !== 'returned').every((x) => x.status === 'resolved');
  const detail = { departmentCode: a.departmentCode, role: a.role, note: body.note, caseResolved: done };
  if (!done) {
    return {
      keepStatus: true,
      change: { type: 'incident.resolved', set: { assignments, clock: handleClockFrom(assignments, incident.clock) }, attachments: body.photos, detail },
    };
  }
  return {
    change: { type: 'incident.resolved', to: 'resolved', set: { assignments, clock: undefined, resolvedAt: now }, attachments: body.photos, detail },
    after: (stored) => forwardForVerification(deps, stored, category),
  };
};

/**
 * 反馈 → 核查: the command center (system) hands a resolved case to the grid
 * workers of its cell as a verification task. The `incident.verifying` event
 * carries `data.workerIds`: the gateway turns it into `workers/{id}/tasks`
 * downlinks. A case without a cell or workers is checked by the command center.
 */
export async function forwardForVerification(deps: CommandDeps, incident: Incident, category: Pick<Category, 'deadlines'>): Promise<Incident> {
  const now = deps.clock.now();
  const cell = incident.gridCode ? await deps.models.GridCell.findOne({ code: incident.gridCode }, { workerIds: 1 }).lean() : null;
  const workerIds = cell?.workerIds ?? [];
  const change: IncidentChange = {
    type: 'incident.verifying',
    to: 'verifying',
    set: { verification: { workerIds, requestedAt: now }, clock: await newStageClock(deps, category, 'verify', now) },
    detail: { workerIds, task: { kind: 'verify', incidentId: String(incident._id), code: incident.code, title: incident.title, lng: incident.lng, lat: incident.lat } },
  };
  return writeIncidentChange(deps, incident, change, SYSTEM_PRINCIPAL);
}
