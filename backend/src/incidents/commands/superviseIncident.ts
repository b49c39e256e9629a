import { departmentCalendar } from '../../reference/index.js';
import { addWorkingMinutes } from '../../deadlines/index.js';
import { Unprocessable } from '../../kernel/index.js';
import type { Planner } from './actionTypes.js';
import { activeDepartmentCodes } from '../rules/summary.js';

/**
 * 督办: a supervisor puts a case under supervision with a message and a reply
 * deadline (working minutes of the lead department, district default when not
 * given); the departments working it must reply. The monitor reports a missed reply.
 */
export const planSupervise: Planner<'supervise'> = async ({ deps, incident, body, policy, principal, now }) => {
  const departmentCodes = activeDepartmentCodes(incident);
  const lead = incident.assignments.find((a) => a.role === 'lead' && departmentCodes.includes(a.departmentCode))?.departmentCode ?? departmentCodes[0];
  const minutes = body.minutes ?? policy.supervisionReplyMinutes;
  const dueAt = addWorkingMinutes(await departmentCalendar(deps.models, lead), now, minutes);
  return {
    change: {
      type: 'incident.supervised',
      set: { supervision: { message: body.message, by: { id: principal.id, name: principal.displayName }, at: now, dueAt, departmentCodes } },
      detail: { message: body.message, dueAt, departmentCodes },
    },
  };
};

/** 督办回复: a department working the case answers the supervision. */
export const planReply: Planner<'reply'> = ({ incident, assignment, body, principal, now }) => {
  const s = incident.supervision;
  if (!s || s.repliedAt) throw new Unprocessable('no_supervision', 'the incident is not under supervision awaiting a reply');
  const departmentCode = assignment?.departmentCode ?? principal.departmentCode;
  return {
    change: {
      type: 'incident.replied',
      set: { supervision: { ...s, reply: body.message, repliedAt: now, repliedBy: principal.id } },
      detail: { message: body.message, departmentCode },
    },
  };
};

/**
 * Acknowledges an escalation (the called rung takes the case in hand): the
 * escalation stops climbing. Only a case whose clock has been escalated can be
 * acknowledged.
 */
export const planAcknowledge: Planner<'acknowledge'> = ({ incident, body, now }) => {
  const clock = incident.clock;
  if (!clock || clock.escalationLevel < 1 || clock.acknowledgedAt) throw new Unprocessable('nothing_to_acknowledge', 'the incident has no open escalation');
  return {
    change: {
      type: 'incident.acknowledged',
      set: { clock: { ...clock, acknowledgedAt: now } },
      detail: { stage: clock.stage, level: clock.escalationLevel, note: body.note },
    },
  };
};
