import { describe, expect, it } from 'vitest';
import { ALWAYS_WORKING_CALENDAR, DEFAULT_WORKING_CALENDAR, type WorkingCalendar } from '../deadlines/index.js';
import type { Models } from '../models/index.js';
import { DepartmentCalendars } from './departmentCalendars.js';

function fakeDepartments(rows: { code: string; calendar: WorkingCalendar }[]) {
  const reads = { count: 0 };
  const Department = { find: () => ({ lean: async () => (reads.count++, structuredClone(rows)) }) };
  return { models: { Department } as unknown as Pick<Models, 'Department'>, reads, rows };
}

const streetOffice: WorkingCalendar = { ...DEFAULT_WORKING_CALENDAR, holidays: ['2026-10-01'] };

describe('DepartmentCalendars', () => {
  it('returns a department’s own calendar', async () => {
    const { models } = fakeDepartments([{ code: 'SZ', calendar: streetOffice }]);
    expect(await new DepartmentCalendars(models).calendarFor('SZ')).toEqual(streetOffice);
  });

  it('fills in schema defaults for a department stored without (part of) a calendar', async () => {
    const { models } = fakeDepartments([{ code: 'OLD' } as never, { code: 'HALF', calendar: { timeZone: 'UTC' } } as never]);
    const dir = new DepartmentCalendars(models);
    expect(await dir.calendarFor('OLD')).toEqual(DEFAULT_WORKING_CALENDAR);
    expect(await dir.calendarFor('HALF')).toEqual({ ...DEFAULT_WORKING_CALENDAR, timeZone: 'UTC' });
  });

  it('uses the round-the-clock command-center calendar without a department', async () => {
    const { models, reads } = fakeDepartments([]);
    expect(await new DepartmentCalendars(models).calendarFor(undefined)).toBe(ALWAYS_WORKING_CALENDAR);
    expect(reads.count).toBe(0);
  });

  it('throws department_unknown for a code that does not exist even after a re-read', async () => {
    const { models, reads } = fakeDepartments([{ code: 'SZ', calendar: streetOffice }]);
    await expect(new DepartmentCalendars(models).calendarFor('XX')).rejects.toMatchObject({ status: 422, code: 'department_unknown' });
    expect(reads.count).toBe(2);
  });

  it('reads once within the TTL, again after it, and sees a department added meanwhile', async () => {
    const { models, reads, rows } = fakeDepartments([{ code: 'SZ', calendar: streetOffice }]);
    let now = 0;
    const dir = new DepartmentCalendars(models, 1000, () => now);
    await dir.calendarFor('SZ');
    await dir.calendarFor('SZ');
    expect(reads.count).toBe(1);
    rows.push({ code: 'HW', calendar: ALWAYS_WORKING_CALENDAR });
    expect(await dir.calendarFor('HW')).toEqual(ALWAYS_WORKING_CALENDAR);
    expect(reads.count).toBe(2);
    now = 5000;
    await dir.calendarFor('SZ');
    expect(reads.count).toBe(3);
  });
});
