import type { MqttClient } from 'mqtt';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type RunningGateway } from './gateway.js';
import { startFakeBackend, type FakeBackend } from './testSupport/fakeBackend.js';
import { connackCode, connectClient, eventually, openInbox } from './testSupport/mqttClients.js';

// The gateway with its embedded broker against a fake backend on a real port:
// connect-time authentication, the ACL, and the alarm → ingest → ack round trip.

let backend: FakeBackend;
let gateway: RunningGateway;
let url: string;
const clients: MqttClient[] = [];

async function device(id = 'dev-1', token = 'tok-1') {
  const client = await connectClient(url, { username: id, password: token, clientId: `${id}-${clients.length}` });
  clients.push(client);
  return { client, inbox: await openInbox(client, `devices/${id}/ack`) };
}

beforeAll(async () => {
  backend = await startFakeBackend();
  gateway = await startGateway({
    MQTT_URL: undefined,
    MQTT_HOST: '127.0.0.1',
    MQTT_PORT: 0,
    MQTT_WS_PORT: 0,
    BACKEND_URL: backend.url,
    SERVICE_TOKEN: backend.serviceToken,
    GATEWAY_CLIENT_ID: 'gw-test',
    GATEWAY_RETRY_MIN_MS: 20,
    GATEWAY_RETRY_MAX_MS: 100,
    logger: pino({ level: 'silent' }),
  });
  url = `mqtt://127.0.0.1:${gateway.mqttPort}`;
});

afterEach(async () => {
  backend.intercept = undefined;
  await Promise.all(clients.splice(0).map((c) => c.endAsync(true)));
});

afterAll(async () => {
  await gateway?.stop();
  await backend?.stop();
});

describe('connect-time authentication', () => {
  it('accepts a device with its token, over TCP and over WebSocket /mqtt', async () => {
    expect(await connackCode(url, { username: 'dev-1', password: 'tok-1' })).toBe(0);
    expect(await connackCode(`ws://127.0.0.1:${gateway.wsPort}/mqtt`, { username: 'dev-1', password: 'tok-1' })).toBe(0);
  });

  it('refuses a wrong token, an unknown device and a missing password with CONNACK 5', async () => {
    expect(await connackCode(url, { username: 'dev-1', password: 'wrong' })).toBe(5);
    expect(await connackCode(url, { username: 'ghost', password: 'tok-1' })).toBe(5);
    expect(await connackCode(url, { username: 'dev-1' })).toBe(5);
  });

  it("refuses a client that takes the gateway's client id without the service token", async () => {
    expect(await connackCode(url, { clientId: 'gw-test', username: 'dev-1', password: 'tok-1' })).toBe(5);
    expect(await connackCode(url, { clientId: 'gw-test', username: 'gw-test', password: 'guess' })).toBe(5);
  });

  it('answers CONNACK 3 (server unavailable) when the backend cannot check the credentials', async () => {
    backend.intercept = () => 503;
    expect(await connackCode(url, { username: 'dev-2', password: 'tok-2' })).toBe(3);
  });

  it('accepts a worker with its login token', async () => {
    expect(await connackCode(url, { username: 'worker-01', password: 'aaa.bbb.ccc' })).toBe(0);
    expect(await connackCode(url, { username: 'worker-01', password: 'aaa.bbb.ddd' })).toBe(5);
  });
});

describe('alarm round trip', () => {
  it('forwards an alarm and answers with the incident code on devices/{id}/ack', async () => {
    const { client, inbox } = await device();
    await client.publishAsync('devices/dev-1/alarm', JSON.stringify({ messageId: 'a-1', alarmType: 'tilt', severity: 'major', value: 31 }), { qos: 1 });
    const ack = await inbox.waitFor((b) => b.messageId === 'a-1');
    expect(ack).toEqual({ messageId: 'a-1', ok: true, incidentCode: expect.stringMatching(/^INC-/), trackingCode: expect.any(String), duplicate: false });
    expect(backend.callsTo('/api/ingest/device-alarms').at(-1)?.body).toMatchObject({ deviceId: 'dev-1', messageId: 'a-1', alarmType: 'tilt', severity: 'major', value: 31 });
  });

  it('answers a replayed message id as a duplicate and creates no second incident', async () => {
    const { client, inbox } = await device();
    const payload = JSON.stringify({ messageId: 'dup-1', alarmType: 'tilt' });
    await client.publishAsync('devices/dev-1/alarm', payload, { qos: 1 });
    await inbox.waitFor((b) => b.messageId === 'dup-1');
    await client.publishAsync('devices/dev-1/alarm', payload, { qos: 1 });
    const second = await inbox.waitFor((b) => b.messageId === 'dup-1' && b.duplicate === true);
    expect(second.ok).toBe(true);
    expect([...backend.incidents.keys()].filter((k) => k.endsWith(':dup-1'))).toHaveLength(1);
  });

  it('answers malformed JSON, an invalid payload and a backend 4xx with an error, and keeps serving', async () => {
    const { client, inbox } = await device();
    await client.publishAsync('devices/dev-1/alarm', '{not json', { qos: 1 });
    expect(await inbox.waitFor((b) => b.ok === false && b.error.code === 'invalid_json')).toMatchObject({ messageId: null });
    await client.publishAsync('devices/dev-1/alarm', JSON.stringify({ messageId: 'bad-1', severity: 'apocalyptic' }), { qos: 1 });
    const invalid = await inbox.waitFor((b) => b.messageId === 'bad-1');
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_payload', message: expect.stringContaining('severity') } });
    backend.intercept = (path) => (path.endsWith('device-alarms') ? 422 : undefined);
    await client.publishAsync('devices/dev-1/alarm', JSON.stringify({ messageId: 'r-1' }), { qos: 1 });
    expect(await inbox.waitFor((b) => b.messageId === 'r-1')).toMatchObject({ ok: false, error: { code: 'forced_422' } });
    backend.intercept = undefined;
    await client.publishAsync('devices/dev-1/alarm', JSON.stringify({ messageId: 'ok-after-bad' }), { qos: 1 });
    expect(await inbox.waitFor((b) => b.messageId === 'ok-after-bad')).toMatchObject({ ok: true });
    expect(backend.callsTo('/api/ingest/device-alarms').filter((c) => c.body.messageId === 'r-1')).toHaveLength(1);
  });

  it('refuses a payload that names another device as its sender', async () => {
    const { client, inbox } = await device();
    await client.publishAsync('devices/dev-1/alarm', JSON.stringify({ messageId: 'spoof-1', deviceId: 'dev-2' }), { qos: 1 });
    expect(await inbox.waitFor((b) => b.messageId === 'spoof-1')).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(backend.callsTo('/api/ingest/device-alarms').some((c) => c.body.messageId === 'spoof-1')).toBe(false);
  });

  it('forwards a bare "offline" status and a worker report', async () => {
    const { client } = await device();
    await client.publishAsync('devices/dev-1/status', 'offline', { qos: 1, retain: true });
    await eventually(() => backend.callsTo('/api/ingest/device-status').some((c) => c.body.deviceId === 'dev-1' && c.body.status === 'offline'), 'device-status call');
    const worker = await connectClient(url, { username: 'worker-01', password: 'aaa.bbb.ccc' });
    clients.push(worker);
    const inbox = await openInbox(worker, 'workers/worker-01/ack');
    const report = { messageId: 'w-1', categoryCode: '01003', lng: 116.4, lat: 39.9, description: '井盖缺失' };
    await worker.publishAsync('workers/worker-01/reports', JSON.stringify(report), { qos: 1 });
    expect(await inbox.waitFor((b) => b.messageId === 'w-1')).toMatchObject({ ok: true, duplicate: false });
  });
});

describe('topic ACL', () => {
  it("closes the connection of a device publishing under another device's id, and forwards nothing", async () => {
    const { client } = await device();
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    client.publish('devices/dev-2/alarm', JSON.stringify({ messageId: 'intruder-1' }), { qos: 1 });
    await closed;
    expect(backend.calls.some((c) => c.body.messageId === 'intruder-1')).toBe(false);
  });

  it("refuses subscriptions to another device's downlink, to wildcards and to uplinks", async () => {
    const { client } = await device();
    for (const topic of ['devices/dev-2/ack', 'devices/+/ack', '#', 'devices/dev-1/alarm', 'workers/dev-1/tasks']) {
      await expect(client.subscribeAsync(topic, { qos: 1 }), topic).rejects.toThrow(/Subscribe error/);
    }
    expect(await client.subscribeAsync('devices/dev-1/ack', { qos: 1 })).toMatchObject([{ qos: 1 }]);
  });
});

describe('ports', () => {
  it('names MQTT_PORT or MQTT_WS_PORT when a port is already taken', async () => {
    const common = { MQTT_URL: undefined, MQTT_HOST: '127.0.0.1', BACKEND_URL: backend.url, SERVICE_TOKEN: backend.serviceToken, logger: pino({ level: 'silent' }) };
    await expect(startGateway({ ...common, MQTT_PORT: gateway.mqttPort!, MQTT_WS_PORT: 0 })).rejects.toThrow(/MQTT_PORT/);
    await expect(startGateway({ ...common, MQTT_PORT: 0, MQTT_WS_PORT: gateway.wsPort! })).rejects.toThrow(/MQTT_WS_PORT/);
  });
});
