import type { Role } from '../../kernel/index.js';
import type { IncidentStatus } from '../../models/index.js';

/**
 * The closed loop as data: for every action, the states it may start from, the
 * state it leads to, who may take it and which event it writes. Commands add
 * only what is specific to them (joint handling, deadlines); the generic runner
 * (applyAction.ts) enforces this table.
 */
export const INCIDENT_ACTIONS = [
  'accept',
  'reject',
  'dispatch',
  'start',
  'return',
  'postpone',
  'approve-postpone',
  'deny-postpone',
  'suspend',
  'resolve',
  'verify',
  'close',
  'reopen',
  'evaluate',
  'merge',
  'unmerge',
  'supervise',
  'reply',
  'acknowledge',
] as const;
export type IncidentAction = (typeof INCIDENT_ACTIONS)[number];

/**
 * Whose case it must be for the caller to act:
 * - `command`: anyone of the listed roles (command center, supervisors see every case);
 * - `assignee`: a department role must hold an active assignment on the case;
 * - `grid`: a worker must be responsible for the case's grid cell.
 */
export type ActionScope = 'command' | 'assignee' | 'grid';

export interface TransitionRule {
  from: readonly IncidentStatus[];
  /** The state after the action; `null` keeps the current one (the command may still decide, e.g. joint handling). */
  to: IncidentStatus | null;
  roles: readonly Role[];
  scope: ActionScope;
  /** The event written (one per action). */
  event: string;
  /** The caller must give a reason (回退, 驳回, 返工 …). */
  reasonRequired: boolean;
}

const COMMAND: readonly Role[] = ['admin', 'commander', 'supervisor'];
const SUPERVISORS: readonly Role[] = ['admin', 'supervisor'];
const DEPARTMENT: readonly Role[] = ['admin', 'department'];
/** States in which departments are working the case (dispatch done, not yet resolved). */
const HANDLING: readonly IncidentStatus[] = ['dispatched', 'in_progress', 'postponement_requested', 'suspended', 'reopened'];

export const TRANSITIONS: Readonly<Record<IncidentAction, TransitionRule>> = {
  accept: { from: ['reported'], to: 'accepted', roles: COMMAND, scope: 'command', event: 'incident.accepted', reasonRequired: false },
  reject: { from: ['reported', 'accepted'], to: 'rejected', roles: COMMAND, scope: 'command', event: 'incident.rejected', reasonRequired: true },
  // Dispatching straight from `reported` is accept-and-dispatch in one step (also how trusted alarms are auto-accepted).
  dispatch: { from: ['reported', 'accepted', 'returned'], to: 'dispatched', roles: COMMAND, scope: 'command', event: 'incident.dispatched', reasonRequired: false },
  start: { from: ['dispatched', 'in_progress', 'reopened', 'suspended'], to: 'in_progress', roles: DEPARTMENT, scope: 'assignee', event: 'incident.started', reasonRequired: false },
  return: { from: ['dispatched', 'in_progress', 'reopened'], to: 'returned', roles: DEPARTMENT, scope: 'assignee', event: 'incident.returned', reasonRequired: true },
  postpone: { from: ['in_progress'], to: 'postponement_requested', roles: DEPARTMENT, scope: 'assignee', event: 'incident.postponement_requested', reasonRequired: true },
  'approve-postpone': { from: ['postponement_requested'], to: 'in_progress', roles: SUPERVISORS, scope: 'command', event: 'incident.postponement_approved', reasonRequired: false },
  'deny-postpone': { from: ['postponement_requested'], to: 'in_progress', roles: SUPERVISORS, scope: 'command', event: 'incident.postponement_denied', reasonRequired: true },
  suspend: { from: ['in_progress', 'postponement_requested'], to: 'suspended', roles: SUPERVISORS, scope: 'command', event: 'incident.suspended', reasonRequired: true },
  resolve: { from: ['dispatched', 'in_progress', 'postponement_requested', 'reopened'], to: 'resolved', roles: DEPARTMENT, scope: 'assignee', event: 'incident.resolved', reasonRequired: false },
  verify: { from: ['verifying'], to: null, roles: ['admin', 'commander', 'supervisor', 'worker'], scope: 'grid', event: 'incident.verified', reasonRequired: false },
  close: { from: ['verifying'], to: 'closed', roles: COMMAND, scope: 'command', event: 'incident.closed', reasonRequired: false },
  reopen: { from: ['verifying', 'closed'], to: 'reopened', roles: COMMAND, scope: 'command', event: 'incident.reopened', reasonRequired: true },
  evaluate: { from: ['closed'], to: 'evaluated', roles: COMMAND, scope: 'command', event: 'incident.evaluated', reasonRequired: false },
  merge: { from: ['reported', 'accepted', 'dispatched', 'returned'], to: 'merged', roles: COMMAND, scope: 'command', event: 'incident.merged', reasonRequired: false },
  unmerge: { from: ['merged'], to: null, roles: COMMAND, scope: 'command', event: 'incident.unmerged', reasonRequired: false },
  supervise: { from: HANDLING, to: null, roles: SUPERVISORS, scope: 'command', event: 'incident.supervised', reasonRequired: false },
  reply: { from: [...HANDLING, 'resolved', 'verifying'], to: null, roles: DEPARTMENT, scope: 'assignee', event: 'incident.replied', reasonRequired: false },
  acknowledge: {
    from: ['reported', 'accepted', 'returned', 'verifying', ...HANDLING],
    to: null,
    roles: ['admin', 'commander', 'supervisor', 'department'],
    scope: 'assignee',
    event: 'incident.acknowledged',
    reasonRequired: false,
  },
};

/** System transitions nobody calls over HTTP: the command center forwarding a resolved case to the grid worker (反馈 → 核查). */
export const FORWARD_FOR_VERIFICATION = { from: ['resolved'] as const, to: 'verifying' as const, event: 'incident.verifying' };

/** True when `action` is allowed from `status` by the table. */
export function canTransition(status: IncidentStatus, action: IncidentAction): boolean {
  return TRANSITIONS[action].from.includes(status);
}

/** The actions the table allows from a status for a role (for "what can I do now" buttons). */
export function availableActions(status: IncidentStatus, role: Role): IncidentAction[] {
  return INCIDENT_ACTIONS.filter((a) => canTransition(status, a) && TRANSITIONS[a].roles.includes(role));
}

/** True when the text names an action of the table (route parameter check). */
export function isIncidentAction(text: string): text is IncidentAction {
  return (INCIDENT_ACTIONS as readonly string[]).includes(text);
}
