import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackendClient } from './backendClient.js';
import { startFakeBackend, type FakeBackend } from './testSupport/fakeBackend.js';

let backend: FakeBackend;
beforeAll(async () => {
  backend = await startFakeBackend();
});
afterAll(async () => backend.stop());

describe('createBackendClient', () => {
  it('sends the service token and sorts 2xx as ok', async () => {
    const client = createBackendClient({ baseUrl: `${backend.url}/`, serviceToken: backend.serviceToken, timeoutMs: 1000 });
    expect(await client.post('/api/ingest/device-alarms', { deviceId: 'dev-1', messageId: 'm1' })).toMatchObject({ kind: 'ok', status: 201, body: { code: 'INC-1' } });
  });

  it('sorts a 4xx about the message as rejected, with the backend error code', async () => {
    const client = createBackendClient({ baseUrl: backend.url, serviceToken: backend.serviceToken, timeoutMs: 1000 });
    expect(await client.post('/api/ingest/device-alarms', { deviceId: 'ghost', messageId: 'm1' })).toEqual({
      kind: 'rejected',
      status: 404,
      error: { code: 'not_found', message: 'device ghost not found' },
    });
  });

  it('sorts 5xx, 429, a wrong service token and a refused connection as unavailable (retry later)', async () => {
    const client = createBackendClient({ baseUrl: backend.url, serviceToken: backend.serviceToken, timeoutMs: 1000 });
    for (const status of [500, 503, 429]) {
      backend.intercept = () => status;
      expect(await client.post('/api/ingest/device-alarms', {})).toMatchObject({ kind: 'unavailable', status });
    }
    backend.intercept = undefined;
    const wrongToken = createBackendClient({ baseUrl: backend.url, serviceToken: 'wrong', timeoutMs: 1000 });
    expect(await wrongToken.post('/api/ingest/device-alarms', {})).toMatchObject({ kind: 'unavailable', status: 401 });
    const gone = await startFakeBackend();
    await gone.stop();
    const nobody = createBackendClient({ baseUrl: gone.url, serviceToken: 'x', timeoutMs: 1000 });
    expect(await nobody.post('/api/ingest/device-alarms', {})).toMatchObject({ kind: 'unavailable', reason: 'ECONNREFUSED' });
  });

  it('sorts a timeout as unavailable', async () => {
    backend.intercept = () => new Promise((resolve) => setTimeout(() => resolve(undefined), 500));
    const client = createBackendClient({ baseUrl: backend.url, serviceToken: backend.serviceToken, timeoutMs: 50 });
    expect(await client.post('/api/ingest/device-status', {})).toMatchObject({ kind: 'unavailable', reason: 'TimeoutError' });
    backend.intercept = undefined;
  });
});
