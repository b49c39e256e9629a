import { z } from 'zod';
import type { Handler } from './handler.js';
import { answerFrom, authorizeSender, incidentReply, parseJsonObject, validateWith } from './steps.js';

/** A sensor alarm on `devices/{id}/alarm` (docs/contracts.md). Unknown extra keys are ignored. */
export const AlarmPayload = z.object({
  messageId: z.string().min(1).max(128),
  alarmType: z.string().min(1).max(64).optional(),
  severity: z.enum(['critical', 'major', 'minor', 'warning']).optional(),
  value: z.number().finite().optional(),
  unit: z.string().max(16).optional(),
  lng: z.number().min(-180).max(180).optional(),
  lat: z.number().min(-90).max(90).optional(),
  at: z.iso.datetime({ offset: true }).optional(),
  detail: z.record(z.string(), z.unknown()).optional(),
});

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

    const res = await backend.post('/api/ingest/device-alarms', { deviceId: deviceId.value, ...alarm.value });

    return answerFrom(res, alarm.value.messageId, (answer) => incidentReply(alarm.value.messageId, answer));
  },
};
