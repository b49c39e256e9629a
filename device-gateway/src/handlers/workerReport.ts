import { z } from 'zod';
import type { Handler } from './handler.js';
import { answerFrom, authorizeSender, incidentReply, parseJsonObject, validateWith } from './steps.js';

/** A grid worker's field report (上报) on `workers/{username}/reports`. */
export const WorkerReportPayload = z.object({
  messageId: z.string().min(1).max(128),
  categoryCode: z.string().regex(/^\d{2,10}$/),
  lng: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  description: z.string().min(1).max(2000),
  photos: z.array(z.string().min(1).max(2048)).max(9).optional(),
});

/** Forwards a worker's report to `POST /api/ingest/worker-reports` and answers with the incident's code. */
export const workerReportHandler: Handler = {
  subscription: 'workers/+/reports',
  owner: 'workers',
  channel: 'reports',
  async handle(message, { backend }) {
    const body = parseJsonObject(message.payload);
    if ('outcome' in body) return body.outcome;

    const username = authorizeSender(body.value, 'username', message.id);
    if ('outcome' in username) return username.outcome;

    const report = validateWith(WorkerReportPayload, body.value);
    if ('outcome' in report) return report.outcome;

    const res = await backend.post('/api/ingest/worker-reports', { username: username.value, ...report.value });

    return answerFrom(res, report.value.messageId, (answer) => incidentReply(report.value.messageId, answer));
  },
};
