import { addWorkingMinutes, ALWAYS_WORKING_CALENDAR, type WorkingCalendar } from '../../deadlines/index.js';
import type { Incident, StageClock } from '../../models/index.js';
import { activeDepartmentCodes, type EscalationRung, type IncidentChange } from '../../incidents/index.js';

/**
 * The next deadline step an incident owes at `now`, as the one change to write,
 * or null when nothing is due. Steps come strictly in order — warning (80 %),
 * breach (100 %), then one escalation rung at a time — each guarded by a mark
 * on the clock (warnedAt, breachedAt, escalationLevel), so applying them is
 * idempotent per stage and level, and a monitor that was down catches up by
 * taking steps until none is due. Escalation times are scheduled from the
 * previous rung's scheduled time in working minutes, not from when the monitor
 * happened to run, so catching up gives the same chain as running live.
 */
export function nextDeadlineStep(i: Incident, now: Date, ladder: EscalationRung[], cal: WorkingCalendar = ALWAYS_WORKING_CALENDAR): IncidentChange | null {
  const c = i.clock;
  const t = now.getTime();
  if (c && !c.warnedAt && new Date(c.warnAt).getTime() <= t) {
    return {
      type: 'incident.deadline_warning',
      set: { clock: { ...c, warnedAt: now } },
      detail: { stage: c.stage, departmentCode: c.departmentCode, dueAt: c.dueAt, scheduledAt: c.warnAt },
    };
  }
  if (c && !c.breachedAt && new Date(c.dueAt).getTime() <= t) {
    // A breach escalates at once: the first rung is due at the due time itself.
    const next: StageClock = { ...c, warnedAt: c.warnedAt ?? now, breachedAt: now, nextEscalationAt: ladder.length ? new Date(c.dueAt) : undefined };
    return { type: 'incident.deadline_breached', set: { clock: next }, detail: { stage: c.stage, departmentCode: c.departmentCode, dueAt: c.dueAt, scheduledAt: c.dueAt } };
  }
  if (c && c.breachedAt && !c.acknowledgedAt && c.nextEscalationAt && new Date(c.nextEscalationAt).getTime() <= t && c.escalationLevel < ladder.length) {
    const rung = ladder[c.escalationLevel];
    const scheduledAt = new Date(c.nextEscalationAt);
    const respondBy = addWorkingMinutes(cal, scheduledAt, rung.responseMinutes);
    const hasNext = c.escalationLevel + 1 < ladder.length;
    const next: StageClock = { ...c, escalationLevel: rung.level, nextEscalationAt: hasNext ? respondBy : undefined };
    return {
      type: 'incident.escalated',
      set: { clock: next },
      detail: {
        stage: c.stage,
        level: rung.level,
        escalatedTo: rung.to,
        respondBy,
        scheduledAt,
        // 吹哨报到: from the street rung up, the departments working the case are summoned to report by respondBy.
        ...(rung.to !== 'supervisor' ? { summonedDepartmentCodes: activeDepartmentCodes(i), streetCode: i.streetCode } : {}),
      },
    };
  }
  const s = i.supervision;
  if (s && !s.repliedAt && !s.breachedAt && new Date(s.dueAt).getTime() <= t) {
    return {
      type: 'incident.deadline_breached',
      set: { supervision: { ...s, breachedAt: now } },
      detail: { stage: 'supervision', departmentCodes: s.departmentCodes, dueAt: s.dueAt, scheduledAt: s.dueAt },
    };
  }
  return null;
}
