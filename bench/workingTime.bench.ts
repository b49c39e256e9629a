// Prints how fast working-time maths runs on a realistic calendar (office hours,
// lunch break, a year of Chinese public holidays with make-up days).
// Run: npx tsx bench/workingTime.bench.ts
import { performance } from 'node:perf_hooks';
import { addWorkingMinutes, DEFAULT_WORKING_CALENDAR, workingMinutesBetween, type WorkingCalendar } from '@onegrid/backend/deadlines';

const days = (from: string, n: number) => Array.from({ length: n }, (_, i) => new Date(Date.parse(from) + i * 86_400_000).toISOString().slice(0, 10));
const cal: WorkingCalendar = {
  ...DEFAULT_WORKING_CALENDAR,
  holidays: [...days('2026-01-01', 3), ...days('2026-02-15', 9), ...days('2026-04-04', 3), ...days('2026-05-01', 5), ...days('2026-06-19', 3), ...days('2026-10-01', 7)],
  makeupWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
};

function bench(label: string, n: number, fn: (i: number) => unknown): void {
  for (let i = 0; i < Math.min(n, 1000); i++) fn(i);
  const t = performance.now();
  for (let i = 0; i < n; i++) fn(i);
  const ms = performance.now() - t;
  console.log(`${label.padEnd(48)} ${Math.round((n / ms) * 1000).toLocaleString('en-US').padStart(10)} ops/s  (${((ms * 1000) / n).toFixed(1)} µs each)`);
}

const start = Date.parse('2026-01-05T09:17:00+08:00');
const starts = Array.from({ length: 1000 }, (_, i) => new Date(start + i * 7_919_000));
bench('addWorkingMinutes 4 working hours', 100_000, (i) => addWorkingMinutes(cal, starts[i % 1000], 240));
bench('addWorkingMinutes 30 working days', 20_000, (i) => addWorkingMinutes(cal, starts[i % 1000], 30 * 420));
bench('workingMinutesBetween across 45 days', 20_000, (i) => workingMinutesBetween(cal, starts[i % 1000], new Date(starts[i % 1000].getTime() + 45 * 86_400_000)));
