import { DeviceStatusPayload, type DeviceStatusBody } from '@onegrid/backend/contracts';
import type { Handler } from './handler.js';
import { answerFrom, authorizeSender, parseJsonObject, validateWith } from './steps.js';

// A device's health on `devices/{id}/status`: retained, last will `offline`. The schema, DeviceStatusPayload, is the wire contract in backend/src/contracts/mqtt.ts.

// Firmware (and a last will) usually publishes the bare word; the JSON form
// may add a timestamp. Both are accepted.
function asJson(payload: Buffer): Buffer {
  const text = payload.toString('utf8').trim();
  return text === 'online' || text === 'offline' ? Buffer.from(JSON.stringify({ status: text })) : payload;
}

/** Forwards a device's online/offline state to `POST /api/ingest/device-status`; no reply unless rejected. */
export const deviceStatusHandler: Handler = {
  subscription: 'devices/+/status',
  owner: 'devices',
  channel: 'status',
  async handle(message, { backend, nowIso }) {
    const body = parseJsonObject(asJson(message.payload));
    if ('outcome' in body) return body.outcome;

    const deviceId = authorizeSender(body.value, 'deviceId', message.id);
    if ('outcome' in deviceId) return deviceId.outcome;

    const state = validateWith(DeviceStatusPayload, body.value);
    if ('outcome' in state) return state.outcome;

    const { status, at = nowIso() } = state.value;
    const res = await backend.post('/api/ingest/device-status', { deviceId: deviceId.value, status, at } satisfies DeviceStatusBody);

    return answerFrom(res, null, () => undefined);
  },
};
