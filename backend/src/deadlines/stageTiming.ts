import type { WorkingCalendar } from '../models/Department.js';
import { stageLevel, WARN_RATIO, type StageLevel } from './stageLevel.js';
import { addWorkingMinutes, workingMinutesBetween } from './workingTime.js';

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
