import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type RunningGateway } from '../../device-gateway/src/gateway.js';
import { connectClient, openInbox } from '../../device-gateway/src/testSupport/mqttClients.js';
import { login, startTestBackend } from '../support/platform.js';
import { openSse } from '../support/sseClient.js';
import { mosquittoAvailable, startMosquitto } from './support/mosquitto.js';

// MQTT_URL names a broker already running with the users of .github/mosquitto (the GitHub
// workflow's service container); otherwise the test starts its own Mosquitto.
const givenBroker = process.env.MQTT_URL;
const available = Boolean(givenBroker) || mosquittoAvailable();
if (!available && process.env.REQUIRE_E2E === '1') {
  throw new Error('the external-broker test needs mosquitto and mosquitto_passwd (apt-get install -y mosquitto); REQUIRE_E2E=1 makes this a failure');
}
if (!available) console.warn('[skip] external-broker test: mosquitto not installed (apt-get install -y mosquitto to run it)');

// The same spine with MQTT_URL pointing at a real Mosquitto: the broker authenticates the device,
// the gateway subscribes with a persistent session and forwards to the backend.
describe.skipIf(!available)('sensor alarm through an external Mosquitto broker', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let mosquitto: { url: string; stop(): Promise<void> };
  let gateway: RunningGateway;

  beforeAll(async () => {
    backend = await startTestBackend();
    mosquitto = givenBroker
      ? { url: givenBroker, stop: async () => {} }
      : await startMosquitto({ 'gw-ext': 'gw-secret', 'cover-a1': 'tok-a1' }, 'gw-ext');
    gateway = await startGateway({
      MQTT_URL: mosquitto.url,
      MQTT_USERNAME: 'gw-ext',
      MQTT_PASSWORD: 'gw-secret',
      GATEWAY_CLIENT_ID: 'gw-ext',
      BACKEND_URL: backend.url,
      SERVICE_TOKEN: backend.secrets.SERVICE_TOKEN,
      logger: pino({ level: 'silent' }),
    });
  }, 60_000);
  afterAll(async () => {
    await gateway?.stop();
    await mosquitto?.stop();
    await backend?.stop();
  });

  it('turns the alarm into a dispatched incident, acks the device and streams it to the command centre', async () => {
    const stream = await openSse(`${backend.url}/api/stream?access_token=${await login(backend.url, 'commander')}`);
    const device = await connectClient(mosquitto.url, { username: 'cover-a1', password: 'tok-a1', clientId: 'cover-a1-ext' });
    const acks = await openInbox(device, 'devices/cover-a1/ack');
    await device.publishAsync('devices/cover-a1/alarm', JSON.stringify({ messageId: 'ext-1', severity: 'major' }), { qos: 1 });
    const ack = (await acks.waitFor((b) => b.messageId === 'ext-1')) as { ok: boolean; incidentCode: string };
    expect(ack.ok).toBe(true);
    const dispatched = await stream.waitFor((e) => e.event === 'incident.dispatched');
    expect((dispatched.data as { data: { incident: { code: string } } }).data.incident.code).toBe(ack.incidentCode);
    expect(await backend.deps.models.Incident.countDocuments({ status: 'dispatched' })).toBe(1);
    stream.close();
    await device.endAsync();
  });
});
