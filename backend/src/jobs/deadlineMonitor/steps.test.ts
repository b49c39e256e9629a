import { describe, expect, it } from 'vitest';
import type { Incident } from '../../models/index.js';
import { DEFAULT_INCIDENT_POLICY } from '../../incidents/index.js';
import { nextDeadlineStep } from './steps.js';

const ladder = DEFAULT_INCIDENT_POLICY.escalation;
const t = (hhmm: string) => new Date(`2026-09-28T${hhmm}:00Z`);

function incident(clock: Partial<Incident['clock']> = {}): Incident {
  return {
    streetCode: '110101001',
    assignments: [{ departmentCode: 'CG', role: 'lead', status: 'in_progress', assignedAt: t('02:00') }],
    clock: { stage: 'handle', startedAt: t('02:00'), warnAt: t('06:00'), dueAt: t('07:00'), escalationLevel: 0, departmentCode: 'CG', ...clock },
  } as unknown as Incident;
}

/** Applies steps until none is due, as the monitor does. */
function run(i: Incident, now: Date): string[] {
  const out: string[] = [];
  for (let n = 0; n < 20; n++) {
    const step = nextDeadlineStep(i, now, ladder);
    if (!step) break;
    out.push(step.type + (step.detail?.level ? `:${step.detail.level}` : ''));
    i = { ...i, ...step.set } as Incident;
  }
  return out;
}

describe('deadline steps (round-the-clock calendar)', () => {
  it('does nothing before the warning time', () => {
    expect(nextDeadlineStep(incident(), t('05:59'), ladder)).toBeNull();
  });

  it('warns at 80 % and breaches at 100 %, then escalates immediately to the supervisor', () => {
    expect(run(incident(), t('06:00'))).toEqual(['incident.deadline_warning']);
    expect(run(incident(), t('07:00'))).toEqual(['incident.deadline_warning', 'incident.deadline_breached', 'incident.escalated:1']);
  });

  it('climbs one rung per response time, scheduled from the previous rung, up to the top', () => {
    expect(run(incident(), t('07:29'))).toHaveLength(3);
    expect(run(incident(), t('07:30'))).toEqual(['incident.deadline_warning', 'incident.deadline_breached', 'incident.escalated:1', 'incident.escalated:2']);
    expect(run(incident(), t('23:00'))).toEqual(['incident.deadline_warning', 'incident.deadline_breached', 'incident.escalated:1', 'incident.escalated:2', 'incident.escalated:3']);
  });

  it('stops climbing once acknowledged', () => {
    const acked = incident({ warnedAt: t('06:00'), breachedAt: t('07:00'), escalationLevel: 1, nextEscalationAt: t('07:30'), acknowledgedAt: t('07:10') });
    expect(run(acked, t('23:00'))).toEqual([]);
  });

  it('reports a missed supervision reply once', () => {
    const i = { ...incident(), clock: undefined, supervision: { message: 'm', by: { id: 's' }, at: t('02:00'), dueAt: t('03:00'), departmentCodes: ['CG'] } } as unknown as Incident;
    expect(run(i, t('02:59'))).toEqual([]);
    expect(run(i, t('03:00'))).toEqual(['incident.deadline_breached']);
  });
});
