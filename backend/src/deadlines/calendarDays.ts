import type { WorkingCalendar } from '../deadlines/calendars.js';
import { localToUtcMs, utcToLocalMs } from './timeZone.js';

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/**
 * A WorkingCalendar checked and prepared for fast day-by-day walks: periods as
 * sorted, merged minute ranges; dates as sets. Built once per calendar object.
 */
export interface PreparedCalendar {
  timeZone: string;
  workdays: Set<number>;
  /** [startMinute, endMinute) of the local day, sorted and non-overlapping; end ≤ 1440. */
  periods: [number, number][];
  holidays: Set<string>;
  makeupWorkdays: Set<string>;
  /** False when no day can ever have working time (no periods, or no workdays and no make-up days). */
  hasWorkingTime: boolean;
}

const prepared = new WeakMap<WorkingCalendar, PreparedCalendar>();

/** Validates and prepares a calendar (cached per object); throws RangeError on a malformed period or zone. */
export function prepareCalendar(cal: WorkingCalendar): PreparedCalendar {
  let p = prepared.get(cal);
  if (p) return p;
  const timeZone = cal.timeZone || 'Asia/Shanghai';
  localToUtcMs(timeZone, 0); // throws RangeError now on an unknown zone
  const periods = (cal.hours ?? [])
    .map(({ start, end }): [number, number] => {
      const s = parseClock(start);
      const e = parseClock(end);
      if (s >= e) throw new RangeError(`working period ${start}–${end} ends before it starts`);
      return [s, e];
    })
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of periods) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  const workdays = new Set(cal.workdays ?? []);
  const makeupWorkdays = new Set(cal.makeupWorkdays ?? []);
  p = {
    timeZone,
    workdays,
    periods: merged,
    holidays: new Set(cal.holidays ?? []),
    makeupWorkdays,
    hasWorkingTime: merged.length > 0 && (workdays.size > 0 || makeupWorkdays.size > 0),
  };
  prepared.set(cal, p);
  return p;
}

/** Minutes since local midnight of `HH:mm` (`24:00` allowed as an end); throws RangeError otherwise. */
export function parseClock(text: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text ?? '');
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  if (!m || Number(m[2]) > 59 || !(minutes <= 1440)) throw new RangeError(`invalid time of day ${JSON.stringify(text)}`);
  return minutes;
}

/** The local calendar day (days since 1970-01-01 in the zone) containing the instant. */
export function localDayOf(cal: PreparedCalendar, utcMs: number): number {
  return Math.floor(utcToLocalMs(cal.timeZone, utcMs) / DAY_MS);
}

/** `YYYY-MM-DD` of a local day number (proleptic Gregorian; civil-from-days, no Date allocation). */
export function dayKey(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a local day number (day 0 was a Thursday). */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Whether the local day is worked: a holiday never is, a make-up day (调休) always is, else its weekday decides. */
export function isWorkingDay(cal: PreparedCalendar, day: number): boolean {
  if (cal.holidays.size || cal.makeupWorkdays.size) {
    const key = dayKey(day);
    if (cal.holidays.has(key)) return false;
    if (cal.makeupWorkdays.has(key)) return true;
  }
  return cal.workdays.has(isoWeekday(day));
}

/** The day's working periods as UTC instants `[start, end)`; empty on a non-working day. */
export function workingIntervals(cal: PreparedCalendar, day: number): [number, number][] {
  if (!isWorkingDay(cal, day)) return [];
  const midnight = day * DAY_MS;
  return cal.periods.map(([s, e]) => [localToUtcMs(cal.timeZone, midnight + s * MINUTE_MS), localToUtcMs(cal.timeZone, midnight + e * MINUTE_MS)]);
}
