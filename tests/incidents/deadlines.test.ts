import { afterEach, describe, expect, it } from 'vitest';
import { runMonitorOnce } from '@onegrid/backend/jobs';
import { presentIncidents } from '@onegrid/backend/incidents';
import { CAT_RUBBISH, DEPT, PRINCIPALS as P, incidentWorld, type IncidentWorld } from '../support/fixtures.js';
import { act, expectTimelineRebuilds, load, report } from './helpers.js';

let w: IncidentWorld;
afterEach(() => w?.close());

/** Beijing wall time `YYYY-MM-DD HH:mm` as an instant. */
const bj = (text: string) => new Date(`${text.replace(' ', 'T')}:00+08:00`);

async function dispatchedAt(at: string) {
  w.clock.set(bj(at));
  const i = await report(w, { categoryCode: CAT_RUBBISH });
  return act(w, P.commander, i._id, 'dispatch');
}

const deadlineEvents = (types: string[]) => types.filter((t) => /deadline|escalated|acknowledged/.test(t));

describe('deadlines in working time', () => {
  it('counts the handling limit across a weekend in the department calendar (Fri 16:00 + 4 h → Mon 11:30)', async () => {
    w = await incidentWorld({ fusion: false });
    const d = await dispatchedAt('2026-09-25 16:00');
    expect(d.assignments[0].departmentCode).toBe(DEPT.CG);
    expect(d.assignments[0].dueAt).toEqual(bj('2026-09-28 11:30'));
    expect(d.clock!.warnAt).toEqual(bj('2026-09-28 10:42'));
    // Remaining time is always in the view: on Saturday noon 150 working minutes remain, still green.
    w.clock.set(bj('2026-09-26 12:00'));
    const [view] = await presentIncidents(w.deps, [d]);
    expect(view.clock).toMatchObject({ stage: 'handle', remainingMinutes: 150, level: 'green' });
    w.clock.set(bj('2026-09-28 11:00'));
    expect((await presentIncidents(w.deps, [d]))[0].clock).toMatchObject({ remainingMinutes: 30, level: 'yellow' });
    w.clock.set(bj('2026-09-28 14:00'));
    expect((await presentIncidents(w.deps, [d]))[0].clock).toMatchObject({ remainingMinutes: -60, level: 'red' });
  });

  it('skips the National Day holiday week and works the make-up Saturday (调休)', async () => {
    w = await incidentWorld({ fusion: false });
    const beforeHoliday = await dispatchedAt('2026-09-30 16:00');
    expect(beforeHoliday.assignments[0].dueAt).toEqual(bj('2026-10-08 11:30'));
    const beforeMakeup = await dispatchedAt('2026-10-09 16:00');
    expect(beforeMakeup.assignments[0].dueAt).toEqual(bj('2026-10-10 11:30'));
  });

  it('runs the accept stage on the command center round-the-clock calendar', async () => {
    w = await incidentWorld({ fusion: false });
    w.clock.set(bj('2026-09-26 23:50')); // a Saturday night
    const i = await report(w);
    expect(i.clock?.stage).toBe('accept');
    expect(i.clock?.departmentCode).toBeUndefined(); // the command center's 24/7 calendar
    expect(i.clock!.dueAt).toEqual(bj('2026-09-27 00:20'));
  });
});

describe('deadline monitor', () => {
  it('fires warning, breach and the escalation chain in order, each once, until the top rung', async () => {
    w = await incidentWorld({ fusion: false });
    const d = await dispatchedAt('2026-09-28 10:00'); // due 15:30, warning at 14:42
    const steps: [string, string[]][] = [
      ['2026-09-28 14:00', []],
      ['2026-09-28 14:45', ['incident.deadline_warning']],
      ['2026-09-28 15:00', []],
      ['2026-09-28 15:31', ['incident.deadline_breached', 'incident.escalated']],
      ['2026-09-28 15:50', []],
      ['2026-09-28 16:01', ['incident.escalated']],
      ['2026-09-28 16:31', ['incident.escalated']],
      ['2026-09-28 18:00', []],
      ['2026-09-29 12:00', []],
    ];
    let seen = d.outbox.length;
    for (const [at, expected] of steps) {
      await runMonitorOnce(w.deps, bj(at));
      const now = await load(w, d._id);
      expect(now.outbox.slice(seen).map((e) => e.type), at).toEqual(expected);
      expect(now.timeline.length).toBe(now.outbox.length);
      seen = now.outbox.length;
    }
    const final = await load(w, d._id);
    const escalations = final.outbox.filter((e) => e.type === 'incident.escalated').map((e) => e.data);
    expect(escalations.map((e) => [e.level, e.escalatedTo])).toEqual([
      [1, 'supervisor'],
      [2, 'street'],
      [3, 'district'],
    ]);
    // 吹哨报到: the street rung summons the departments working the case, with its own response deadline.
    expect(escalations[1]).toMatchObject({ summonedDepartmentCodes: [DEPT.CG], streetCode: '110101001' });
    expect(escalations.map((e) => e.respondBy)).toEqual([bj('2026-09-28 16:00'), bj('2026-09-28 16:30'), bj('2026-09-28 17:30')]);
    expect(final.clock).toMatchObject({ escalationLevel: 3 });
    expect(final.monitorAt).toBeUndefined();
    await expectTimelineRebuilds(w, d._id);
  });

  it('stops escalating once someone acknowledges', async () => {
    w = await incidentWorld({ fusion: false });
    const d = await dispatchedAt('2026-09-28 10:00');
    await runMonitorOnce(w.deps, bj('2026-09-28 15:31'));
    w.clock.set(bj('2026-09-28 15:40'));
    const a = await act(w, P.supervisor, d._id, 'acknowledge', { note: '已电话催办' });
    expect(a.clock?.acknowledgedAt).toBeDefined();
    await runMonitorOnce(w.deps, bj('2026-09-28 17:00'));
    await runMonitorOnce(w.deps, bj('2026-09-29 17:00'));
    const final = await load(w, d._id);
    expect(deadlineEvents(final.outbox.map((e) => e.type))).toEqual([
      'incident.deadline_warning',
      'incident.deadline_breached',
      'incident.escalated',
      'incident.acknowledged',
    ]);
  });

  it('escalates once when two monitor instances run at the same moment', async () => {
    w = await incidentWorld({ fusion: false });
    const d = await dispatchedAt('2026-09-28 10:00');
    const at = bj('2026-09-28 15:31');
    const reports = await Promise.all([runMonitorOnce(w.deps, at, { holder: 'instance-a' }), runMonitorOnce(w.deps, at, { holder: 'instance-b' })]);
    expect(reports.filter((r) => r.ran).length).toBeGreaterThanOrEqual(1);
    // A second pass right after (the other instance's next tick) finds nothing due.
    await runMonitorOnce(w.deps, at, { holder: 'instance-b' });
    const final = await load(w, d._id);
    expect(deadlineEvents(final.outbox.map((e) => e.type))).toEqual(['incident.deadline_warning', 'incident.deadline_breached', 'incident.escalated']);
  });

  it('never writes a step twice even when two passes race without the lease (versioned writes)', async () => {
    w = await incidentWorld({ fusion: false });
    const d = await dispatchedAt('2026-09-28 10:00');
    await w.models.Lease.deleteMany({});
    const at = bj('2026-09-28 16:05');
    // Distinct holders and an expired lease in between: interleave passes as tightly as the store allows.
    await Promise.all([runMonitorOnce(w.deps, at, { holder: 'x' }), runMonitorOnce(w.deps, new Date(at.getTime() + 60_000), { holder: 'y' })]);
    const final = await load(w, d._id);
    const types = deadlineEvents(final.outbox.map((e) => e.type));
    expect(types.filter((t) => t === 'incident.deadline_warning')).toHaveLength(1);
    expect(types.filter((t) => t === 'incident.deadline_breached')).toHaveLength(1);
    expect(final.outbox.filter((e) => e.type === 'incident.escalated').map((e) => e.data.level)).toEqual([1, 2]);
  });

  it('catches up after an hour of downtime: the breach and every rung due by now, in order, scheduled as if it had never stopped', async () => {
    w = await incidentWorld({ fusion: false });
    const d = await dispatchedAt('2026-09-28 10:00'); // due 15:30
    await runMonitorOnce(w.deps, bj('2026-09-28 15:00')); // warned; then the monitor is down until 16:05
    const r = await runMonitorOnce(w.deps, bj('2026-09-28 16:05'), { holder: 'restarted' });
    expect(r.ran).toBe(true);
    expect(r.events).toEqual({ 'incident.deadline_breached': 1, 'incident.escalated': 2 });
    const after = await load(w, d._id);
    const chain = after.outbox
      .filter((e) => /breached|escalated/.test(e.type))
      .map((e) => [e.type, e.data.level ?? null, e.data.scheduledAt, e.data.respondBy ?? null]);
    expect(chain).toEqual([
      ['incident.deadline_breached', null, bj('2026-09-28 15:30'), null],
      ['incident.escalated', 1, bj('2026-09-28 15:30'), bj('2026-09-28 16:00')],
      ['incident.escalated', 2, bj('2026-09-28 16:00'), bj('2026-09-28 16:30')],
    ]);
    // The next live tick continues the chain where the catch-up left it.
    await runMonitorOnce(w.deps, bj('2026-09-28 16:31'));
    expect((await load(w, d._id)).outbox.at(-1)).toMatchObject({ type: 'incident.escalated', data: { level: 3 } });
  });

  it('reports a missed supervision reply as a breach of the supervision stage', async () => {
    w = await incidentWorld({ fusion: false });
    const d = await dispatchedAt('2026-09-28 10:00');
    await act(w, P.supervisor, d._id, 'supervise', { message: '请30分钟内回复', minutes: 30 });
    await runMonitorOnce(w.deps, bj('2026-09-28 10:29'));
    expect(deadlineEvents((await load(w, d._id)).outbox.map((e) => e.type))).toEqual([]);
    await runMonitorOnce(w.deps, bj('2026-09-28 10:31'));
    const s = await load(w, d._id);
    expect(s.outbox.at(-1)).toMatchObject({ type: 'incident.deadline_breached', data: { stage: 'supervision' } });
    expect(s.supervision?.breachedAt).toBeDefined();
  });
});
