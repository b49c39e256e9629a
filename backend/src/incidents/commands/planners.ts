import { planAccept, planReject } from './acceptIncident.js';
import type { Planner } from './actionTypes.js';
import { planDispatch } from './dispatchIncident.js';
import { planReturn, planStart } from './handleAssignment.js';
import { planMerge, planUnmerge } from './mergeIncident.js';
import { planApprovePostpone, planDenyPostpone, planPostpone, planSuspend } from './postponeIncident.js';
import { planEvaluate, planReopen } from './reopenIncident.js';
import { planResolve } from './resolveAssignment.js';
import type { IncidentAction } from '../rules/stateMachine.js';
import { planAcknowledge, planReply, planSupervise } from './superviseIncident.js';
import { planClose, planVerify } from './verifyIncident.js';

/** The command of each action: builds its one change once the runner has done the generic checks. */
export const PLANNERS: { [A in IncidentAction]: Planner<A> } = {
  accept: planAccept,
  reject: planReject,
  dispatch: planDispatch,
  start: planStart,
  return: planReturn,
  postpone: planPostpone,
  'approve-postpone': planApprovePostpone,
  'deny-postpone': planDenyPostpone,
  suspend: planSuspend,
  resolve: planResolve,
  verify: planVerify,
  close: planClose,
  reopen: planReopen,
  evaluate: planEvaluate,
  merge: planMerge,
  unmerge: planUnmerge,
  supervise: planSupervise,
  reply: planReply,
  acknowledge: planAcknowledge,
};
