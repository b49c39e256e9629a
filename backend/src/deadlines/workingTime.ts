import type { WorkingCalendar } from '../deadlines/calendars.js';
import { localDayOf, MINUTE_MS, prepareCalendar, workingIntervals } from './calendarDays.js';


/**
 * Working-time arithmetic on a department's WorkingCalendar (工作日历): weekdays,
 * several periods a day (lunch breaks), public holidays and make-up workdays (调休),
 * 24/7 calendars (`00:00–24:00`), in the calendar's IANA time zone.
 *
 * Walks are day by day (never minute by minute): adding 30 working days touches
 * about 42 days. Periods are half-open `[start, end)`. Calendars are treated as
 * immutable (prepared once per object); pass a fresh object after an edit.
 */

/** Give up after this many consecutive calendar days without working time (a calendar of only past make-up days). */
const MAX_IDLE_DAYS = 800;

/**
 * The instant reached after `minutes` of working time from `start`. Zero minutes
 * returns `start` unchanged; otherwise time before the next working period is
 * skipped, and a deadline that lands on a period's end stays there (12:00, not 13:30).
 * Throws RangeError for negative or non-finite minutes or a calendar without working time.
 */
export function addWorkingMinutes(cal: WorkingCalendar, start: Date, minutes: number): Date {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`working minutes must be a finite number ≥ 0, got ${minutes}`);
  const from = start.getTime();
  if (minutes === 0) return new Date(from);
  const c = prepareCalendar(cal);
  if (!c.hasWorkingTime) throw new RangeError('the calendar has no working time');
  let remaining = Math.round(minutes * MINUTE_MS);
  let cursor = from;
  let idle = 0;
  for (let day = localDayOf(c, from); ; day++) {
    const intervals = workingIntervals(c, day);
    if (intervals.length === 0 && ++idle > MAX_IDLE_DAYS) throw new RangeError('the calendar has no working time ahead');
    if (intervals.length) idle = 0;
    for (const [s, e] of intervals) {
      if (e <= cursor) continue;
      const begin = Math.max(s, cursor);
      const available = e - begin;
      if (remaining <= available) return new Date(begin + remaining);
      remaining -= available;
      cursor = e;
    }
  }
}

/**
 * The working minutes (fractional) between two instants in the calendar:
 * positive when `b` is after `a`, negative when before, 0 when equal.
 */
export function workingMinutesBetween(cal: WorkingCalendar, a: Date, b: Date): number {
  const from = a.getTime();
  const to = b.getTime();
  if (to < from) return -workingMinutesBetween(cal, b, a);
  if (to === from) return 0;
  const c = prepareCalendar(cal);
  if (!c.hasWorkingTime) return 0;
  let total = 0;
  const lastDay = localDayOf(c, to);
  for (let day = localDayOf(c, from); day <= lastDay; day++) {
    for (const [s, e] of workingIntervals(c, day)) {
      const overlap = Math.min(e, to) - Math.max(s, from);
      if (overlap > 0) total += overlap;
    }
  }
  return total / MINUTE_MS;
}

/** True when the instant falls inside one of the calendar's working periods (start inclusive, end exclusive). */
export function isWorkingInstant(cal: WorkingCalendar, t: Date): boolean {
  const c = prepareCalendar(cal);
  const ms = t.getTime();
  return workingIntervals(c, localDayOf(c, ms)).some(([s, e]) => s <= ms && ms < e);
}

/** The first working instant at or after `t` (t itself when it is working time); throws RangeError like addWorkingMinutes. */
export function nextWorkingInstant(cal: WorkingCalendar, t: Date): Date {
  if (isWorkingInstant(cal, t)) return new Date(t.getTime());
  // Adding a sliver and stepping back lands on the next period's start.
  return new Date(addWorkingMinutes(cal, t, 1 / MINUTE_MS).getTime() - 1);
}
