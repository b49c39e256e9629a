import type { Planner } from './actionTypes.js';
import { newStageClock } from '../caseClock.js';

/**
 * 受理/立案: the command center accepts a report as a case; the dispatch stage's
 * clock starts (command center calendar, the category's dispatch limit).
 */
export const planAccept: Planner<'accept'> = async ({ deps, category, now }) => ({
  change: {
    type: 'incident.accepted',
    set: { acceptedAt: now, clock: await newStageClock(deps, category, 'dispatch', now) },
  },
});

/** 不予受理: the command center rejects a report (not a valid case), with a reason; no clock runs any more. */
export const planReject: Planner<'reject'> = () => ({
  change: { type: 'incident.rejected', set: { clock: undefined } },
});
