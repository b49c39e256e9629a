import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyAction } from '@onegrid/backend/incidents';
import { CAT_DUST, DEPT, PRINCIPALS as P, incidentWorld, pointIn, type IncidentWorld } from '../support/fixtures.js';
import { act, expectTimelineRebuilds, load, pathOf, report, typesOf } from './helpers.js';

let w: IncidentWorld;
beforeAll(async () => {
  w = await incidentWorld({ fusion: false });
});
afterAll(() => w.close());

describe('closed loop: the main path', () => {
  it('walks reported → accepted → dispatched → in_progress → resolved → verifying → closed → evaluated, one event and one entry per transition', async () => {
    const i = await report(w);
    expect(i.status).toBe('reported');
    expect(i.code).toMatch(/^20260928-\d{6}$/);
    expect(i.trackingCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    expect(i.clock?.stage).toBe('accept');

    await act(w, P.commander, i._id, 'accept');
    const d = await act(w, P.commander, i._id, 'dispatch');
    expect(d.assignments).toMatchObject([{ departmentCode: DEPT.CG, role: 'lead', status: 'assigned' }]);
    expect(d.clock).toMatchObject({ stage: 'handle', departmentCode: DEPT.CG });

    await act(w, P.cg, i._id, 'start');
    // Resolving forwards to the grid worker: the department's report and the verification task are two changes.
    const v = await act(w, P.cg, i._id, 'resolve', { note: '已清运 cleared', photos: ['photo://after.jpg'] }, 2);
    expect(v.status).toBe('verifying');
    expect(v.verification?.workerIds).toEqual(['worker-a']);
    const task = v.outbox.at(-1)!;
    expect(task.type).toBe('incident.verifying');
    expect(task.data.workerIds).toEqual(['worker-a']);
    expect(task.scope.gridCodes).toEqual([i.gridCode]);

    await act(w, P.workerA, i._id, 'verify', { result: 'passed', note: '现场已清理' });
    const c = await act(w, P.commander, i._id, 'close');
    expect(c.closedAt).toBeDefined();
    const e = await act(w, P.supervisor, i._id, 'evaluate', { rating: 'satisfied' });
    expect(e.status).toBe('evaluated');
    expect(e.open).toBe(false);
    expect(e.monitorAt).toBeUndefined();

    expect(typesOf(e)).toEqual([
      'incident.reported',
      'incident.accepted',
      'incident.dispatched',
      'incident.started',
      'incident.resolved',
      'incident.verifying',
      'incident.verified',
      'incident.closed',
      'incident.evaluated',
    ]);
    expect(pathOf(e)).toEqual([
      '∅→reported',
      'reported→accepted',
      'accepted→dispatched',
      'dispatched→in_progress',
      'in_progress→resolved',
      'resolved→verifying',
      'verifying→verifying',
      'verifying→closed',
      'closed→evaluated',
    ]);
    // Every entry records who and when; events carry the map summary and their scope.
    for (const entry of e.timeline) expect(entry.actor?.id).toBeTruthy();
    for (const ev of e.outbox) {
      expect(ev.data.incident).toMatchObject({ id: String(i._id), code: i.code, categoryCode: i.categoryCode });
      expect(ev.scope.gridCodes).toEqual([i.gridCode]);
    }
    await expectTimelineRebuilds(w, i._id);
  });

  it('records the reason, the attachments and who acted in the audit entry', async () => {
    const i = await report(w);
    const r = await act(w, P.commander, i._id, 'reject', { reason: '重复上报 not a case' });
    expect(r.timeline.at(-1)).toMatchObject({ type: 'incident.rejected', from: 'reported', to: 'rejected', reason: '重复上报 not a case', actor: { id: P.commander.id, role: 'commander' } });
    expect(r.clock).toBeUndefined();
  });

  it('dispatches straight from reported (accept and dispatch in one step)', async () => {
    const i = await report(w);
    const d = await act(w, P.commander, i._id, 'dispatch', { leadDepartmentCode: DEPT.SZ });
    expect(d.status).toBe('dispatched');
    expect(d.acceptedAt).toBeDefined();
    expect(d.assignments.map((a) => a.departmentCode)).toEqual([DEPT.SZ]);
  });
});

describe('refusals', () => {
  it('answers 422 illegal_transition naming the state and the action', async () => {
    const i = await report(w);
    await expect(applyAction(w.deps, P.commander, String(i._id), 'close', { version: i.version })).rejects.toMatchObject({
      status: 422,
      code: 'illegal_transition',
      details: { from: 'reported', action: 'close' },
    });
    await expect(applyAction(w.deps, P.supervisor, String(i._id), 'approve-postpone', { version: i.version })).rejects.toMatchObject({ status: 422, code: 'illegal_transition' });
    // Nothing was written.
    expect((await load(w, i._id)).version).toBe(i.version);
  });

  it('answers 409 stale_version when two dispatchers act on the same version, and only the first wins', async () => {
    const i = await report(w);
    const first = applyAction(w.deps, P.commander, String(i._id), 'dispatch', { version: i.version });
    const second = applyAction(w.deps, P.supervisor, String(i._id), 'dispatch', { version: i.version, leadDepartmentCode: DEPT.SZ });
    const results = await Promise.allSettled([first, second]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { status: 409, code: 'stale_version' } });
    const stored = await load(w, i._id);
    expect(typesOf(stored).filter((t) => t === 'incident.dispatched')).toHaveLength(1);
  });

  it('refuses a role the table does not list (403) and a reason-less return (400)', async () => {
    const i = await report(w);
    await expect(applyAction(w.deps, P.workerA, String(i._id), 'dispatch', { version: i.version })).rejects.toMatchObject({ status: 403, code: 'forbidden_action' });
    await act(w, P.commander, i._id, 'dispatch');
    const d = await load(w, i._id);
    await expect(applyAction(w.deps, P.cg, String(i._id), 'return', { version: d.version })).rejects.toMatchObject({ status: 400, code: 'reason_required' });
  });

  it('refuses a department acting on a case it holds no share of (404: not even visible)', async () => {
    const i = await report(w);
    await act(w, P.commander, i._id, 'dispatch');
    const d = await load(w, i._id);
    await expect(applyAction(w.deps, P.sz, String(i._id), 'start', { version: d.version })).rejects.toMatchObject({ status: 404 });
  });
});

describe('return and re-dispatch (回退)', () => {
  it('goes back to the command center with the reason and can be dispatched to another department', async () => {
    const i = await report(w);
    await act(w, P.commander, i._id, 'dispatch');
    const r = await act(w, P.cg, i._id, 'return', { reason: '不属于本部门职责 not ours' });
    expect(r.status).toBe('returned');
    expect(r.clock?.stage).toBe('dispatch');
    expect(r.assignments[0]).toMatchObject({ departmentCode: DEPT.CG, status: 'returned', note: '不属于本部门职责 not ours' });
    const d = await act(w, P.commander, i._id, 'dispatch', { leadDepartmentCode: DEPT.SZ });
    expect(d.status).toBe('dispatched');
    expect(d.assignments.map((a) => [a.departmentCode, a.status])).toEqual([
      [DEPT.CG, 'returned'],
      [DEPT.SZ, 'assigned'],
    ]);
    // The returning department still sees its history; only SZ can act now.
    expect(d.departmentCodes.sort()).toEqual([DEPT.CG, DEPT.SZ].sort());
    await expect(applyAction(w.deps, P.cg, String(i._id), 'start', { version: d.version })).rejects.toMatchObject({ status: 403, code: 'not_assignee' });
    await act(w, P.sz, i._id, 'start');
    await expectTimelineRebuilds(w, i._id);
  });
});

describe('postponement (延期)', () => {
  it('moves the department deadline later in working time when approved', async () => {
    w.clock.set('2026-09-28T02:00:00Z'); // Monday 10:00 in Beijing
    const i = await report(w);
    await act(w, P.commander, i._id, 'dispatch');
    const s = await act(w, P.cg, i._id, 'start');
    const due = new Date(s.assignments[0].dueAt!);
    const p = await act(w, P.cg, i._id, 'postpone', { reason: '需协调物业 waiting for the property manager', extraMinutes: 180 });
    expect(p.status).toBe('postponement_requested');
    expect(p.postponement).toMatchObject({ departmentCode: DEPT.CG, extraMinutes: 180 });
    const a = await act(w, P.supervisor, i._id, 'approve-postpone');
    expect(a.status).toBe('in_progress');
    expect(a.postponement).toBeUndefined();
    // 240 working minutes from Monday 10:00 (lunch 12:00–13:30) → Monday 15:30; plus 180 → 17:30 then Tuesday 09:00–10:00.
    expect(due.toISOString()).toBe('2026-09-28T07:30:00.000Z');
    expect(new Date(a.assignments[0].dueAt!).toISOString()).toBe('2026-09-29T02:00:00.000Z');
    expect(new Date(a.clock!.dueAt).toISOString()).toBe('2026-09-29T02:00:00.000Z');
  });

  it('keeps the deadline when denied, with the reason recorded', async () => {
    const i = await report(w);
    await act(w, P.commander, i._id, 'dispatch');
    const s = await act(w, P.cg, i._id, 'start');
    await act(w, P.cg, i._id, 'postpone', { reason: 'more time', extraMinutes: 60 });
    await expect(applyAction(w.deps, P.commander, String(i._id), 'approve-postpone', { version: s.version + 1 })).rejects.toMatchObject({ status: 403 });
    const d = await act(w, P.supervisor, i._id, 'deny-postpone', { reason: '时限内可完成 doable in time' });
    expect(d.status).toBe('in_progress');
    expect(d.assignments[0].dueAt).toEqual(s.assignments[0].dueAt);
    expect(d.timeline.at(-1)).toMatchObject({ type: 'incident.postponement_denied', reason: '时限内可完成 doable in time' });
  });
});

describe('pending register (挂账) and reopen (返工)', () => {
  it('suspends with no clock, then resumes with a fresh handling limit', async () => {
    const i = await report(w);
    await act(w, P.commander, i._id, 'dispatch');
    await act(w, P.cg, i._id, 'start');
    const s = await act(w, P.supervisor, i._id, 'suspend', { reason: '待拆迁 awaiting demolition' });
    expect(s.status).toBe('suspended');
    expect(s.clock).toBeUndefined();
    expect(s.monitorAt).toBeUndefined();
    w.clock.advance(24 * 3_600_000);
    const r = await act(w, P.cg, i._id, 'start');
    expect(r.status).toBe('in_progress');
    expect(r.clock?.stage).toBe('handle');
    expect(new Date(r.clock!.dueAt).getTime()).toBeGreaterThan(w.clock.now().getTime());
  });

  it('reopens a closed case to the same department with a new deadline, and the reason', async () => {
    const i = await report(w);
    await act(w, P.commander, i._id, 'dispatch');
    await act(w, P.cg, i._id, 'resolve', { note: 'done' }, 2);
    await act(w, P.workerA, i._id, 'verify', { result: 'passed' });
    await act(w, P.commander, i._id, 'close');
    const r = await act(w, P.commander, i._id, 'reopen', { reason: '市民反映仍有垃圾 still there' });
    expect(r.status).toBe('reopened');
    expect(r.closedAt).toBeUndefined();
    expect(r.assignments.map((a) => [a.departmentCode, a.status])).toEqual([
      [DEPT.CG, 'resolved'],
      [DEPT.CG, 'assigned'],
    ]);
    await act(w, P.cg, i._id, 'start');
    const v = await act(w, P.cg, i._id, 'resolve', { note: 'cleared again' }, 2);
    expect(v.status).toBe('verifying');
    await expectTimelineRebuilds(w, i._id);
  });

  it('refuses to close before the on-site check passed, and reopens after a failed one', async () => {
    const i = await report(w);
    await act(w, P.commander, i._id, 'dispatch');
    const v = await act(w, P.cg, i._id, 'resolve', { note: 'done' }, 2);
    await expect(applyAction(w.deps, P.commander, String(i._id), 'close', { version: v.version })).rejects.toMatchObject({ status: 422, code: 'verification_pending' });
    await expect(applyAction(w.deps, P.workerB, String(i._id), 'verify', { version: v.version, result: 'passed' })).rejects.toMatchObject({ status: 404 });
    const f = await act(w, P.workerA, i._id, 'verify', { result: 'failed', note: '仍未清理' });
    await expect(applyAction(w.deps, P.commander, String(i._id), 'close', { version: f.version })).rejects.toMatchObject({ status: 422, code: 'verification_failed' });
    const r = await act(w, P.commander, i._id, 'reopen', { reason: 'check failed' });
    expect(r.status).toBe('reopened');
  });
});

describe('joint handling (联办)', () => {
  it('gives every department its own assignment and resolves only when the lead resolved and both co-handlers reported', async () => {
    const i = await report(w, { categoryCode: CAT_DUST, ...pointIn('B1'), description: '工地扬尘严重' }, P.workerB);
    const d = await act(w, P.commander, i._id, 'dispatch');
    expect(d.assignments.map((a) => [a.departmentCode, a.role])).toEqual([
      [DEPT.HB, 'lead'],
      [DEPT.CG, 'co'],
      [DEPT.SZ, 'co'],
    ]);
    for (const a of d.assignments) expect(a.dueAt).toBeDefined();
    expect(d.outbox.at(-1)!.scope.departmentCodes.sort()).toEqual([DEPT.CG, DEPT.HB, DEPT.SZ].sort());

    await act(w, P.hb, i._id, 'start');
    await act(w, P.cg, i._id, 'start');
    const lead = await act(w, P.hb, i._id, 'resolve', { note: '已覆盖防尘网 covered' });
    expect(lead.status).toBe('in_progress');
    expect(lead.clock?.departmentCode).not.toBe(DEPT.HB);
    const co1 = await act(w, P.cg, i._id, 'resolve', { note: '已督促施工方' });
    expect(co1.status).toBe('in_progress');
    expect(co1.clock?.departmentCode).toBe(DEPT.SZ);
    const co2 = await act(w, P.sz, i._id, 'resolve', { note: '道路已冲洗' }, 2);
    expect(co2.status).toBe('verifying');
    expect(co2.assignments.every((a) => a.status === 'resolved')).toBe(true);
    expect(co2.timeline.filter((e) => e.type === 'incident.resolved').map((e) => [e.data?.departmentCode, e.data?.caseResolved])).toEqual([
      [DEPT.HB, false],
      [DEPT.CG, false],
      [DEPT.SZ, true],
    ]);
    await expectTimelineRebuilds(w, i._id);
  });

  it('lets a co-handler return only its own share; the case goes on with the others', async () => {
    const i = await report(w, { categoryCode: CAT_DUST, ...pointIn('B2'), description: '扬尘' }, P.workerB);
    await act(w, P.commander, i._id, 'dispatch');
    const r = await act(w, P.sz, i._id, 'return', { reason: '非市政职责' });
    expect(r.status).toBe('dispatched');
    expect(r.assignments.find((a) => a.departmentCode === DEPT.SZ)?.status).toBe('returned');
    await act(w, P.hb, i._id, 'resolve', { note: 'ok' });
    const v = await act(w, P.cg, i._id, 'resolve', { note: 'ok' }, 2);
    expect(v.status).toBe('verifying');
  });
});

describe('supervision (督办) and acknowledgement', () => {
  it('records the message and deadline and requires the department to reply', async () => {
    const i = await report(w);
    await act(w, P.commander, i._id, 'dispatch');
    const s = await act(w, P.supervisor, i._id, 'supervise', { message: '请今日内处理完毕', minutes: 60 });
    expect(s.supervision).toMatchObject({ message: '请今日内处理完毕', departmentCodes: [DEPT.CG] });
    const r = await act(w, P.cg, i._id, 'reply', { message: '已安排人员 on our way' });
    expect(r.supervision).toMatchObject({ reply: '已安排人员 on our way', repliedBy: P.cg.id });
    await expect(applyAction(w.deps, P.cg, String(i._id), 'reply', { version: r.version, message: 'again' })).rejects.toMatchObject({ status: 422, code: 'no_supervision' });
  });

  it('refuses to acknowledge when nothing was escalated', async () => {
    const i = await report(w);
    await expect(applyAction(w.deps, P.supervisor, String(i._id), 'acknowledge', { version: i.version })).rejects.toMatchObject({ status: 422, code: 'nothing_to_acknowledge' });
  });
});
