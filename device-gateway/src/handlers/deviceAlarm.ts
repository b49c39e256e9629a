import { AlarmPayload, type DeviceAlarmBody } from '@onegrid/backend/contracts';
import type { Handler } from './handler.js';
import { answerFrom, authorizeSender, incidentReply, parseJsonObject, validateWith } from './steps.js';

// A sensor alarm on `devices/{id}/alarm` (docs/contracts.md). Unknown extra keys are ignored. The schema, AlarmPayload, is the wire contract in backend/src/contracts/mqtt.ts.

/** Forwards a device alarm to `POST /api/ingest/device-alarms` and answers with the incident's code. */
export const deviceAlarmHandler: Handler = {
  subscription: 'devices/+/alarm',
  owner: 'devices',
  channel: 'alarm',
  async handle(message, { backend }) {
    const body = parseJsonObject(message.payload);
    if ('outcome' in body) return body.outcome;

    const deviceId = authorizeSender(body.value, 'deviceId', message.id);
    if ('outcome' in deviceId) return deviceId.outcome;

    const alarm = validateWith(AlarmPayload, body.value);
    if ('outcome' in alarm) return alarm.outcome;

    const res = await backend.post('/api/ingest/device-alarms', { deviceId: deviceId.value, ...alarm.value } satisfies DeviceAlarmBody);

    return answerFrom(res, alarm.value.messageId, (answer) => incidentReply(alarm.value.messageId, answer));
  },
};
