import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newEvent } from '@onegrid/backend/kernel';
import { nextSeq, relayOutboxes } from '@onegrid/backend/bus';
import { startBackend } from '@onegrid/backend/server';
import { CAT_COVER, GRID, pointIn } from '../support/fixtures.js';
import { login, startTestBackend } from '../support/platform.js';
import { openSse } from '../support/sseClient.js';

describe('event bus and live stream', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let commander: string;
  beforeAll(async () => {
    backend = await startTestBackend();
    commander = await login(backend.url, 'commander');
    // Every report here is a separate case: no fusion of nearby reports.
    await backend.deps.models.Category.updateMany({}, { $set: { 'fusion.distanceM': 0 } });
  });
  afterAll(async () => backend?.stop());

  async function reportRubbish(messageId: string) {
    const p = pointIn('B1');
    const res = await request(backend.url)
      .post('/api/incidents')
      .set('authorization', `Bearer ${commander}`)
      .send({ messageId, categoryCode: '06010', description: `rubbish ${messageId}`, lng: p.lng, lat: p.lat });
    expect(res.status).toBeLessThan(300);
    return res.body as { id: string; code: string };
  }

  it('relays outbox events into `events` with increasing seq and empties the outbox', async () => {
    await reportRubbish('bus-1');
    await backend.deps.bus.notify();
    await (backend.deps.bus as unknown as { settle(): Promise<void> }).settle();
    const events = await backend.deps.models.Event.find({}).sort({ seq: 1 }).lean();
    expect(events.length).toBeGreaterThan(0);
    for (let i = 1; i < events.length; i++) expect(events[i].seq).toBeGreaterThan(events[i - 1].seq);
    expect(await backend.deps.models.Incident.countDocuments({ 'outbox.0.id': { $exists: true } })).toBe(0);
  });

  it('heals a crash between append and pull: the event is not appended twice', async () => {
    const incident = await backend.deps.models.Incident.findOne({}).lean();
    const event = newEvent({ type: 'incident.replied', aggregate: 'incident', aggregateId: String(incident!._id), at: new Date(), data: {}, scope: { departmentCodes: [], gridCodes: [] } });
    await backend.deps.models.Event.create({ ...event, seq: await nextSeq(backend.deps.models) });
    await backend.deps.models.Incident.updateOne({ _id: incident!._id }, { $push: { outbox: event } });
    await relayOutboxes(backend.deps.models);
    expect(await backend.deps.models.Event.countDocuments({ id: event.id })).toBe(1);
    expect(await backend.deps.models.Incident.countDocuments({ 'outbox.0.id': { $exists: true } })).toBe(0);
  });

  it('streams live events and resumes from Last-Event-ID without gaps or repeats', async () => {
    const first = await openSse(`${backend.url}/api/stream?access_token=${commander}`);
    expect(first.status).toBe(200);
    const created = await reportRubbish('bus-2');
    const seen = await first.waitFor((e) => e.event === 'incident.reported' && (e.data as { aggregateId: string }).aggregateId === created.id);
    first.close();
    const missed = await reportRubbish('bus-3');
    const last = await reportRubbish('bus-4');
    const resumed = await openSse(`${backend.url}/api/stream?access_token=${commander}`, { 'last-event-id': seen.id });
    await resumed.waitFor((e) => (e.data as { aggregateId: string }).aggregateId === last.id);
    const ids = resumed.events.map((e) => Number(e.id));
    expect(Math.min(...ids)).toBeGreaterThan(Number(seen.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(resumed.events.some((e) => (e.data as { aggregateId: string }).aggregateId === missed.id)).toBe(true);
    resumed.close();
  });

  it('scopes the stream: a department sees its own cases only, a worker only their grid cells', async () => {
    const sz = await openSse(`${backend.url}/api/stream?access_token=${await login(backend.url, 'dept-sz')}`);
    const workerA = await openSse(`${backend.url}/api/stream?access_token=${await login(backend.url, 'worker-a')}`);
    const workerB = await openSse(`${backend.url}/api/stream?access_token=${await login(backend.url, 'worker-b')}`);
    const p = pointIn('A2');
    const cover = await request(backend.url).post('/api/incidents').set('authorization', `Bearer ${commander}`).send({ messageId: 'scope-1', categoryCode: CAT_COVER, description: 'cover missing', lng: p.lng, lat: p.lat });
    const rubbish = await reportRubbish('scope-2');
    // Dispatch the cover case: the lead department (市政 SZ) joins its scope.
    await request(backend.url).post(`/api/incidents/${cover.body.id}/accept`).set('authorization', `Bearer ${commander}`).send({ version: cover.body.version });
    await workerA.waitFor((e) => (e.data as { aggregateId: string }).aggregateId === cover.body.id);
    await workerB.waitFor((e) => (e.data as { aggregateId: string }).aggregateId === rubbish.id);
    await new Promise((r) => setTimeout(r, 300));
    for (const e of sz.events) expect((e.data as { scope: { departmentCodes: string[] } }).scope.departmentCodes).toContain('SZ');
    for (const e of workerA.events) expect((e.data as { scope: { gridCodes: string[] } }).scope.gridCodes.some((g) => g === GRID.A1 || g === GRID.A2)).toBe(true);
    expect(workerB.events.some((e) => (e.data as { aggregateId: string }).aggregateId === cover.body.id)).toBe(false);
    expect(sz.events.some((e) => (e.data as { aggregateId: string }).aggregateId === rubbish.id)).toBe(false);
    expect(workerA.comments()).toBeGreaterThan(0);
    for (const c of [sz, workerA, workerB]) c.close();
  });

  it('refuses the stream without a session', async () => {
    expect((await request(backend.url).get('/api/stream')).status).toBe(401);
  });

  it('names PORT when the port is taken', async () => {
    await expect(startBackend({ cron: false, env: { PORT: String(backend.port), HOST: '127.0.0.1', DATA_DIR: backend.dataDir, MONGODB_URI: backend.storeUri, LOG_LEVEL: 'silent' } })).rejects.toThrow(/PORT/);
  });
});
