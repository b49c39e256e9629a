import type { AppDeps } from '../deps.js';
import { stageDeadline } from '../deadlines/stageTiming.js';
import { addWorkingMinutes, workingMinutesBetween } from '../deadlines/workingTime.js';
import { WARN_RATIO } from '../deadlines/stageLevel.js';
import { departmentCalendar } from '../reference/departmentCalendars.js';
import type { Category } from '../models/Category.js';
import type { Assignment, ClockStage, StageClock } from '../models/Incident.js';
import { ACTIVE_ASSIGNMENT } from './summary.js';

type ClockDeps = Pick<AppDeps, 'models'>;

/**
 * A fresh clock for a stage: its limit is the category's for that stage, in the
 * working calendar of `departmentCode` (the command center's 24/7 calendar when
 * undefined). Warning at 80 %, breach at 100 %.
 */
export async function newStageClock(deps: ClockDeps, category: Pick<Category, 'deadlines'>, stage: ClockStage, startedAt: Date, departmentCode?: string): Promise<StageClock> {
  const cal = await departmentCalendar(deps.models, departmentCode);
  const { warnAt, dueAt } = stageDeadline(cal, startedAt, category.deadlines[stage]);
  return { stage, startedAt, warnAt, dueAt, departmentCode, escalationLevel: 0 };
}

/** A department's assignment with its own handling deadline in its own working calendar (联办: each its own). */
export async function newAssignment(deps: ClockDeps, category: Pick<Category, 'deadlines'>, departmentCode: string, role: 'lead' | 'co', at: Date): Promise<Assignment> {
  const cal = await departmentCalendar(deps.models, departmentCode);
  const { warnAt, dueAt } = stageDeadline(cal, at, category.deadlines.handle);
  return { departmentCode, role, status: 'assigned', assignedAt: at, warnAt, dueAt };
}

/** The assignment with its deadline moved `extraMinutes` of its department's working time later (an approved 延期); the warning moves to 80 % of the new span. */
export async function postponedAssignment(deps: ClockDeps, a: Assignment, extraMinutes: number): Promise<Assignment> {
  const cal = await departmentCalendar(deps.models, a.departmentCode);
  const dueAt = addWorkingMinutes(cal, new Date(a.dueAt ?? a.assignedAt), extraMinutes);
  const span = workingMinutesBetween(cal, new Date(a.assignedAt), dueAt);
  return { ...a, dueAt, warnAt: addWorkingMinutes(cal, new Date(a.assignedAt), span * WARN_RATIO) };
}

/**
 * The case's handling clock: it follows the still-active assignment that falls
 * due first, so a late co-handler keeps the case red after the lead finished.
 * When that assignment's deadline is unchanged the previous clock (with its
 * warning, breach and escalation marks) is kept; undefined when no one is active.
 */
export function handleClockFrom(assignments: Assignment[], previous?: StageClock): StageClock | undefined {
  const active = assignments.filter((a) => ACTIVE_ASSIGNMENT.includes(a.status) && a.status !== 'suspended' && a.dueAt);
  if (!active.length) return undefined;
  const first = active.reduce((m, a) => (new Date(a.dueAt!).getTime() < new Date(m.dueAt!).getTime() ? a : m));
  const dueAt = new Date(first.dueAt!);
  if (previous?.stage === 'handle' && previous.departmentCode === first.departmentCode && new Date(previous.dueAt).getTime() === dueAt.getTime()) return previous;
  return {
    stage: 'handle',
    startedAt: new Date(first.assignedAt),
    warnAt: new Date(first.warnAt ?? first.dueAt!),
    dueAt,
    departmentCode: first.departmentCode,
    escalationLevel: 0,
  };
}
