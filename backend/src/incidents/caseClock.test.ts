import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKING_CALENDAR } from '../deadlines/index.js';
import { stageDeadline, stageLevel, stageProgress } from './caseClock.js';

const bj = (local: string) => new Date(`${local}:00+08:00`);

describe('stageLevel', () => {
  it('is green below 80 %, yellow from 80 % to below 100 %, red from 100 %', () => {
    expect(stageLevel(0)).toBe('green');
    expect(stageLevel(0.799)).toBe('green');
    expect(stageLevel(0.8)).toBe('yellow');
    expect(stageLevel(0.999)).toBe('yellow');
    expect(stageLevel(1)).toBe('red');
    expect(stageLevel(3)).toBe('red');
  });

  it('treats a ratio that is not a number (zero limit) as red', () => {
    expect(stageLevel(NaN)).toBe('red');
    expect(stageLevel(Infinity)).toBe('red');
  });
});

describe('stageDeadline and stageProgress', () => {
  const cal = DEFAULT_WORKING_CALENDAR;
  const startedAt = bj('2026-11-06T16:30'); // Friday
  const { warnAt, dueAt } = stageDeadline(cal, startedAt, 120); // 2 working hours

  it('puts the warning at 80 % and the due time at 100 % of the working limit', () => {
    expect(warnAt).toEqual(bj('2026-11-09T09:36')); // 60 min on Friday, 36 on Monday
    expect(dueAt).toEqual(bj('2026-11-09T10:00'));
  });

  it('reports remaining working minutes and the level as time passes', () => {
    expect(stageProgress(cal, { startedAt, dueAt }, bj('2026-11-06T17:00'))).toMatchObject({ elapsedMinutes: 30, remainingMinutes: 90, limitMinutes: 120, level: 'green' });
    // The weekend does not count: still 60 minutes left on Sunday night.
    expect(stageProgress(cal, { startedAt, dueAt }, bj('2026-11-08T23:00'))).toMatchObject({ remainingMinutes: 60, level: 'green' });
    expect(stageProgress(cal, { startedAt, dueAt }, bj('2026-11-09T09:40'))).toMatchObject({ remainingMinutes: 20, level: 'yellow' });
    expect(stageProgress(cal, { startedAt, dueAt }, bj('2026-11-09T11:00'))).toMatchObject({ remainingMinutes: -60, level: 'red' });
  });

  it('is red once past the due instant even if no working time has passed since', () => {
    const friday = stageDeadline(cal, bj('2026-11-06T16:30'), 60);
    expect(stageProgress(cal, { startedAt: bj('2026-11-06T16:30'), dueAt: friday.dueAt }, bj('2026-11-07T10:00')).level).toBe('red');
  });
});
