/** The face of deadlines/: the only module other folders (and seed, bench, tests) import from it. */
export { ALWAYS_WORKING_CALENDAR, DEFAULT_WORKING_CALENDAR } from './calendars.js';
export type { WorkingCalendar } from './calendars.js';
export { addWorkingMinutes, workingMinutesBetween } from './workingTime.js';
export { localToUtcMs, zoneOffsetMs } from './timeZone.js';
