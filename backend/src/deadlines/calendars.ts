/** A department's working calendar; deadlines are counted in this working time. */
export interface WorkingCalendar {
  /** IANA time zone, e.g. Asia/Shanghai. */
  timeZone: string;
  /** ISO weekdays that are working days (1 = Monday … 7 = Sunday). */
  workdays: number[];
  /** Working periods of a working day, local time `HH:mm`. A 24/7 department has [{start:'00:00', end:'24:00'}]. */
  hours: { start: string; end: string }[];
  /** Public holidays `YYYY-MM-DD` (not worked even on a workday). */
  holidays: string[];
  /** Make-up working days `YYYY-MM-DD` (调休: worked even on a weekend). */
  makeupWorkdays: string[];
}

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
