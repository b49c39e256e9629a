import { WorkerReportPayload, type WorkerReportBody } from '@onegrid/backend/contracts';
import type { Handler } from './handler.js';
import { answerFrom, authorizeSender, incidentReply, parseJsonObject, validateWith } from './steps.js';

// A grid worker's field report (上报) on `workers/{username}/reports`. The schema, WorkerReportPayload, is the wire contract in backend/src/contracts/mqtt.ts.

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

    const res = await backend.post('/api/ingest/worker-reports', { username: username.value, ...report.value } satisfies WorkerReportBody);

    return answerFrom(res, report.value.messageId, (answer) => incidentReply(report.value.messageId, answer));
  },
};
