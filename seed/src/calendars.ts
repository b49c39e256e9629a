import type { WorkingCalendar } from '@onegrid/backend/deadlines';

/**
 * Public holidays of 2026 (State Council notice, 国务院办公厅关于2026年部分节假日安排的通知):
 * 元旦 1–3 Jan, 春节 15–23 Feb, 清明 4–6 Apr, 劳动节 1–5 May, 端午 19–21 Jun,
 * 中秋 25–27 Sep, 国庆 1–7 Oct.
 */
export const HOLIDAYS_2026: readonly string[] = [
  ...days('2026-01-01', 3),
  ...days('2026-02-15', 9),
  ...days('2026-04-04', 3),
  ...days('2026-05-01', 5),
  ...days('2026-06-19', 3),
  ...days('2026-09-25', 3),
  ...days('2026-10-01', 7),
];

/** Weekend days worked in 2026 to make up for the long holidays (调休). */
export const MAKEUP_WORKDAYS_2026: readonly string[] = ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'];

/** Office hours of a government department: Mon–Fri 09:00–12:00 and 13:30–17:30 Beijing time, 2026 holidays off. */
export const OFFICE_CALENDAR: WorkingCalendar = {
  timeZone: 'Asia/Shanghai',
  workdays: [1, 2, 3, 4, 5],
  hours: [
    { start: '09:00', end: '12:00' },
    { start: '13:30', end: '17:30' },
  ],
  holidays: [...HOLIDAYS_2026],
  makeupWorkdays: [...MAKEUP_WORKDAYS_2026],
};

/** Round the clock, every day: command centers, police, fire, utilities' emergency repair. */
export const ROUND_THE_CLOCK_CALENDAR: WorkingCalendar = {
  timeZone: 'Asia/Shanghai',
  workdays: [1, 2, 3, 4, 5, 6, 7],
  hours: [{ start: '00:00', end: '24:00' }],
  holidays: [],
  makeupWorkdays: [],
};

/** Working minutes in one office day (3 h + 4 h). */
export const OFFICE_DAY_MINUTES = 420;

function days(first: string, count: number): string[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}
