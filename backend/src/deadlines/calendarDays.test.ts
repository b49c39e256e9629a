import { describe, expect, it } from 'vitest';
import { dayKey, isoWeekday, parseClock } from './calendarDays.js';

describe('calendar days', () => {
  it('names every day from 1900 to 2200 exactly as Date does', () => {
    for (let day = -25_567; day < 84_000; day++) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (dayKey(day) !== iso) expect(dayKey(day)).toBe(iso);
    }
  });

  it('gives ISO weekdays (1 = Monday … 7 = Sunday)', () => {
    expect(isoWeekday(0)).toBe(4); // 1970-01-01, a Thursday
    expect(isoWeekday(-1)).toBe(3);
    expect(isoWeekday(Date.parse('2026-10-04') / 86_400_000)).toBe(7);
    expect(isoWeekday(Date.parse('2026-10-05') / 86_400_000)).toBe(1);
  });

  it('parses HH:mm with 24:00 allowed and rejects anything else', () => {
    expect(parseClock('00:00')).toBe(0);
    expect(parseClock('9:05')).toBe(545);
    expect(parseClock('24:00')).toBe(1440);
    for (const bad of ['24:01', '12:60', '1200', '', '-1:00']) expect(() => parseClock(bad), bad).toThrow(RangeError);
  });
});
