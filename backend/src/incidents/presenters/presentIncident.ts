import type { Principal } from '../../kernel/index.js';
import { ALWAYS_WORKING_CALENDAR, type WorkingCalendar } from '../../deadlines/index.js';
import { stageProgress, type StageLevel } from '../caseClock.js';
import type { Assignment, Incident, StageClock } from '../../models/index.js';
import { departmentCalendar } from '../../reference/index.js';
import type { AppDeps } from '../../deps.js';
import { availableActions } from '../rules/stateMachine.js';

export interface ClockView {
  stage: StageClock['stage'];
  startedAt: Date;
  dueAt: Date;
  /** Working minutes left in the responsible department's calendar; negative once overdue. */
  remainingMinutes: number;
  level: StageLevel;
  departmentCode?: string;
  escalationLevel: number;
  acknowledgedAt?: Date;
}

export interface PresentOptions {
  now: Date;
  /** Working calendars by department code (the command center's 24/7 one is used without a code). */
  calendars: Map<string, WorkingCalendar>;
  principal?: Principal;
  withTimeline?: boolean;
}

/** Remaining working time and traffic-light level of a clock at `now` in its department's calendar. */
export function presentClock(clock: Pick<StageClock, 'startedAt' | 'dueAt'>, cal: WorkingCalendar, now: Date) {
  const p = stageProgress(cal, { startedAt: new Date(clock.startedAt), dueAt: new Date(clock.dueAt) }, now);
  return { remainingMinutes: Math.round(p.remainingMinutes * 10) / 10, level: p.level };
}

function presentAssignment(a: Assignment, o: PresentOptions) {
  const running = a.dueAt && ['assigned', 'in_progress', 'postponement_requested'].includes(a.status);
  const cal = o.calendars.get(a.departmentCode) ?? ALWAYS_WORKING_CALENDAR;
  return { ...a, ...(running ? presentClock({ startedAt: a.assignedAt, dueAt: a.dueAt! }, cal, o.now) : {}) };
}

/** The IncidentView of contracts.md: the case with remaining time on its clock and each assignment, never the outbox. */
export function presentIncident(i: Incident, o: PresentOptions) {
  const clock: ClockView | null = i.clock
    ? {
        stage: i.clock.stage,
        startedAt: i.clock.startedAt,
        dueAt: i.clock.dueAt,
        ...presentClock(i.clock, (i.clock.departmentCode && o.calendars.get(i.clock.departmentCode)) || ALWAYS_WORKING_CALENDAR, o.now),
        departmentCode: i.clock.departmentCode,
        escalationLevel: i.clock.escalationLevel,
        acknowledgedAt: i.clock.acknowledgedAt,
      }
    : null;
  return {
    id: String(i._id),
    code: i.code,
    trackingCode: i.trackingCode,
    status: i.status,
    version: i.version,
    source: i.source,
    categoryCode: i.categoryCode,
    severity: i.severity,
    title: i.title,
    description: i.description,
    lng: i.lng,
    lat: i.lat,
    address: i.address,
    gridCode: i.gridCode,
    communityCode: i.communityCode,
    streetCode: i.streetCode,
    unlocated: i.unlocated,
    deviceId: i.deviceId,
    reporter: i.reporter,
    photos: i.photos ?? [],
    assignments: (i.assignments ?? []).map((a) => presentAssignment(a, o)),
    departmentCodes: i.departmentCodes ?? [],
    clock,
    supervision: i.supervision,
    postponement: i.postponement,
    verification: i.verification,
    mergedInto: i.mergedInto ? String(i.mergedInto) : undefined,
    duplicateIds: (i.duplicateIds ?? []).map(String),
    rating: i.rating,
    reportedAt: i.reportedAt,
    acceptedAt: i.acceptedAt,
    dispatchedAt: i.dispatchedAt,
    resolvedAt: i.resolvedAt,
    closedAt: i.closedAt,
    updatedAt: i.updatedAt,
    ...(o.principal ? { actions: availableActions(i.status, o.principal.role) } : {}),
    ...(o.withTimeline ? { timeline: i.timeline ?? [] } : {}),
  };
}

export type IncidentView = ReturnType<typeof presentIncident>;

/** The working calendars an incident list needs (one cached directory read), keyed by department code. */
export async function calendarsFor(deps: Pick<AppDeps, 'models'>, incidents: Incident[]): Promise<Map<string, WorkingCalendar>> {
  const codes = new Set<string>();
  for (const i of incidents) {
    if (i.clock?.departmentCode) codes.add(i.clock.departmentCode);
    for (const a of i.assignments ?? []) codes.add(a.departmentCode);
  }
  const map = new Map<string, WorkingCalendar>();
  for (const code of codes) map.set(code, await departmentCalendar(deps.models, code).catch(() => ALWAYS_WORKING_CALENDAR));
  return map;
}

/** Presents incidents for a principal at the deps' clock time, loading the calendars they need. */
export async function presentIncidents(deps: Pick<AppDeps, 'models' | 'clock'>, incidents: Incident[], principal?: Principal, withTimeline = false): Promise<IncidentView[]> {
  const calendars = await calendarsFor(deps, incidents);
  const now = deps.clock.now();
  return incidents.map((i) => presentIncident(i, { now, calendars, principal, withTimeline }));
}
