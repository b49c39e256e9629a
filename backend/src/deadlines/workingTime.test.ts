import { describe, expect, it } from 'vitest';
import type { WorkingCalendar } from '../deadlines/calendars.js';
import { ALWAYS_WORKING_CALENDAR, DEFAULT_WORKING_CALENDAR } from './calendars.js';
import { addWorkingMinutes, isWorkingInstant, nextWorkingInstant, workingMinutesBetween } from './workingTime.js';

/** Beijing wall time as an instant. */
const bj = (local: string) => new Date(`${local}:00+08:00`);
const office: WorkingCalendar = { ...DEFAULT_WORKING_CALENDAR }; // Mon–Fri 09:00–12:00, 13:30–17:30 = 420 min/day

// National Day 2026 as test data: 1–7 October off, Sunday 20 September and Saturday 10 October worked (调休).
const nationalDay: WorkingCalendar = {
  ...office,
  holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
  makeupWorkdays: ['2026-09-20', '2026-10-10'],
};

describe('addWorkingMinutes', () => {
  it('adds inside one morning period', () => {
    expect(addWorkingMinutes(office, bj('2026-11-09T09:00'), 60)).toEqual(bj('2026-11-09T10:00'));
  });

  it('skips the lunch break', () => {
    expect(addWorkingMinutes(office, bj('2026-11-09T11:30'), 60)).toEqual(bj('2026-11-09T14:00'));
  });

  it('stays at a period’s end when the time runs out exactly there', () => {
    expect(addWorkingMinutes(office, bj('2026-11-09T11:00'), 60)).toEqual(bj('2026-11-09T12:00'));
  });

  it('starts counting at the next period when started outside working hours', () => {
    expect(addWorkingMinutes(office, bj('2026-11-09T07:00'), 30)).toEqual(bj('2026-11-09T09:30'));
    expect(addWorkingMinutes(office, bj('2026-11-09T12:30'), 30)).toEqual(bj('2026-11-09T14:00'));
    expect(addWorkingMinutes(office, bj('2026-11-09T18:00'), 30)).toEqual(bj('2026-11-10T09:30'));
  });

  it('carries across a weekend', () => {
    expect(addWorkingMinutes(office, bj('2026-11-06T17:00'), 60)).toEqual(bj('2026-11-09T09:30'));
    expect(addWorkingMinutes(office, bj('2026-11-07T10:00'), 60)).toEqual(bj('2026-11-09T10:00'));
  });

  it('skips a public holiday week and works the make-up days (调休)', () => {
    expect(addWorkingMinutes(nationalDay, bj('2026-09-30T17:00'), 60)).toEqual(bj('2026-10-08T09:30'));
    expect(addWorkingMinutes(nationalDay, bj('2026-10-09T17:00'), 60)).toEqual(bj('2026-10-10T09:30'));
    expect(addWorkingMinutes(nationalDay, bj('2026-09-19T10:00'), 60)).toEqual(bj('2026-09-20T10:00'));
    // Without the holiday data the same start lands on Thursday 1 October.
    expect(addWorkingMinutes(office, bj('2026-09-30T17:00'), 60)).toEqual(bj('2026-10-01T09:30'));
  });

  it('returns the start unchanged for zero minutes, even outside working hours', () => {
    expect(addWorkingMinutes(office, bj('2026-11-07T03:00'), 0)).toEqual(bj('2026-11-07T03:00'));
  });

  it('adds 30 working days of 7 hours in six calendar weeks', () => {
    expect(addWorkingMinutes(office, bj('2026-11-09T09:00'), 30 * 420)).toEqual(bj('2026-12-18T17:30'));
  });

  it('handles fractional minutes to the millisecond', () => {
    expect(addWorkingMinutes(office, bj('2026-11-09T09:00'), 0.5)).toEqual(new Date(bj('2026-11-09T09:00').getTime() + 30_000));
  });

  it('counts a 24/7 calendar as plain elapsed time, across midnight and weekends', () => {
    const start = bj('2026-11-06T22:15');
    expect(addWorkingMinutes(ALWAYS_WORKING_CALENDAR, start, 3 * 1440)).toEqual(bj('2026-11-09T22:15'));
  });

  it('refuses negative or non-finite minutes and calendars without working time', () => {
    expect(() => addWorkingMinutes(office, bj('2026-11-09T09:00'), -1)).toThrow(RangeError);
    expect(() => addWorkingMinutes(office, bj('2026-11-09T09:00'), Infinity)).toThrow(RangeError);
    expect(() => addWorkingMinutes({ ...office, hours: [] }, bj('2026-11-09T09:00'), 1)).toThrow(RangeError);
    expect(() => addWorkingMinutes({ ...office, workdays: [], makeupWorkdays: ['2020-01-01'] }, bj('2026-11-09T09:00'), 1)).toThrow(/no working time ahead/);
  });

  it('refuses malformed periods and unknown time zones', () => {
    expect(() => addWorkingMinutes({ ...office, hours: [{ start: '17:00', end: '09:00' }] }, bj('2026-11-09T09:00'), 1)).toThrow(RangeError);
    expect(() => addWorkingMinutes({ ...office, hours: [{ start: '9am', end: '17:00' }] }, bj('2026-11-09T09:00'), 1)).toThrow(RangeError);
    expect(() => addWorkingMinutes({ ...office, hours: [{ start: '09:00', end: '24:01' }] }, bj('2026-11-09T09:00'), 1)).toThrow(RangeError);
    expect(() => addWorkingMinutes({ ...office, timeZone: 'Mars/Olympus' }, bj('2026-11-09T09:00'), 1)).toThrow(RangeError);
  });

  it('merges overlapping periods instead of counting them twice', () => {
    const overlapping: WorkingCalendar = { ...office, hours: [{ start: '09:00', end: '12:00' }, { start: '11:00', end: '13:00' }] };
    expect(workingMinutesBetween(overlapping, bj('2026-11-09T00:00'), bj('2026-11-10T00:00'))).toBe(240);
  });
});

describe('workingMinutesBetween', () => {
  it('counts only working periods, and is negative backwards', () => {
    expect(workingMinutesBetween(office, bj('2026-11-09T11:30'), bj('2026-11-09T14:00'))).toBe(60);
    expect(workingMinutesBetween(office, bj('2026-11-09T14:00'), bj('2026-11-09T11:30'))).toBe(-60);
    expect(workingMinutesBetween(office, bj('2026-11-09T14:00'), bj('2026-11-09T14:00'))).toBe(0);
  });

  it('counts nothing over a weekend and a full week of 2,100 minutes', () => {
    expect(workingMinutesBetween(office, bj('2026-11-06T17:30'), bj('2026-11-09T09:00'))).toBe(0);
    expect(workingMinutesBetween(office, bj('2026-11-09T00:00'), bj('2026-11-16T00:00'))).toBe(2100);
  });

  it('counts make-up days and skips holidays', () => {
    // 30 Sep (Wed) + 8 Oct (Thu) only: 1–7 Oct are off.
    expect(workingMinutesBetween(nationalDay, bj('2026-09-30T00:00'), bj('2026-10-09T00:00'))).toBe(840);
    // Sat 10 Oct is a make-up workday, Sun 11 Oct is not.
    expect(workingMinutesBetween(nationalDay, bj('2026-10-10T00:00'), bj('2026-10-12T00:00'))).toBe(420);
  });

  it('is the inverse of addWorkingMinutes for random starts and spans', () => {
    let s = 99;
    const rnd = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    for (const cal of [office, nationalDay, ALWAYS_WORKING_CALENDAR]) {
      for (let i = 0; i < 300; i++) {
        const start = new Date(bj('2026-09-01T00:00').getTime() + Math.floor(rnd() * 60 * 86_400_000));
        const minutes = Math.floor(rnd() * 10_000);
        expect(workingMinutesBetween(cal, start, addWorkingMinutes(cal, start, minutes))).toBe(minutes);
      }
    }
  });
});

describe('isWorkingInstant and nextWorkingInstant', () => {
  it('treats periods as [start, end)', () => {
    expect(isWorkingInstant(office, bj('2026-11-09T09:00'))).toBe(true);
    expect(isWorkingInstant(office, bj('2026-11-09T11:59'))).toBe(true);
    expect(isWorkingInstant(office, bj('2026-11-09T12:00'))).toBe(false);
    expect(isWorkingInstant(office, bj('2026-11-09T08:59'))).toBe(false);
  });

  it('honours weekends, holidays and make-up days', () => {
    expect(isWorkingInstant(office, bj('2026-11-07T10:00'))).toBe(false);
    expect(isWorkingInstant(nationalDay, bj('2026-10-05T10:00'))).toBe(false);
    expect(isWorkingInstant(nationalDay, bj('2026-10-10T10:00'))).toBe(true);
    expect(isWorkingInstant(ALWAYS_WORKING_CALENDAR, bj('2026-10-04T03:00'))).toBe(true);
  });

  it('finds the next working instant', () => {
    expect(nextWorkingInstant(office, bj('2026-11-06T18:00'))).toEqual(bj('2026-11-09T09:00'));
    expect(nextWorkingInstant(office, bj('2026-11-09T12:10'))).toEqual(bj('2026-11-09T13:30'));
    expect(nextWorkingInstant(office, bj('2026-11-09T10:00'))).toEqual(bj('2026-11-09T10:00'));
  });
});

describe('time zones', () => {
  it('reads working hours in the calendar’s own zone', () => {
    const utc: WorkingCalendar = { ...office, timeZone: 'UTC' };
    // 09:00 UTC is 17:00 in Beijing.
    expect(addWorkingMinutes(utc, new Date('2026-11-09T00:00:00Z'), 60)).toEqual(new Date('2026-11-09T10:00:00Z'));
    expect(addWorkingMinutes(office, new Date('2026-11-09T00:00:00Z'), 60)).toEqual(new Date('2026-11-09T02:00:00Z'));
  });

  it('follows daylight saving in zones that have it (Europe/Berlin, 29 March 2026 is 23 hours)', () => {
    const berlin247: WorkingCalendar = { ...ALWAYS_WORKING_CALENDAR, timeZone: 'Europe/Berlin' };
    expect(workingMinutesBetween(berlin247, new Date('2026-03-28T23:00:00Z'), new Date('2026-03-29T22:00:00Z'))).toBe(23 * 60);
    const berlinOffice: WorkingCalendar = { ...office, timeZone: 'Europe/Berlin' };
    expect(addWorkingMinutes(berlinOffice, new Date('2026-03-27T16:00:00Z'), 60)).toEqual(new Date('2026-03-30T07:30:00Z')); // 30 min Friday to 17:30 CET, 30 Monday from 09:00 CEST;
  });
});
