import { WorkerLocationPayload, type WorkerLocationBody } from '@onegrid/backend/contracts';
import type { Handler } from './handler.js';
import { answerFrom, authorizeSender, parseJsonObject, validateWith } from './steps.js';

// A grid worker's position on `workers/{username}/location` (usually QoS 0, every few seconds). The schema, WorkerLocationPayload, is the wire contract in backend/src/contracts/mqtt.ts.

/** Forwards a worker's position to `POST /api/ingest/worker-locations`; positions get no reply unless they are rejected. */
export const workerLocationHandler: Handler = {
  subscription: 'workers/+/location',
  owner: 'workers',
  channel: 'location',
  async handle(message, { backend, nowIso }) {
    const body = parseJsonObject(message.payload);
    if ('outcome' in body) return body.outcome;

    const username = authorizeSender(body.value, 'username', message.id);
    if ('outcome' in username) return username.outcome;

    const position = validateWith(WorkerLocationPayload, body.value);
    if ('outcome' in position) return position.outcome;

    const { lng, lat, at = nowIso() } = position.value;
    const res = await backend.post('/api/ingest/worker-locations', { username: username.value, lng, lat, at } satisfies WorkerLocationBody);

    return answerFrom(res, null, () => undefined);
  },
};
