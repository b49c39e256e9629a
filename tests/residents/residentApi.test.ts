import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRACKING_ALPHABET, invalidateIncidentPolicy, newTrackingCode } from '@onegrid/backend/incidents';
import { invalidateResidentPolicy } from '@onegrid/backend/residents';
import { COMMUNITY_A, COMMUNITY_B, GRID, pointIn } from '../support/fixtures.js';
import { call, closeOverApi, complain, incidentIdOf, staffTokens, startResidentBackend, type Backend } from './residentSupport.js';

/** A phone number pattern (mainland mobile, with or without separators) — none may appear on a public map. */
const PHONE = /1[3-9]\d(?:[\s-]?\d){8}/;

describe('resident API', () => {
  let backend: Backend;
  let tokens: Awaited<ReturnType<typeof staffTokens>>;
  let ipSeq = 0;
  /** A fresh client address per test, so per-address limits of one test do not spill into another. */
  const ip = () => `10.0.0.${++ipSeq}`;

  beforeAll(async () => {
    backend = await startResidentBackend();
    tokens = await staffTokens(backend);
  }, 120_000);
  afterAll(async () => backend?.stop());

  it('refuses a complaint outside the district with 422 outside_district and stores nothing', async () => {
    const before = await backend.deps.models.Incident.countDocuments();
    const res = await complain(backend, { lng: 121.47, lat: 31.23 }, ip()); // Shanghai
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('outside_district');
    expect(await backend.deps.models.Incident.countDocuments()).toBe(before);
    const ok = await complain(backend, { ...pointIn('B2'), categoryCode: '01003' }, ip());
    expect(ok.status).toBe(201);
  });

  it('names the cell, community and street of a point, and says when it is outside', async () => {
    const inside = await call(backend, 'GET', `/api/public/locate?lng=${pointIn('A2').lng}&lat=${pointIn('A2').lat}`);
    expect(inside.body).toMatchObject({ inDistrict: true, gridCode: GRID.A2, gridName: 'A2', communityCode: COMMUNITY_A, communityName: '北河沿社区', communityNameEn: 'Beiheyan Community', streetName: '东华门街道', distanceM: 0 });
    const outside = await call(backend, 'GET', '/api/public/locate?lng=121.47&lat=31.23');
    expect(outside.body).toEqual({ inDistrict: false });
    expect((await call(backend, 'GET', '/api/public/locate?lng=abc&lat=1')).status).toBe(400);
  });

  it('lists open cases of the same category within the fusion distance, with public fields only', async () => {
    const filed = await complain(backend, { ...pointIn('B1', -30, -30), name: '张三', phone: '13812341234', description: '张三家门口垃圾 13812341234' }, ip());
    expect(filed.status).toBe(201);
    const near = pointIn('B1', -10, -30); // 20 m away
    const list = await call(backend, 'GET', `/api/public/nearby?categoryCode=06010&lng=${near.lng}&lat=${near.lat}`);
    expect(list.status).toBe(200);
    expect(list.body.radiusM).toBe(50);
    expect(list.body.cases).toHaveLength(1);
    const [c] = list.body.cases;
    expect(Object.keys(c).sort()).toEqual(['categoryCode', 'communityCode', 'distanceM', 'followers', 'id', 'lat', 'lng', 'reportedAt', 'state', 'status']);
    expect(c).toMatchObject({ categoryCode: '06010', status: 'reported', state: 'open', followers: 1 });
    expect(c.distanceM).toBeGreaterThan(15);
    expect(c.distanceM).toBeLessThan(25);
    expect(list.text).not.toMatch(PHONE);
    expect(list.text).not.toContain('张三');
    expect(list.text).not.toContain(filed.body.trackingCode);
    // Another category, or beyond the distance: not listed.
    expect((await call(backend, 'GET', `/api/public/nearby?categoryCode=08004&lng=${near.lng}&lat=${near.lat}`)).body.cases).toHaveLength(0);
    const far = pointIn('B1', 40, 40);
    expect((await call(backend, 'GET', `/api/public/nearby?categoryCode=06010&lng=${far.lng}&lat=${far.lat}`)).body.cases).toHaveLength(0);
    expect((await call(backend, 'GET', `/api/public/nearby?categoryCode=99999&lng=${far.lng}&lat=${far.lat}`)).status).toBe(422);
  });

  it('"follow this one" gives a new tracking code on the existing case, idempotent per click, refused for a closed case', async () => {
    const filed = await complain(backend, { ...pointIn('B2', 20, 20) }, ip());
    const id = await incidentIdOf(backend, filed.body.trackingCode);
    const messageId = randomUUID();
    const who = ip();
    const follow = await call(backend, 'POST', `/api/public/cases/${id}/follow`, { messageId, note: '我也看到了' }, { ip: who });
    expect(follow.status).toBe(201);
    const code = follow.body.trackingCode as string;
    expect(code).toMatch(new RegExp(`^[${TRACKING_ALPHABET}]{8}$`));
    expect(code).not.toBe(filed.body.trackingCode);
    const again = await call(backend, 'POST', `/api/public/cases/${id}/follow`, { messageId }, { ip: who });
    expect(again).toMatchObject({ status: 200, body: { trackingCode: code, duplicate: true } });

    const tracked = await call(backend, 'GET', `/api/public/track/${code.toLowerCase()}`, undefined, { ip: ip() });
    expect(tracked.status).toBe(200);
    expect(tracked.body).toMatchObject({ trackingCode: code, following: true, status: 'reported', description: '我也看到了', category: { code: '06010', name: '暴露垃圾', nameEn: 'Exposed rubbish' } });
    expect(tracked.body.place).toMatchObject({ gridCode: GRID.B2, communityName: '南池子社区' });
    expect(tracked.body.deadline).toMatchObject({ stage: 'accept', state: 'on_time' });
    const near = pointIn('B2', 20, 20);
    const list = await call(backend, 'GET', `/api/public/nearby?categoryCode=06010&lng=${near.lng}&lat=${near.lat}`);
    expect(list.body.cases[0]).toMatchObject({ id, followers: 2 });

    expect((await call(backend, 'POST', '/api/public/cases/0123456789abcdef01234567/follow', { messageId: randomUUID() }, { ip: ip() })).status).toBe(404);
    await closeOverApi(backend, tokens, id);
    const closed = await call(backend, 'POST', `/api/public/cases/${id}/follow`, { messageId: randomUUID() }, { ip: ip() });
    expect(closed.status).toBe(422);
    expect(closed.body.error.code).toBe('not_followable');
  });

  it('rates a closed case with a comment; refuses before closing and a second time', async () => {
    const filed = await complain(backend, { ...pointIn('A2', 30, -30) }, ip());
    const code = filed.body.trackingCode as string;
    const early = await call(backend, 'POST', `/api/public/track/${code}/rating`, { value: 'satisfied' }, { ip: ip() });
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe('not_closed');
    await closeOverApi(backend, tokens, await incidentIdOf(backend, code));
    const view = await call(backend, 'GET', `/api/public/track/${code}`, undefined, { ip: ip() });
    expect(view.body).toMatchObject({ status: 'closed', canRate: true, canAskReopen: true });
    expect(view.body.deadline).toBeUndefined();
    const rated = await call(backend, 'POST', `/api/public/track/${code}/rating`, { value: 'basically', comment: '清得挺快，就是有点味道' }, { ip: ip() });
    expect(rated.status).toBe(200);
    expect(rated.body).toMatchObject({ status: 'evaluated', canRate: false, rating: { value: 'basically', comment: '清得挺快，就是有点味道' } });
    const twice = await call(backend, 'POST', `/api/public/track/${code}/rating`, { value: 'satisfied' }, { ip: ip() });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('already_rated');
  });

  it('a dissatisfied rating reopens only when the resident asks and the district allows it', async () => {
    const a = await complain(backend, { ...pointIn('A1', -40, 40), categoryCode: '08004' }, ip());
    await closeDust(a.body.trackingCode);
    const declined = await call(backend, 'POST', `/api/public/track/${a.body.trackingCode}/rating`, { value: 'dissatisfied', comment: '还有灰', reopen: false }, { ip: ip() });
    expect(declined.body.status).toBe('evaluated');

    const b = await complain(backend, { ...pointIn('A1', 40, 40), categoryCode: '08004' }, ip());
    await closeDust(b.body.trackingCode);
    const asked = await call(backend, 'POST', `/api/public/track/${b.body.trackingCode}/rating`, { value: 'dissatisfied', comment: '还有灰', reopen: true }, { ip: ip() });
    expect(asked.body.status).toBe('reopened');
    expect(asked.body.rating).toMatchObject({ value: 'dissatisfied', comment: '还有灰' });

    await backend.deps.conn.collection('settings').insertOne({ _id: 'incidentPolicy' as never, reopenOnDissatisfied: false });
    invalidateIncidentPolicy(backend.deps.conn);
    try {
      const c = await complain(backend, { ...pointIn('A1', -40, -40), categoryCode: '08004' }, ip());
      await closeDust(c.body.trackingCode);
      const view = await call(backend, 'GET', `/api/public/track/${c.body.trackingCode}`, undefined, { ip: ip() });
      expect(view.body.canAskReopen).toBe(false);
      const refused = await call(backend, 'POST', `/api/public/track/${c.body.trackingCode}/rating`, { value: 'dissatisfied', reopen: true }, { ip: ip() });
      expect(refused.body.status).toBe('evaluated');
    } finally {
      await backend.deps.conn.collection('settings').deleteOne({ _id: 'incidentPolicy' as never });
      invalidateIncidentPolicy(backend.deps.conn);
    }
  });

  /** Construction dust (its own fusion distance, 30 m), dispatched to CG alone so one department resolves it. */
  async function closeDust(code: string) {
    const id = await incidentIdOf(backend, code);
    const step = async (token: string, action: string, body: Record<string, unknown> = {}) => {
      const cur = await call(backend, 'GET', `/api/incidents/${id}`, undefined, { token: tokens.commander });
      const res = await call(backend, 'POST', `/api/incidents/${id}/${action}`, { version: cur.body.version, ...body }, { token });
      if (res.status !== 200) throw new Error(`${action}: ${res.status} ${res.text}`);
    };
    await step(tokens.commander, 'dispatch', { leadDepartmentCode: 'CG', coDepartmentCodes: [] });
    await step(tokens.cg, 'resolve', { note: '已洒水' });
    await step(tokens.workerA, 'verify', { result: 'passed' });
    await step(tokens.commander, 'close');
  }

  it('a merged complaint has its own rating, not the main case reporter\'s', async () => {
    const main = await complain(backend, { ...pointIn('B1', 30, 30), name: '李四', phone: '13900002222' }, ip());
    const dup = await complain(backend, { ...pointIn('B1', 35, 30), description: '同一堆垃圾' }, ip());
    expect(dup.body).toMatchObject({ status: 'merged', merged: true });
    await closeOverApi(backend, tokens, await incidentIdOf(backend, main.body.trackingCode));
    const first = await call(backend, 'POST', `/api/public/track/${main.body.trackingCode}/rating`, { value: 'satisfied', comment: '很好' }, { ip: ip() });
    expect(first.body).toMatchObject({ status: 'evaluated', rating: { value: 'satisfied' } });

    const dupView = await call(backend, 'GET', `/api/public/track/${dup.body.trackingCode}`, undefined, { ip: ip() });
    expect(dupView.body).toMatchObject({ merged: true, status: 'evaluated', canRate: true, description: '同一堆垃圾' });
    expect(dupView.body.rating).toBeUndefined();
    expect(dupView.text).not.toContain('李');
    expect(dupView.text).not.toMatch(PHONE);
    const own = await call(backend, 'POST', `/api/public/track/${dup.body.trackingCode}/rating`, { value: 'dissatisfied', comment: '还没清干净' }, { ip: ip() });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ canRate: false, rating: { value: 'dissatisfied', comment: '还没清干净' } });
    // The main case keeps its reporter's rating (evaluated cases are not reopened by a later rating).
    const mainView = await call(backend, 'GET', `/api/public/track/${main.body.trackingCode}`, undefined, { ip: ip() });
    expect(mainView.body).toMatchObject({ status: 'evaluated', rating: { value: 'satisfied', comment: '很好' } });
    const stored = await backend.deps.models.Incident.findOne({ trackingCode: dup.body.trackingCode }).lean();
    expect(stored?.rating).toMatchObject({ value: 'dissatisfied' });
    expect(stored?.timeline.at(-1)).toMatchObject({ type: 'incident.rated' });
  });

  it('a follower\'s dissatisfied rating with a reopen request reopens a closed case', async () => {
    const filed = await complain(backend, { ...pointIn('B2', -40, -40) }, ip());
    const id = await incidentIdOf(backend, filed.body.trackingCode);
    const follow = await call(backend, 'POST', `/api/public/cases/${id}/follow`, { messageId: randomUUID() }, { ip: ip() });
    await closeOverApi(backend, tokens, id);
    const rated = await call(backend, 'POST', `/api/public/track/${follow.body.trackingCode}/rating`, { value: 'dissatisfied', comment: '又堆上了', reopen: true }, { ip: ip() });
    expect(rated.body).toMatchObject({ following: true, status: 'reopened', rating: { value: 'dissatisfied', comment: '又堆上了' } });
    const reporter = await call(backend, 'GET', `/api/public/track/${filed.body.trackingCode}`, undefined, { ip: ip() });
    expect(reporter.body.rating).toBeUndefined();
  });

  it('rate-limits tracking look-ups per address (guessing codes is hopeless)', async () => {
    await backend.deps.conn.collection('settings').insertOne({ _id: 'residentPolicy' as never, trackLookupsPerMinute: 5 });
    invalidateResidentPolicy(backend.deps.conn);
    try {
      const guesser = ip();
      const answers: number[] = [];
      for (let n = 0; n < 7; n++) answers.push((await call(backend, 'GET', `/api/public/track/ABCDEFG${TRACKING_ALPHABET[n]}`, undefined, { ip: guesser })).status);
      expect(answers).toEqual([404, 404, 404, 404, 404, 429, 429]);
      const other = await call(backend, 'GET', '/api/public/track/ABCDEFGH', undefined, { ip: ip() });
      expect(other.status).toBe(404);
    } finally {
      await backend.deps.conn.collection('settings').deleteOne({ _id: 'residentPolicy' as never });
      invalidateResidentPolicy(backend.deps.conn);
    }
  });

  it('public reports map: open and recently closed cases as points, no personal data, filterable by category and community', async () => {
    await complain(backend, { ...pointIn('A2', -20, 20), name: '王小明', phone: '+86 138-0013-8000', description: '王小明家楼下 13800138000', address: '东华门大街1号' }, ip());
    const res = await call(backend, 'GET', '/api/public/reports');
    expect(res.status).toBe(200);
    const reports = res.body.reports as Record<string, unknown>[];
    expect(reports.length).toBeGreaterThan(3);
    expect(reports.some((r) => r.state === 'closed')).toBe(true);
    expect(reports.some((r) => r.state === 'open')).toBe(true);
    expect(reports.every((r) => r.status !== 'merged' && r.status !== 'rejected')).toBe(true);
    for (const r of reports) expect(Object.keys(r).every((k) => ['id', 'categoryCode', 'status', 'state', 'lng', 'lat', 'communityCode', 'reportedAt', 'closedAt'].includes(k))).toBe(true);
    // Acceptance 2: scan the whole answer for phone patterns and reporter names.
    expect(res.text).not.toMatch(PHONE);
    expect(res.text).not.toMatch(/138[\s-]?0013[\s-]?8000/);
    for (const name of ['王小明', '张三', '李四', '东华门大街']) expect(res.text).not.toContain(name);

    const dust = await call(backend, 'GET', '/api/public/reports?categoryCode=08004');
    expect(dust.body.reports.length).toBeGreaterThan(0);
    expect(dust.body.reports.every((r: { categoryCode: string }) => r.categoryCode === '08004')).toBe(true);
    const b = await call(backend, 'GET', `/api/public/reports?communityCode=${COMMUNITY_B}`);
    expect(b.body.reports.length).toBeGreaterThan(0);
    expect(b.body.reports.every((r: { communityCode: string }) => r.communityCode === COMMUNITY_B)).toBe(true);
    expect((await call(backend, 'GET', '/api/public/reports?state=open')).body.reports.every((r: { state: string }) => r.state === 'open')).toBe(true);
    expect((await call(backend, 'GET', '/api/public/reports?communityCode=x')).status).toBe(400);

    // A case closed longer ago than the policy's window leaves the map.
    const closed = reports.find((r) => r.state === 'closed')!;
    await backend.deps.models.Incident.updateOne({ _id: String(closed.id) }, { $set: { closedAt: new Date(Date.now() - 31 * 86_400_000) } });
    const later = await call(backend, 'GET', '/api/public/reports');
    expect(later.body.reports.map((r: { id: string }) => r.id)).not.toContain(closed.id);
    expect(later.body.reports).toHaveLength(reports.length - 1);
  });

  it('public categories and areas carry names in both languages', async () => {
    const cats = await call(backend, 'GET', '/api/public/categories');
    expect(cats.body.categories).toContainEqual(expect.objectContaining({ code: '06010', name: '暴露垃圾', nameEn: 'Exposed rubbish', nearbyM: 50 }));
    const areas = await call(backend, 'GET', '/api/public/areas');
    expect(areas.body.features.map((f: { properties: { nameEn: string } }) => f.properties.nameEn)).toEqual(['Donghuamen Street', 'Beiheyan Community', 'Nanchizi Community']);
  });

  it('tracking codes come from a cryptographic source over 32 symbols: 2,000 fresh codes are distinct and use the whole alphabet', async () => {
    const codes = Array.from({ length: 2000 }, () => newTrackingCode());
    expect(new Set(codes).size).toBe(2000);
    expect(new Set(codes.join('')).size).toBe(32);
  });
});
