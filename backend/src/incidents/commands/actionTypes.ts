import type { Principal } from '../../kernel/index.js';
import type { AppDeps } from '../../deps.js';
import type { Assignment, Category, Incident } from '../../models/index.js';
import type { ActionBody } from './actionSchemas.js';
import type { IncidentChange } from './incidentChange.js';
import type { IncidentPolicy } from '../rules/policy.js';
import type { IncidentAction } from '../rules/stateMachine.js';

/** What the incident commands need: no HTTP, no env, so the seed and tests call them directly. */
export type CommandDeps = Pick<AppDeps, 'models' | 'bus' | 'clock' | 'conn' | 'geo'>;

/** Everything a command's planner sees once the runner has checked role, scope, version and transition. */
export interface ActionContext<A extends IncidentAction = IncidentAction> {
  deps: CommandDeps;
  principal: Principal;
  incident: Incident;
  body: ActionBody<A>;
  now: Date;
  category: Category;
  policy: IncidentPolicy;
  /** The acting department's assignment, for actions a department takes through its assignment. */
  assignment?: Assignment;
}

/** What a planner returns: the one change to write, and optionally what follows once it is stored (e.g. forwarding for verification). */
export interface ActionPlan {
  change: IncidentChange;
  /** Keep the current status although the table names a target (joint handling: a co-handler's report does not resolve the case). */
  keepStatus?: boolean;
  after?: (stored: Incident) => Promise<Incident>;
}

export type Planner<A extends IncidentAction = IncidentAction> = (ctx: ActionContext<A>) => Promise<ActionPlan> | ActionPlan;

/** The assignments with `old` (the very element of the array) replaced by `next`, for planners that touch one assignment. */
export function replaceAssignment(assignments: Assignment[], old: Assignment, next: Assignment): Assignment[] {
  return assignments.map((a) => (a === old ? next : a));
}
