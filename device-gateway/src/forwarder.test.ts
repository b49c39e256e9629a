import type { Client } from 'aedes';
import type { MqttClient } from 'mqtt';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuthenticator } from './authenticator.js';
import { createBackendClient } from './backendClient.js';
import { startEmbeddedBroker, type EmbeddedBroker } from './broker.js';
import { startForwarder, type Forwarder } from './forwarder.js';
import { HANDLERS } from './handlers/index.js';
import { startFakeBackend, type FakeBackend } from './testSupport/fakeBackend.js';
import { connectClient, eventually, openInbox, type Inbox } from './testSupport/mqttClients.js';

// When the gateway acknowledges a message to the broker (PUBACK), and what
// happens to a message the backend cannot take: it is held, retried with
// back-off without blocking the others, redelivered by the broker after a
// reconnect, and in the end becomes exactly one incident.

const GW = 'gw-forwarder-test';
const logger = pino({ level: 'silent' });
let backend: FakeBackend;
let broker: EmbeddedBroker;
let forwarder: Forwarder;
let device: MqttClient;
let inbox: Inbox;
/** Alarm message ids the gateway has acknowledged to the broker. */
let pubacked: string[];

async function start(giveUpMs = 60_000) {
  backend = await startFakeBackend();
  const client = createBackendClient({ baseUrl: backend.url, serviceToken: backend.serviceToken, timeoutMs: 2_000 });
  const authenticator = createAuthenticator({ backend: client, serviceToken: backend.serviceToken, gatewayClientId: GW, cacheMs: 0 });
  broker = await startEmbeddedBroker({ host: '127.0.0.1', port: 0, wsPort: 0, authenticator, logger });
  pubacked = [];
  broker.aedes.on('ack', (packet, by) => {
    if (by?.id === GW && packet && 'payload' in packet) pubacked.push(JSON.parse(String(packet.payload)).messageId);
  });
  forwarder = await startForwarder({
    url: `mqtt://127.0.0.1:${broker.mqttPort}`,
    clientId: GW,
    username: GW,
    password: backend.serviceToken,
    handlers: HANDLERS,
    backend: client,
    logger,
    concurrency: 4,
    retry: { minMs: 20, maxMs: 80, giveUpMs },
  });
  broker.open();
  device = await connectClient(`mqtt://127.0.0.1:${broker.mqttPort}`, { username: 'dev-1', password: 'tok-1', clientId: 'dev-1' });
  inbox = await openInbox(device, 'devices/dev-1/ack');
}

const alarm = (messageId: string) => device.publishAsync('devices/dev-1/alarm', JSON.stringify({ messageId }), { qos: 1 });
const callsFor = (messageId: string) => backend.callsTo('/api/ingest/device-alarms').filter((c) => c.body.messageId === messageId);
const incidentsFor = (messageId: string) => [...backend.incidents.keys()].filter((k) => k.endsWith(`:${messageId}`));

beforeEach(async () => start());

afterEach(async () => {
  await device?.endAsync(true);
  await forwarder?.stop();
  await broker?.stop();
  await backend?.stop();
});

describe('acknowledging to the broker', () => {
  it('sends the PUBACK only after the backend answered 2xx', async () => {
    let release: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => (release = resolve));
    backend.intercept = async (path) => {
      if (path.endsWith('device-alarms')) await answered;
      return undefined;
    };
    await alarm('slow-1');
    await eventually(() => backend.calls.some((c) => c.body.messageId === 'slow-1'), 'the backend call');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(pubacked).not.toContain('slow-1');
    release();
    await eventually(() => pubacked.includes('slow-1'), 'the PUBACK');
    expect(await inbox.waitFor((b) => b.messageId === 'slow-1')).toMatchObject({ ok: true });
  });

  it('holds a message the backend answers 503 without blocking the others, then delivers it once', async () => {
    let down = true;
    backend.intercept = (_path, body) => (down && body.messageId === 'stuck-1' ? 503 : undefined);
    await alarm('stuck-1');
    await alarm('free-1');
    await inbox.waitFor((b) => b.messageId === 'free-1' && b.ok === true);
    await eventually(() => callsFor('stuck-1').length >= 3, 'retries of the held message');
    expect(pubacked).toContain('free-1');
    expect(pubacked).not.toContain('stuck-1');
    expect(forwarder.held()).toBe(1);
    down = false;
    expect(await inbox.waitFor((b) => b.messageId === 'stuck-1')).toMatchObject({ ok: true, duplicate: false });
    await eventually(() => pubacked.includes('stuck-1'), 'the PUBACK of the held message');
    expect(incidentsFor('stuck-1')).toHaveLength(1);
    expect(forwarder.held()).toBe(0);
  });

  it('acknowledges a message the backend rejects with 4xx, so it is never redelivered', async () => {
    backend.intercept = (path) => (path.endsWith('device-alarms') ? 400 : undefined);
    await alarm('rejected-1');
    expect(await inbox.waitFor((b) => b.messageId === 'rejected-1')).toMatchObject({ ok: false, error: { code: 'forced_400' } });
    await eventually(() => pubacked.includes('rejected-1'), 'the PUBACK');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(callsFor('rejected-1')).toHaveLength(1);
  });
});

describe('outages', () => {
  it('gets a held message redelivered by the broker after its connection dropped, and makes one incident of it', async () => {
    let down = true;
    backend.intercept = (path) => (down && path.endsWith('device-alarms') ? 503 : undefined);
    await alarm('redeliver-1');
    await eventually(() => callsFor('redeliver-1').length >= 1, 'the first attempt');
    const redelivered = new Promise<boolean>((resolve) => broker.aedes.on('clientReady', (c) => c.id === GW && resolve(true)));
    (broker.aedes as unknown as { clients: Record<string, Client> }).clients[GW].conn.destroy();
    await redelivered;
    down = false;
    expect(await inbox.waitFor((b) => b.messageId === 'redeliver-1' && b.ok === true, 10_000)).toMatchObject({ ok: true });
    await eventually(() => pubacked.includes('redeliver-1'), 'the PUBACK on the new connection', 10_000);
    expect(incidentsFor('redeliver-1')).toHaveLength(1);
  });

  it('holds alarms while the backend is unreachable and turns each into exactly one incident when it returns', async () => {
    const port = backend.port;
    await backend.stop();
    for (const id of ['off-1', 'off-2', 'off-3']) await alarm(id);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(forwarder.held()).toBe(3);
    expect(pubacked).toEqual([]);
    backend = await startFakeBackend(port);
    for (const id of ['off-1', 'off-2', 'off-3']) await inbox.waitFor((b) => b.messageId === id && b.ok === true, 10_000);
    expect([...backend.incidents.keys()].sort()).toEqual(['devices:dev-1:off-1', 'devices:dev-1:off-2', 'devices:dev-1:off-3']);
    await eventually(() => pubacked.length === 3, 'three PUBACKs');
  });
});

describe('giving up', () => {
  beforeEach(async () => {
    await device.endAsync(true);
    await forwarder.stop();
    await broker.stop();
    await backend.stop();
    await start(200);
  });

  it('answers backend_failed for a message that keeps failing while the backend answers others', async () => {
    backend.intercept = (_path, body) => (body.messageId === 'poison-1' ? 500 : undefined);
    await alarm('poison-1');
    let n = 0;
    const keepBusy = setInterval(() => alarm(`filler-${n++}`).catch(() => undefined), 50);
    try {
      expect(await inbox.waitFor((b) => b.messageId === 'poison-1', 5_000)).toMatchObject({ ok: false, error: { code: 'backend_failed' } });
    } finally {
      clearInterval(keepBusy);
    }
    await eventually(() => pubacked.includes('poison-1'), 'the PUBACK of the given-up message');
  });
});
