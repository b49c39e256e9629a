import { ALWAYS_WORKING_CALENDAR, DEFAULT_WORKING_CALENDAR, type WorkingCalendar } from '../deadlines/index.js';
import { Unprocessable } from '../kernel/index.js';
import type { Models } from '../models/index.js';

type CalendarModels = Pick<Models, 'Department'>;
interface Loaded {
  at: number;
  byCode: Map<string, WorkingCalendar>;
}

/** How long the loaded calendars are trusted before the next read re-loads them. */
export const CALENDAR_CACHE_TTL_MS = 60_000;

/**
 * Every department's working calendar, loaded in one read (departments are few)
 * and cached; the clock of a stage counts in the responsible department's calendar.
 */
export class DepartmentCalendars {
  private cached: Loaded | null = null;
  private inflight: Promise<Loaded> | null = null;

  constructor(
    private readonly models: CalendarModels,
    private readonly ttlMs = CALENDAR_CACHE_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The calendar of a department; without a code, the command center's, which works
   * round the clock. Throws Unprocessable('department_unknown') for an unknown code.
   */
  async calendarFor(departmentCode?: string): Promise<WorkingCalendar> {
    if (!departmentCode) return ALWAYS_WORKING_CALENDAR;
    let loaded = await this.load();
    if (!loaded.byCode.has(departmentCode)) {
      this.invalidate(); // a department created since the last load
      loaded = await this.load();
    }
    const cal = loaded.byCode.get(departmentCode);
    if (!cal) throw new Unprocessable('department_unknown', `unknown department ${departmentCode}`, { departmentCode });
    return cal;
  }

  /** Forgets the loaded calendars (after a department was edited). */
  invalidate(): void {
    this.cached = null;
  }

  private load(): Promise<Loaded> {
    if (this.cached && this.now() - this.cached.at < this.ttlMs) return Promise.resolve(this.cached);
    // Concurrent callers share one read; a failed read is not remembered.
    this.inflight ??= this.fetch()
      .then((loaded) => (this.cached = loaded))
      .finally(() => (this.inflight = null));
    return this.inflight;
  }

  private async fetch(): Promise<Loaded> {
    const at = this.now();
    const rows = await this.models.Department.find({}, { _id: 0, code: 1, calendar: 1 }).lean<{ code: string; calendar: WorkingCalendar }[]>();
    return { at, byCode: new Map(rows.map((d) => [d.code, withDefaults(d.calendar)])) };
  }
}

/** Lean reads skip schema defaults: a document written without a calendar (or part of one) gets the schema's values. */
function withDefaults(cal: Partial<WorkingCalendar> | undefined): WorkingCalendar {
  const d = DEFAULT_WORKING_CALENDAR;
  return {
    timeZone: cal?.timeZone ?? d.timeZone,
    workdays: cal?.workdays ?? d.workdays,
    hours: cal?.hours ?? d.hours,
    holidays: cal?.holidays ?? d.holidays,
    makeupWorkdays: cal?.makeupWorkdays ?? d.makeupWorkdays,
  };
}

const directories = new WeakMap<object, DepartmentCalendars>();

/** The shared calendar directory for one set of models (one per connection). */
export function departmentCalendarsFor(models: CalendarModels): DepartmentCalendars {
  let dir = directories.get(models);
  if (!dir) {
    dir = new DepartmentCalendars(models);
    directories.set(models, dir);
  }
  return dir;
}

/** The working calendar that counts for a department (the command center's 24/7 one without a code). */
export function departmentCalendar(models: CalendarModels, departmentCode?: string): Promise<WorkingCalendar> {
  return departmentCalendarsFor(models).calendarFor(departmentCode);
}
