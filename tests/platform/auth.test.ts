import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestBackend } from '../support/platform.js';

describe('accounts, roles and the error shape', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  beforeAll(async () => {
    backend = await startTestBackend({ env: { LOGIN_MAX_FAILURES: '3' } });
  });
  afterAll(async () => backend?.stop());

  it('logs in with the right password and returns a token and the principal', async () => {
    const res = await request(backend.url).post('/api/auth/login').send({ username: 'dept-sz', password: 'onegrid' });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ username: 'dept-sz', role: 'department', departmentCode: 'SZ' });
    const me = await request(backend.url).get('/api/auth/me').set('authorization', `Bearer ${res.body.token}`);
    expect(me.body.user.username).toBe('dept-sz');
  });

  it('refuses a wrong password with 401 invalid_credentials and the standard error shape', async () => {
    const res = await request(backend.url).post('/api/auth/login').send({ username: 'commander', password: 'nope' });
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ code: 'invalid_credentials', message: expect.any(String) });
    expect(res.headers['x-request-id']).toMatch(/\S+/);
  });

  it('rate-limits repeated failures with 429 and Retry-After, even for the right password', async () => {
    for (let i = 0; i < 3; i++) await request(backend.url).post('/api/auth/login').send({ username: 'supervisor', password: 'bad' });
    const res = await request(backend.url).post('/api/auth/login').send({ username: 'supervisor', password: 'onegrid' });
    expect(res.status).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('answers 400 for malformed JSON and for a body that does not fit the schema', async () => {
    const bad = await request(backend.url).post('/api/auth/login').set('content-type', 'application/json').send('{oops');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('bad_request');
    const invalid = await request(backend.url).post('/api/auth/login').send({ username: '' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('invalid_body');
  });

  it('guards routes: 401 without a token, 403 for the wrong role, 200 for the right one', async () => {
    expect((await request(backend.url).get('/api/incidents')).status).toBe(401);
    expect((await request(backend.url).get('/api/incidents').set('authorization', 'Bearer forged.token.here')).status).toBe(401);
    const worker = await login(backend.url, 'worker-a');
    const ingest = await request(backend.url).post('/api/ingest/device-status').set('authorization', `Bearer ${worker}`).send({});
    expect(ingest.status).toBe(403);
    const commander = await login(backend.url, 'commander');
    expect((await request(backend.url).get('/api/incidents').set('authorization', `Bearer ${commander}`)).status).toBe(200);
  });

  it('reports liveness and readiness, and unknown API paths as JSON 404', async () => {
    expect((await request(backend.url).get('/healthz')).body).toEqual({ ok: true });
    expect((await request(backend.url).get('/readyz')).body).toMatchObject({ ok: true, store: true, bus: true });
    const missing = await request(backend.url).get('/api/no-such-thing');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
  });

  it('checks device credentials for the gateway and refuses a wrong token', async () => {
    const svc = `Bearer ${backend.secrets.SERVICE_TOKEN}`;
    const ok = await request(backend.url).post('/api/ingest/device-auth').set('authorization', svc).send({ deviceId: 'cover-a1', token: 'tok-a1' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ deviceId: 'cover-a1', type: 'well-cover' });
    const bad = await request(backend.url).post('/api/ingest/device-auth').set('authorization', svc).send({ deviceId: 'cover-a1', token: 'wrong' });
    expect(bad.status).toBe(401);
  });
});
