import type { WorkingCalendar } from '../models/Department.js';

/** The schema default for a department: Mon–Fri 09:00–12:00 and 13:30–17:30, Beijing time, no holidays listed. */
export const DEFAULT_WORKING_CALENDAR: Readonly<WorkingCalendar> = Object.freeze({
  timeZone: 'Asia/Shanghai',
  workdays: [1, 2, 3, 4, 5],
  hours: [
    { start: '09:00', end: '12:00' },
    { start: '13:30', end: '17:30' },
  ],
  holidays: [],
  makeupWorkdays: [],
});

/** Round the clock, every day (the command center, emergency services): working time equals elapsed time. */
export const ALWAYS_WORKING_CALENDAR: Readonly<WorkingCalendar> = Object.freeze({
  timeZone: 'Asia/Shanghai',
  workdays: [1, 2, 3, 4, 5, 6, 7],
  hours: [{ start: '00:00', end: '24:00' }],
  holidays: [],
  makeupWorkdays: [],
});
