import { describe, expect, it } from 'vitest';
import { createAuthenticator } from './authenticator.js';
import type { BackendClient, BackendResult } from './backendClient.js';

function stubBackend(answer: (path: string, body: any) => BackendResult) {
  const calls: Array<{ path: string; body: any }> = [];
  const backend: BackendClient = {
    async post(path, body) {
      calls.push({ path, body });
      return answer(path, body);
    },
  };
  return { backend, calls };
}

const devices = (path: string, body: any): BackendResult =>
  path.endsWith('device-auth') && body.token === 'good'
    ? { kind: 'ok', status: 200, body: { deviceId: body.deviceId, type: 'well-cover' } }
    : path.endsWith('worker-auth') && body.token === 'h.p.s'
      ? { kind: 'ok', status: 200, body: { userId: 'u7', username: body.username } }
      : { kind: 'unavailable', status: 401, reason: 'bad credentials' };

describe('createAuthenticator', () => {
  it('recognises the gateway by its client id, username and the service token', async () => {
    const { backend, calls } = stubBackend(devices);
    const auth = createAuthenticator({ backend, serviceToken: 'svc', gatewayClientId: 'gw', cacheMs: 0 });
    expect(await auth.authenticate('gw', 'gw', Buffer.from('svc'))).toEqual({ ok: true, identity: { kind: 'internal' } });
    expect(await auth.authenticate('gw', 'gw', Buffer.from('nope'))).toEqual({ ok: false, reason: 'bad_credentials' });
    expect(await auth.authenticate('gw', 'dev-1', Buffer.from('good'))).toEqual({ ok: false, reason: 'bad_credentials' });
    expect(calls).toHaveLength(0);
  });

  it('asks the backend about a device and caches only a success, for cacheMs', async () => {
    let now = 0;
    const { backend, calls } = stubBackend(devices);
    const auth = createAuthenticator({ backend, serviceToken: 'svc', gatewayClientId: 'gw', cacheMs: 1000, now: () => now });
    expect(await auth.authenticate('c1', 'dev-1', Buffer.from('good'))).toMatchObject({ ok: true, identity: { kind: 'device', id: 'dev-1', deviceType: 'well-cover' } });
    await auth.authenticate('c1', 'dev-1', Buffer.from('good'));
    expect(calls).toHaveLength(1);
    await auth.authenticate('c1', 'dev-1', Buffer.from('bad'));
    await auth.authenticate('c1', 'dev-1', Buffer.from('bad'));
    expect(calls).toHaveLength(3);
    now = 1001;
    await auth.authenticate('c1', 'dev-1', Buffer.from('good'));
    expect(calls).toHaveLength(4);
  });

  it('treats a JWT-shaped password as a worker token and falls back to the device check', async () => {
    const { backend, calls } = stubBackend(devices);
    const auth = createAuthenticator({ backend, serviceToken: 'svc', gatewayClientId: 'gw', cacheMs: 0 });
    expect(await auth.authenticate('c', 'worker-01', Buffer.from('h.p.s'))).toEqual({ ok: true, identity: { kind: 'worker', id: 'worker-01', userId: 'u7' } });
    expect(await auth.authenticate('c', 'dev-1', Buffer.from('x.y.z'))).toEqual({ ok: false, reason: 'bad_credentials' });
    expect(calls.map((c) => c.path)).toEqual(['/api/ingest/worker-auth', '/api/ingest/worker-auth', '/api/ingest/device-auth']);
  });

  it('says unavailable (not bad credentials) when the backend cannot answer, and refuses malformed usernames without asking', async () => {
    const { backend, calls } = stubBackend(() => ({ kind: 'unavailable', status: 503, reason: 'down' }));
    const auth = createAuthenticator({ backend, serviceToken: 'svc', gatewayClientId: 'gw', cacheMs: 0 });
    expect(await auth.authenticate('c', 'dev-1', Buffer.from('good'))).toEqual({ ok: false, reason: 'unavailable' });
    expect(await auth.authenticate('c', '../etc', Buffer.from('good'))).toEqual({ ok: false, reason: 'bad_credentials' });
    expect(await auth.authenticate('c', 'dev-1', undefined)).toEqual({ ok: false, reason: 'bad_credentials' });
    expect(calls).toHaveLength(1);
  });
});
