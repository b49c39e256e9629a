import type { StageClock } from '../models/index.js';

/** A case's current deadline as a resident reads it: which step, by when, and whether it is on time. */
export interface PublicDeadline {
  stage: StageClock['stage'];
  dueAt: Date;
  /** `on_time` before 80 % of the limit, `due_soon` from 80 %, `overdue` past it. */
  state: 'on_time' | 'due_soon' | 'overdue';
}

/** The public deadline of a case's stage clock at `now`; undefined when no clock runs (closed, merged, rejected). */
export function publicDeadline(clock: Pick<StageClock, 'stage' | 'dueAt' | 'warnAt'> | undefined, now: Date): PublicDeadline | undefined {
  if (!clock?.dueAt) return undefined;
  const due = new Date(clock.dueAt);
  const warn = clock.warnAt ? new Date(clock.warnAt) : due;
  const state = now >= due ? 'overdue' : now >= warn ? 'due_soon' : 'on_time';
  return { stage: clock.stage, dueAt: due, state };
}
