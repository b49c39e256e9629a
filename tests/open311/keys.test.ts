import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashApiKey, runKeysCommand } from '@onegrid/backend/open311';
import { CAT_RUBBISH, pointIn } from '../support/fixtures.js';
import { postForm, startOpen311Backend } from './support.js';

let env: Awaited<ReturnType<typeof startOpen311Backend>>;
beforeAll(async () => {
  env = await startOpen311Backend();
});
afterAll(() => env.backend.stop());

const models = () => env.backend.deps.models;
const at = (east: number) => ({ lat: String(pointIn('B2', east).lat), long: String(pointIn('B2', east).lng) });

describe('npm run open311:keys (the command module behind the CLI)', () => {
  it('creates a client: prints the key once, stores only its hash, and the key files requests', async () => {
    const outcome = await runKeysCommand(models(), ['create', 'fixmystreet', '--rate', '50'], new Date());
    expect(outcome.code).toBe(0);
    const key = /api_key: (og311_[\w-]+)/.exec(outcome.out.join('\n'))?.[1];
    expect(key).toBeDefined();
    const stored = await models().Open311Client.findOne({ name: 'fixmystreet' }).lean();
    expect(stored).toMatchObject({ keyHash: hashApiKey(key!), keyHint: key!.slice(-4), postsPerHour: 50 });
    expect(JSON.stringify(stored)).not.toContain(key!);

    const res = await postForm(`${env.base}/requests.json`, { api_key: key!, service_code: CAT_RUBBISH, ...at(0) });
    expect(res.status).toBe(201);
    expect((await models().Incident.findOne({ code: JSON.parse(res.text)[0].service_request_id }).lean())?.idempotencyKey).toMatch(/^open311:fixmystreet:/);
  });

  it('refuses a second client of the same name and a bad name', async () => {
    expect(await runKeysCommand(models(), ['create', 'fixmystreet'], new Date())).toMatchObject({ code: 1, err: ['open311:keys: an Open311 client named fixmystreet exists already'] });
    expect((await runKeysCommand(models(), ['create', 'Bad Name!'], new Date())).code).toBe(1);
  });

  it('lists clients with the last characters of their key, never the key', async () => {
    const outcome = await runKeysCommand(models(), ['list'], new Date());
    expect(outcome.code).toBe(0);
    const line = outcome.out.find((l) => l.startsWith('fixmystreet'));
    expect(line).toMatch(/^fixmystreet\s+…\S{4}\s+active\s+50\/h\s+last used /);
    expect(outcome.out.some((l) => l.startsWith('testapp'))).toBe(true);
  });

  it('revokes a client: its key gets 403 from then on, other clients still file', async () => {
    const created = await runKeysCommand(models(), ['create', 'cityapp'], new Date());
    const key = /api_key: (\S+)/.exec(created.out.join('\n'))![1];
    expect((await postForm(`${env.base}/requests.json`, { api_key: key, service_code: CAT_RUBBISH, ...at(-40) })).status).toBe(201);

    const revoked = await runKeysCommand(models(), ['revoke', 'cityapp'], new Date('2026-12-03T09:00:00Z'));
    expect(revoked).toMatchObject({ code: 0, out: ['Open311 client cityapp: key revoked at 2026-12-03T09:00:00.000Z.'] });
    const refused = await postForm(`${env.base}/requests.json`, { api_key: key, service_code: CAT_RUBBISH, ...at(40) });
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.text)).toEqual([{ code: 403, description: 'api_key has been revoked' }]);
    const refusedXml = await postForm(`${env.base}/requests.xml`, { api_key: key, service_code: CAT_RUBBISH, ...at(40) });
    expect(refusedXml.status).toBe(403);
    expect(refusedXml.text).toContain('<errors><error><code>403</code><description>api_key has been revoked</description></error></errors>');
    expect((await postForm(`${env.base}/requests.json`, { api_key: env.key, service_code: CAT_RUBBISH, ...at(40) })).status).toBe(201);

    expect((await runKeysCommand(models(), ['list'], new Date())).out.find((l) => l.startsWith('cityapp'))).toContain('revoked 2026-12-03T09:00:00.000Z');
    // Revoking again keeps the first time.
    expect((await runKeysCommand(models(), ['revoke', 'cityapp'], new Date())).out[0]).toContain('2026-12-03T09:00:00.000Z');
  });

  it('answers usage errors with exit code 2 and unknown clients with 1', async () => {
    expect((await runKeysCommand(models(), [], new Date())).code).toBe(2);
    expect((await runKeysCommand(models(), ['rotate', 'x'], new Date())).code).toBe(2);
    expect((await runKeysCommand(models(), ['create'], new Date())).code).toBe(2);
    expect((await runKeysCommand(models(), ['create', 'x', '--rate', 'fast'], new Date())).code).toBe(2);
    expect(await runKeysCommand(models(), ['revoke', 'nobody'], new Date())).toMatchObject({ code: 1, err: ['open311:keys: Open311 client nobody not found'] });
  });
});
