import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canSee, invalidateIncidentPolicy, listIncidents, ListQuery, presentPublic, rateIncident, reportIncident, RESIDENT_PRINCIPAL, trackIncident } from '@onegrid/backend/incidents';
import type { Incident } from '@onegrid/backend/models';
import { CAT_COVER, CAT_DUST, CAT_RUBBISH, DEPT, PRINCIPALS as P, incidentWorld, pointIn, type IncidentWorld } from '../support/fixtures.js';
import { act, load, report } from './helpers.js';

let w: IncidentWorld;
let rubbishA1: Incident;
let coverB1: Incident;
let dustB2: Incident;

beforeAll(async () => {
  w = await incidentWorld({ fusion: false });
  rubbishA1 = await act(w, P.commander, (await report(w, { categoryCode: CAT_RUBBISH, ...pointIn('A1') }))._id, 'dispatch');
  coverB1 = await act(w, P.commander, (await report(w, { categoryCode: CAT_COVER, ...pointIn('B1') }, P.workerB))._id, 'dispatch');
  dustB2 = await act(w, P.commander, (await report(w, { categoryCode: CAT_DUST, ...pointIn('B2') }, P.workerB))._id, 'dispatch');
});
afterAll(() => w.close());

const ids = (items: { id: string }[]) => items.map((i) => i.id).sort();
const list = async (p: Parameters<typeof listIncidents>[1], query: Record<string, string> = {}) => (await listIncidents(w.deps, p, ListQuery.parse(query))).items;

describe('department scope', () => {
  it('lists only the cases a department holds a share of', async () => {
    expect(ids(await list(P.cg))).toEqual([String(rubbishA1._id), String(dustB2._id)].sort());
    expect(ids(await list(P.sz))).toEqual([String(coverB1._id), String(dustB2._id)].sort());
    expect(ids(await list(P.hb))).toEqual([String(dustB2._id)]);
  });

  it('cannot widen its scope with filters (asking for another department returns only the cases they share)', async () => {
    expect(ids(await list(P.hb, { departmentCode: DEPT.SZ }))).toEqual([String(dustB2._id)]);
    expect(ids(await list(P.cg, { departmentCode: DEPT.SZ, categoryCode: CAT_COVER }))).toEqual([]);
  });

  it('cannot see another department’s case in detail, nor receive its events', async () => {
    expect(canSee(P.cg, coverB1)).toBe(false);
    expect(canSee(P.sz, coverB1)).toBe(true);
    const stored = await load(w, coverB1._id);
    for (const e of stored.outbox) {
      expect(e.scope.departmentCodes).not.toContain(DEPT.CG);
      expect(e.scope.departmentCodes).not.toContain(DEPT.HB);
    }
  });

  it('lets the command roles see everything', async () => {
    for (const p of [P.admin, P.commander, P.supervisor]) expect((await list(p)).length).toBe(3);
  });
});

describe('grid worker scope', () => {
  it('sees only the cases in their own grid cells', async () => {
    expect(ids(await list(P.workerA))).toEqual([String(rubbishA1._id)]);
    expect(ids(await list(P.workerB))).toEqual([String(coverB1._id), String(dustB2._id)].sort());
    expect(canSee(P.workerA, coverB1)).toBe(false);
  });

  it('gets verification tasks only for its cells (event scope by grid, workerIds of the cell)', async () => {
    const v = await act(w, P.cg, rubbishA1._id, 'resolve', { note: 'done' }, 2);
    const task = v.outbox.at(-1)!;
    expect(task.type).toBe('incident.verifying');
    expect(task.scope.gridCodes).toEqual([rubbishA1.gridCode]);
    expect(task.data.workerIds).toEqual(['worker-a']);
  });

  it('a service principal sees nothing through the list', async () => {
    expect(await list(P.gateway)).toEqual([]);
  });
});

describe('public tracking', () => {
  it('never shows unmasked personal data: phone 138****1234, names reduced to an initial', async () => {
    const { incident } = await reportIncident(w.deps, RESIDENT_PRINCIPAL, {
      source: 'resident',
      senderId: '13812341234',
      messageId: 'form-1',
      categoryCode: CAT_RUBBISH,
      description: '楼下垃圾没人清，请联系我 138 1234 1234 或 13812341234，张三',
      reporter: { name: '张三', phone: '13812341234' },
      ...pointIn('A2'),
    });
    await act(w, P.commander, incident._id, 'dispatch');
    await act(w, P.cg, incident._id, 'resolve', { note: '已联系王五 13900001111 清运' }, 2);
    const { own, followed } = await trackIncident(w.deps, incident.trackingCode.toLowerCase());
    const view = presentPublic(own, followed);
    const text = JSON.stringify(view);
    expect(text).not.toMatch(/13812341234|138 1234 1234|13900001111/);
    expect(text).not.toContain('张三');
    expect(text).not.toContain('王指挥');
    expect(view.reporter).toEqual({ name: '张*', phone: '138****1234' });
    expect(view.description).toContain('138****1234');
    expect(view.timeline.map((e) => e.type)).toEqual(['incident.reported', 'incident.dispatched', 'incident.resolved', 'incident.verifying']);
    expect(view.timeline[1].by).toEqual({ role: 'command_center', initial: '王*' });
    expect(text).not.toContain('王五'); // staff notes stay inside
  });
});

describe('resident rating (回访)', () => {
  async function closedCase() {
    const i = await report(w, { categoryCode: CAT_RUBBISH, ...pointIn('A2', 10, 10) });
    await act(w, P.commander, i._id, 'dispatch');
    await act(w, P.cg, i._id, 'resolve', { note: 'done' }, 2);
    await act(w, P.workerA, i._id, 'verify', { result: 'passed' });
    return act(w, P.commander, i._id, 'close');
  }

  it('evaluates a closed case when satisfied and refuses a second rating', async () => {
    const c = await closedCase();
    const r = await rateIncident(w.deps, c.trackingCode, { value: 'basically', comment: 'ok' });
    expect(r.status).toBe('evaluated');
    expect(r.rating).toMatchObject({ value: 'basically' });
    await expect(rateIncident(w.deps, c.trackingCode, { value: 'satisfied' })).rejects.toMatchObject({ status: 409, code: 'already_rated' });
  });

  it('reopens on "dissatisfied" under the default district policy, and evaluates when the policy says not to', async () => {
    const c = await closedCase();
    const r = await rateIncident(w.deps, c.trackingCode, { value: 'dissatisfied', comment: '还是很脏' });
    expect(r.status).toBe('reopened');
    expect(r.timeline.at(-1)).toMatchObject({ type: 'incident.reopened', reason: 'resident dissatisfied: 还是很脏' });

    await w.conn.collection('settings').insertOne({ _id: 'incidentPolicy' as never, reopenOnDissatisfied: false });
    invalidateIncidentPolicy(w.conn);
    const c2 = await closedCase();
    const r2 = await rateIncident(w.deps, c2.trackingCode, { value: 'dissatisfied' });
    expect(r2.status).toBe('evaluated');
  });

  it('refuses to rate a case that is not closed yet', async () => {
    const i = await report(w, { categoryCode: CAT_RUBBISH, ...pointIn('B1', 30, 30) });
    await expect(rateIncident(w.deps, i.trackingCode, { value: 'satisfied' })).rejects.toMatchObject({ status: 422, code: 'not_closed' });
  });
});
