import type { Incident, StageClock } from '../models/Incident.js';

/** The next instant at which a stage clock needs the monitor: warning, then breach, then the next escalation, unless acknowledged. */
export function clockNextAt(clock: StageClock | undefined): Date | undefined {
  if (!clock) return undefined;
  if (!clock.warnedAt) return new Date(clock.warnAt);
  if (!clock.breachedAt) return new Date(clock.dueAt);
  if (!clock.acknowledgedAt && clock.nextEscalationAt) return new Date(clock.nextEscalationAt);
  return undefined;
}

/**
 * When the deadline monitor must next look at an incident: the earliest of its
 * stage clock's next step and an unanswered supervision's deadline; undefined
 * when nothing is pending. Every write keeps this field, so the monitor's query
 * is one indexed range `{ monitorAt: { $lte: now } }`.
 */
export function nextMonitorAt(i: Pick<Incident, 'clock' | 'supervision'>): Date | undefined {
  const candidates: number[] = [];
  const c = clockNextAt(i.clock);
  if (c) candidates.push(c.getTime());
  const s = i.supervision;
  if (s && !s.repliedAt && !s.breachedAt) candidates.push(new Date(s.dueAt).getTime());
  return candidates.length ? new Date(Math.min(...candidates)) : undefined;
}
