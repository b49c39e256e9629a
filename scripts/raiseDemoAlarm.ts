import { parseArgs } from 'node:util';
import mqtt from 'mqtt';

// `npm run demo:alarm`: the "try it" of the README without mosquitto-clients.
// Publishes one well-cover tilt alarm as the demo device (QoS 1) and prints
// the gateway's acknowledgement: the incident code, or the error.

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: `mqtt://localhost:${process.env.MQTT_PORT ?? 1883}` },
    device: { type: 'string', default: 'demo-cover-001' },
    token: { type: 'string', default: 'demo' },
    severity: { type: 'string', default: 'major' },
    'message-id': { type: 'string', default: `try-${Date.now()}` },
  },
});
const device = values.device;
const messageId = values['message-id'];
const alarm = { messageId, alarmType: 'tilt', severity: values.severity, value: 35, unit: 'deg' };

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const client = mqtt.connect(values.url, { username: device, password: values.token, clientId: `${device}-try-${process.pid}`, reconnectPeriod: 0, connectTimeout: 5_000 });
const timer = setTimeout(() => fail(`no acknowledgement on devices/${device}/ack within 10 s (is OneGrid running?)`), 10_000);
client.on('error', (err) => fail(`MQTT ${values.url}: ${err.message}`));
client.on('message', (_topic, payload) => {
  let ack: { messageId?: string; ok?: boolean; incidentCode?: string; trackingCode?: string; duplicate?: boolean; error?: { code: string; message: string } };
  try {
    ack = JSON.parse(payload.toString('utf8'));
  } catch {
    return;
  }
  if (ack.messageId !== messageId) return;
  clearTimeout(timer);
  if (ack.ok) console.log(`incident ${ack.incidentCode} (tracking code ${ack.trackingCode})${ack.duplicate ? ', a repeat of an earlier message' : ''}: look for it on the command map`);
  else console.error(`refused: ${ack.error?.code}: ${ack.error?.message}`);
  client.end(false, {}, () => process.exit(ack.ok ? 0 : 1));
});
client.on('connect', async () => {
  await client.subscribeAsync(`devices/${device}/ack`, { qos: 1 });
  console.log(`devices/${device}/alarm ← ${JSON.stringify(alarm)}`);
  await client.publishAsync(`devices/${device}/alarm`, JSON.stringify(alarm), { qos: 1 });
});
