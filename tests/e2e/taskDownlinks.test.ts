import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../device-gateway/src/gateway.js';
import { startTestGateway } from './support/embeddedGateway.js';
import { connectClient, openInbox } from '../../device-gateway/src/testSupport/mqttClients.js';
import { CAT_RUBBISH, GRID, pointIn } from '../support/fixtures.js';
import { login, startTestBackend } from '../support/platform.js';

// Verification tasks (核查) reach the grid worker over MQTT: resolving a case
// publishes `workers/{username}/tasks` to the workers of its grid cell, through
// the gateway's downlink follower and the backend's checkpointed feed.
describe('verification task downlinks', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let gateway: RunningGateway | undefined;
  let tokens: Record<string, string>;

  const startDownlinkGateway = () => startTestGateway(backend, 'onegrid-gateway-downlinks', { GATEWAY_DOWNLINK_WAIT_MS: 2_000 });

  beforeAll(async () => {
    backend = await startTestBackend();
    tokens = {};
    for (const user of ['commander', 'dept-cg', 'worker-a', 'worker-b']) tokens[user] = await login(backend.url, user);
    // Every report here is its own case: no fusion of nearby reports.
    await backend.deps.models.Category.updateMany({}, { $set: { 'fusion.distanceM': 0 } });
  });
  afterEach(async () => {
    await gateway?.stop();
    gateway = undefined;
  });
  afterAll(async () => {
    await backend?.stop();
  });

  /** Takes an action over HTTP at the incident's current version. */
  async function act(user: string, id: string, action: string, body: Record<string, unknown> = {}): Promise<{ status: string; version: number }> {
    const current = await request(backend.url).get(`/api/incidents/${id}`).set('authorization', `Bearer ${tokens[user]}`);
    expect(current.status).toBe(200);
    const res = await request(backend.url)
      .post(`/api/incidents/${id}/${action}`)
      .set('authorization', `Bearer ${tokens[user]}`)
      .send({ version: current.body.version, ...body });
    expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200);
    return res.body;
  }

  /** A rubbish case in cell A1 (routed to CG), taken to `verifying` when `resolve` is true. */
  async function caseInA1(messageId: string, resolve = true): Promise<{ id: string; code: string }> {
    const res = await request(backend.url)
      .post('/api/incidents')
      .set('authorization', `Bearer ${tokens.commander}`)
      .send({ messageId, categoryCode: CAT_RUBBISH, description: `垃圾堆放 ${messageId}`, ...pointIn('A1') });
    expect(res.status).toBeLessThan(300);
    const { id, code } = res.body as { id: string; code: string };
    if (res.body.status === 'reported') await act('commander', id, 'accept');
    if ((await act('commander', id, 'dispatch')).status !== 'dispatched') throw new Error('not dispatched');
    if (resolve) {
      await act('dept-cg', id, 'start');
      expect((await act('dept-cg', id, 'resolve', { note: '已清运 cleared' })).status).toBe('verifying');
    }
    return { id, code };
  }

  const connectWorker = (port: number, username: string, options: { clientId?: string; clean?: boolean } = {}) =>
    connectClient(`mqtt://127.0.0.1:${port}`, { username, password: tokens[username], clientId: options.clientId ?? `${username}-phone`, clean: options.clean ?? true });

  it('sends the task to the workers of the case’s grid cell only, with its code and a stable task id', async () => {
    gateway = await startDownlinkGateway();
    const workerA = await connectWorker(gateway.mqttPort!, 'worker-a');
    const workerB = await connectWorker(gateway.mqttPort!, 'worker-b');
    const tasksA = await openInbox(workerA, 'workers/worker-a/tasks');
    const tasksB = await openInbox(workerB, 'workers/worker-b/tasks');
    // The first pull sets the checkpoint; only cases sent for verification after it produce tasks.
    await expect.poll(async () => backend.deps.models.Checkpoint.countDocuments({ _id: 'mqtt-downlinks' }), { timeout: 10_000 }).toBe(1);

    const { id, code } = await caseInA1('dl-1');
    const task = (await tasksA.waitFor((t) => t.code === code)) as Record<string, unknown>;
    expect(task).toMatchObject({ kind: 'verify', incidentId: id, code, categoryCode: CAT_RUBBISH, gridCode: GRID.A1 });
    expect(task.taskId).toMatch(/\S+/);
    expect(typeof task.lng).toBe('number');
    expect(Date.parse(task.requestedAt as string)).not.toBeNaN();

    // The worker checks on site and the case goes on; worker B (other cells) never heard of it.
    await act('worker-a', id, 'verify', { result: 'passed' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(tasksB.messages).toEqual([]);
    expect(tasksA.messages.filter((m) => m.body.code === code)).toHaveLength(1);
    await workerA.endAsync();
    await workerB.endAsync();
  });

  it('delivers to a worker who was offline, on reconnect with a persistent session', async () => {
    gateway = await startDownlinkGateway();
    const port = gateway.mqttPort!;
    const phone = await connectWorker(port, 'worker-a', { clientId: 'worker-a-offline', clean: false });
    await phone.subscribeAsync('workers/worker-a/tasks', { qos: 1 });
    await phone.endAsync();

    const { code } = await caseInA1('dl-offline');
    await expect.poll(() => gateway!.downlinksPublished(), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);

    const back = await connectWorker(port, 'worker-a', { clientId: 'worker-a-offline', clean: false });
    const tasks = await openInbox(back, 'workers/worker-a/tasks');
    expect(((await tasks.waitFor((t) => t.code === code)) as { kind: string }).kind).toBe('verify');
    await back.endAsync();
  });

  it('resumes after a gateway restart from the backend’s checkpoint, skipping cases checked meanwhile', async () => {
    const waiting = await caseInA1('dl-restart-waiting');
    const checked = await caseInA1('dl-restart-checked');
    await act('worker-a', checked.id, 'verify', { result: 'passed' });

    gateway = await startDownlinkGateway();
    const worker = await connectWorker(gateway.mqttPort!, 'worker-a', { clientId: 'worker-a-restart' });
    const tasks = await openInbox(worker, 'workers/worker-a/tasks');
    await tasks.waitFor((t) => t.code === waiting.code);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(tasks.messages.map((m) => m.body.code)).not.toContain(checked.code);
    await worker.endAsync();
  });

  it('lets one gateway hold the feed at a time and refuses an acknowledgement from another', async () => {
    const service = backend.secrets.SERVICE_TOKEN;
    const pull = (holder: string) => request(backend.url).post('/api/ingest/downlinks/pull').set('authorization', `Bearer ${service}`).send({ holder, waitMs: 0 });
    const first = await pull('gw-one');
    expect(first.status).toBe(200);
    expect(first.body.leased).toBe(true);
    const second = await pull('gw-two');
    expect(second.body).toMatchObject({ leased: false, downlinks: [] });
    const ack = await request(backend.url).post('/api/ingest/downlinks/ack').set('authorization', `Bearer ${service}`).send({ holder: 'gw-two', seq: first.body.upTo });
    expect(ack.status).toBe(409);
    expect(ack.body.error.code).toBe('lease_lost');
    // Releasing hands the feed over at once.
    const release = await request(backend.url).post('/api/ingest/downlinks/release').set('authorization', `Bearer ${service}`).send({ holder: 'gw-one' });
    expect(release.status).toBe(200);
    expect((await pull('gw-two')).body.leased).toBe(true);
    await request(backend.url).post('/api/ingest/downlinks/release').set('authorization', `Bearer ${service}`).send({ holder: 'gw-two' });
    // Only the gateway's service token may follow the feed.
    expect((await request(backend.url).post('/api/ingest/downlinks/pull').set('authorization', `Bearer ${tokens.commander}`).send({ holder: 'x' })).status).toBe(403);
    expect((await request(backend.url).post('/api/ingest/downlinks/pull').set('authorization', `Bearer ${service}`).send({ holder: '' })).status).toBe(400);
  });
});
