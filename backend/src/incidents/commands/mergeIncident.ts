import { Unprocessable } from '../../kernel/index.js';
import type { Category, Incident, IncidentStatus, StageClock } from '../../models/index.js';
import type { CommandDeps, Planner } from './actionTypes.js';
import type { IncidentChange } from './incidentChange.js';
import { handleClockFrom, newStageClock } from '../caseClock.js';
import { loadIncident } from './writeIncident.js';

/** The change that makes an incident a linked duplicate of `target`: its reporter follows the original's outcome. */
export function mergeChange(incident: Pick<Incident, 'status'>, target: Pick<Incident, '_id' | 'code'>, how: 'manual' | 'fusion', distanceM?: number): IncidentChange {
  return {
    type: 'incident.merged',
    to: 'merged',
    set: { mergedInto: target._id, previousStatus: incident.status, clock: undefined },
    detail: { targetId: String(target._id), targetCode: target.code, how, ...(distanceM !== undefined ? { distanceM: Math.round(distanceM) } : {}) },
  };
}

/** Records the duplicate on the original (`duplicateIds`), a link rather than a transition of the original: no version, no event. */
export async function linkDuplicate(deps: Pick<CommandDeps, 'models'>, targetId: Incident['_id'], duplicateId: Incident['_id']): Promise<void> {
  await deps.models.Incident.updateOne({ _id: targetId }, { $addToSet: { duplicateIds: duplicateId } });
}

/** 合并: the command center marks a case as a duplicate of another open case (no cycles, not into itself). */
export const planMerge: Planner<'merge'> = async ({ deps, incident, body }) => {
  if (body.targetId === String(incident._id)) throw new Unprocessable('merge_into_self', 'an incident cannot be merged into itself');
  const target = await loadIncident(deps, body.targetId);
  if (!target.open || target.status === 'merged') throw new Unprocessable('merge_target_closed', `cannot merge into an incident that is ${target.status}`, { targetStatus: target.status });
  return {
    change: mergeChange(incident, target, 'manual'),
    after: async (stored) => {
      await linkDuplicate(deps, target._id, stored._id);
      return stored;
    },
  };
};

/** 拆分: the command center undoes a merge; the case returns to the state it was merged from with that state's clock. */
export const planUnmerge: Planner<'unmerge'> = async ({ deps, incident, category, now }) => {
  const status: IncidentStatus = incident.previousStatus ?? 'reported';
  const targetId = incident.mergedInto;
  return {
    change: {
      type: 'incident.unmerged',
      to: status,
      set: { mergedInto: undefined, previousStatus: undefined, clock: await clockFor(deps, status, incident, category, now) },
      detail: { targetId: targetId ? String(targetId) : undefined },
    },
    after: async (stored) => {
      if (targetId) await deps.models.Incident.updateOne({ _id: targetId }, { $pull: { duplicateIds: stored._id } });
      return stored;
    },
  };
};

async function clockFor(deps: Pick<CommandDeps, 'models'>, status: IncidentStatus, incident: Incident, category: Category, now: Date): Promise<StageClock | undefined> {
  if (status === 'reported') return newStageClock(deps, category, 'accept', now);
  if (status === 'accepted' || status === 'returned') return newStageClock(deps, category, 'dispatch', now);
  return handleClockFrom(incident.assignments);
}
