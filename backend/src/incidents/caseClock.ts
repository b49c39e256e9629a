import type { AppDeps } from '../deps.js';
import { addWorkingMinutes, workingMinutesBetween, type WorkingCalendar } from '../deadlines/index.js';
import type { Assignment, Category, ClockStage, Incident, StageClock } from '../models/index.js';
import { departmentCalendar } from '../reference/index.js';
import { ACTIVE_ASSIGNMENT } from './rules/summary.js';

/**
 * The one place that answers "what is this case's deadline and clock": the
 * traffic-light levels, when a stage warns and falls due in its department's
 * working calendar, the clocks of a stage and of each assignment, how far a
 * clock has run, and when the deadline monitor must next look at the case.
 * (Working-time arithmetic itself is pure maths in deadlines/.)
 */

/** Traffic-light level of a stage clock: green below 80 % of its limit, yellow to 100 %, red beyond. */
export type StageLevel = 'green' | 'yellow' | 'red';

/** Share of the limit at which a stage turns yellow and the monitor warns (预警). */
export const WARN_RATIO = 0.8;
/** Share of the limit at which a stage is breached (超期) and escalates. */
export const BREACH_RATIO = 1;

/**
 * The level for elapsed ÷ limit: green < 0.8 ≤ yellow < 1 ≤ red. A ratio that is
 * not a number (a zero limit with nothing elapsed) counts as red: it is due now.
 */
export function stageLevel(elapsedRatio: number): StageLevel {
  if (elapsedRatio < WARN_RATIO) return 'green';
  if (elapsedRatio < BREACH_RATIO) return 'yellow';
  return 'red';
}

/** When a stage started at `startedAt` with a limit in working minutes warns (80 %) and falls due (100 %). */
export function stageDeadline(cal: WorkingCalendar, startedAt: Date, limitMinutes: number): { warnAt: Date; dueAt: Date } {
  return { warnAt: addWorkingMinutes(cal, startedAt, limitMinutes * WARN_RATIO), dueAt: addWorkingMinutes(cal, startedAt, limitMinutes) };
}

export interface StageProgress {
  /** Working minutes from the stage's start to now. */
  elapsedMinutes: number;
  /** Working minutes from now to the due time; negative once overdue. */
  remainingMinutes: number;
  /** Working minutes from start to due. */
  limitMinutes: number;
  level: StageLevel;
}

/** How far a stage clock has run at `now`, all in the calendar's working minutes (fractional). */
export function stageProgress(cal: WorkingCalendar, clock: { startedAt: Date; dueAt: Date }, now: Date): StageProgress {
  const limitMinutes = workingMinutesBetween(cal, clock.startedAt, clock.dueAt);
  const elapsedMinutes = workingMinutesBetween(cal, clock.startedAt, now);
  const remainingMinutes = workingMinutesBetween(cal, now, clock.dueAt);
  // Past the due instant is red even when no working time has passed since (a weekend after a Friday deadline).
  const ratio = now.getTime() >= clock.dueAt.getTime() ? Infinity : elapsedMinutes / limitMinutes;
  return { elapsedMinutes, remainingMinutes, limitMinutes, level: stageLevel(ratio) };
}


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


/** The next instant at which a stage clock needs the monitor: warning, then breach, then the next escalation, unless acknowledged. */
export function clockNextAt(clock: StageClock | undefined): Date | undefined {
  if (!clock) return undefined;
  if (!clock.warnedAt) return new Date(clock.warnAt);
  if (!clock.breachedAt) return new Date(clock.dueAt);
  if (!clock.acknowledgedAt && clock.nextEscalationAt) return new Date(clock.nextEscalationAt);
  return undefined;
}

/**
 * When the deadline monitor must next look at an incident: the earliest of its
 * stage clock's next step and an unanswered supervision's deadline; undefined
 * when nothing is pending. Every write keeps this field, so the monitor's query
 * is one indexed range `{ monitorAt: { $lte: now } }`.
 */
export function nextMonitorAt(i: Pick<Incident, 'clock' | 'supervision'>): Date | undefined {
  const candidates: number[] = [];
  const c = clockNextAt(i.clock);
  if (c) candidates.push(c.getTime());
  const s = i.supervision;
  if (s && !s.repliedAt && !s.breachedAt) candidates.push(new Date(s.dueAt).getTime());
  return candidates.length ? new Date(Math.min(...candidates)) : undefined;
}
