import { BadRequest, Conflict, Forbidden, NotFound, Unprocessable, type Principal } from '../../kernel/index.js';
import type { Category, Incident } from '../../models/index.js';
import { ACTION_BODIES } from './actionSchemas.js';
import type { ActionContext, CommandDeps } from './actionTypes.js';
import { PLANNERS } from './planners.js';
import { incidentPolicy } from '../rules/policy.js';
import { actingAssignment, canSee } from '../rules/scope.js';
import { canTransition, TRANSITIONS, type IncidentAction } from '../rules/stateMachine.js';
import { loadIncident, writeIncidentChange } from './writeIncident.js';

/**
 * Runs one action on an incident: checks the body, the caller's role and scope,
 * the version the caller saw (409 stale_version), the transition (422
 * illegal_transition naming from and action), lets the action's planner build
 * the single change, writes it atomically with its one event and one audit
 * entry, runs what follows (e.g. forwarding for verification), and returns the
 * incident as stored.
 */
export async function applyAction(deps: CommandDeps, principal: Principal, id: string, action: IncidentAction, rawBody: unknown): Promise<Incident> {
  const rule = TRANSITIONS[action];
  const parsed = ACTION_BODIES[action].safeParse(rawBody ?? {});
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new BadRequest(`invalid body for ${action}`, details, 'invalid_body');
  }
  const body = parsed.data;
  if (!rule.roles.includes(principal.role)) throw new Forbidden(`role ${principal.role} may not ${action}`, 'forbidden_action', { action });

  const incident = await loadIncident(deps, id);
  if (!canSee(principal, incident)) throw new NotFound('incident', id);
  if (body.version !== incident.version) {
    throw new Conflict(`incident ${id} is at version ${incident.version}, not ${body.version}`, 'stale_version', { id, version: incident.version });
  }
  if (!canTransition(incident.status, action)) {
    throw new Unprocessable('illegal_transition', `cannot ${action} an incident that is ${incident.status}`, { from: incident.status, action });
  }
  if (rule.reasonRequired && !body.reason) throw new BadRequest(`${action} needs a reason`, { action }, 'reason_required');

  const named = (body as { departmentCode?: string }).departmentCode;
  const assignment = actingAssignment(principal, incident, named);
  if (rule.scope === 'assignee' && principal.role === 'department' && !assignment) {
    throw new Forbidden(`department ${principal.departmentCode} has no active assignment on this incident`, 'not_assignee');
  }
  const category = await deps.models.Category.findOne({ code: incident.categoryCode }).lean<Category>();
  if (!category) throw new Unprocessable('category_unknown', `unknown category ${incident.categoryCode}`, { categoryCode: incident.categoryCode });

  const now = deps.clock.now();
  const ctx = { deps, principal, incident, body, now, category, policy: await incidentPolicy(deps.conn), assignment } as ActionContext;
  const plan = await (PLANNERS[action] as (c: ActionContext) => ReturnType<(typeof PLANNERS)[typeof action]>)(ctx);
  if (!plan.keepStatus) plan.change.to ??= rule.to ?? undefined;
  plan.change.reason ??= body.reason;
  const stored = await writeIncidentChange(deps, incident, plan.change, principal);
  return plan.after ? plan.after(stored) : stored;
}
