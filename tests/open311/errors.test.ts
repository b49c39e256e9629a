import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAT_DUST, CAT_RUBBISH, pointIn } from '../support/fixtures.js';
import { get, items, parseXml, postForm, startOpen311Backend } from './support.js';

let env: Awaited<ReturnType<typeof startOpen311Backend>>;
beforeAll(async () => {
  env = await startOpen311Backend();
});
afterAll(() => env.backend.stop());

const here = () => ({ lat: String(pointIn('A1').lat), long: String(pointIn('A1').lng) });
type SpecErrors = { code: number; description: string }[];

/** POSTs in JSON and in XML and checks both answer `status` with the spec error list; returns the JSON list. */
async function postBoth(fields: Record<string, string | string[] | undefined>, status: number): Promise<SpecErrors> {
  const res = await postForm(`${env.base}/requests.json`, fields);
  expect(res.status, res.text).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  const list = JSON.parse(res.text) as SpecErrors;
  expect(list.length).toBeGreaterThan(0);
  for (const e of list) expect(e).toEqual({ code: status, description: expect.any(String) });
  const xml = await postForm(`${env.base}/requests.xml`, fields);
  expect(xml.status).toBe(status);
  expect(xml.headers.get('content-type')).toBe('text/xml; charset=utf-8');
  const errors = items<{ code: string; description: string }>((parseXml(xml.text) as { errors: { error: unknown } }).errors.error);
  expect(errors.map((e) => ({ code: Number(e.code), description: e.description }))).toEqual(list);
  return list;
}

async function getBoth(path: string, status: number): Promise<SpecErrors> {
  const res = await get(`${env.base}${path.replace('{fmt}', 'json')}`);
  expect(res.status, res.text).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  const list = JSON.parse(res.text) as SpecErrors;
  const xml = await get(`${env.base}${path.replace('{fmt}', 'xml')}`);
  expect(xml.status).toBe(status);
  expect(xml.headers.get('content-type')).toBe('text/xml; charset=utf-8');
  const errors = items<{ code: string; description: string }>((parseXml(xml.text) as { errors: { error: unknown } }).errors.error);
  expect(errors.map((e) => ({ code: Number(e.code), description: e.description }))).toEqual(list);
  return list;
}

const descriptions = (list: SpecErrors) => list.map((e) => e.description);

describe('POST requests: API key errors (403)', () => {
  it('refuses a request without api_key', async () => {
    expect(descriptions(await postBoth({ service_code: CAT_RUBBISH, ...here() }, 403))).toEqual(['api_key is required to submit a service request']);
  });

  it('refuses an unknown api_key', async () => {
    expect(descriptions(await postBoth({ api_key: 'og311_not-a-real-key', service_code: CAT_RUBBISH, ...here() }, 403))).toEqual(['api_key is not valid']);
  });
});

describe('POST requests: parameter errors (400) and unknown things (404)', () => {
  const key = () => env.key;

  it('needs service_code', async () => {
    expect(descriptions(await postBoth({ api_key: key(), ...here() }, 400))).toEqual(['service_code is required']);
  });

  it('answers 404 for an unknown service_code or one not open to the public', async () => {
    expect(descriptions(await postBoth({ api_key: key(), service_code: '99999', ...here() }, 404))).toEqual(['service_code 99999 not found']);
    expect(descriptions(await postBoth({ api_key: key(), service_code: '06', ...here() }, 404))).toEqual(['service_code 06 not found']);
  });

  it('answers 404 for a jurisdiction_id that is not this deployment’s', async () => {
    expect(descriptions(await postBoth({ api_key: key(), jurisdiction_id: 'elsewhere.gov', service_code: CAT_RUBBISH, ...here() }, 404))[0]).toMatch(/^jurisdiction_id elsewhere.gov not found/);
  });

  it('needs a location: lat and long together, or an address_string of the district; address_id is not supported', async () => {
    expect(descriptions(await postBoth({ api_key: key(), service_code: CAT_RUBBISH }, 400))).toEqual(['a location is required: lat and long, or address_string']);
    expect(descriptions(await postBoth({ api_key: key(), service_code: CAT_RUBBISH, lat: here().lat }, 400))).toEqual(['lat and long must be sent together']);
    expect(descriptions(await postBoth({ api_key: key(), service_code: CAT_RUBBISH, lat: 'north', long: '116.4' }, 400))).toEqual(['lat must be a decimal WGS84 latitude']);
    expect(descriptions(await postBoth({ api_key: key(), service_code: CAT_RUBBISH, lat: '91', long: '116.4' }, 400))).toEqual(['lat must be within ±90 and long within ±180 (WGS84)']);
    expect(descriptions(await postBoth({ api_key: key(), service_code: CAT_RUBBISH, lat: '31.2304', long: '121.4737' }, 400))[0]).toMatch(/outside the area this jurisdiction serves/);
    expect(descriptions(await postBoth({ api_key: key(), service_code: CAT_RUBBISH, address_id: '12345' }, 400))).toEqual(['address_id is not supported by this server; send lat and long, or address_string']);
    expect(descriptions(await postBoth({ api_key: key(), service_code: CAT_RUBBISH, address_string: '人民路 1 号' }, 400))[0]).toMatch(/names no community or road of this jurisdiction/);
  });

  it('checks the answers to the service questions: required ones, list keys, numbers', async () => {
    expect(descriptions(await postBoth({ api_key: key(), service_code: CAT_DUST, ...here() }, 400))).toEqual(['attribute[dust_level] is required']);
    expect(descriptions(await postBoth({ api_key: key(), service_code: CAT_DUST, ...here(), 'attribute[dust_level]': 'extreme', 'attribute[trucks]': 'many', 'attribute[causes][]': ['uncovered', 'rain'] }, 400))).toEqual([
      'attribute[dust_level]: extreme is not one of light, heavy',
      'attribute[trucks] must be a number',
      'attribute[causes]: rain is not one of uncovered, no_spray',
    ]);
    expect(descriptions(await postBoth({ api_key: key(), service_code: CAT_DUST, ...here(), attribute: 'heavy' }, 400))).toEqual(['attribute must be sent as attribute[code]=value']);
  });

  it('lists every problem of the fields at once', async () => {
    const list = await postBoth({ api_key: key(), service_code: CAT_RUBBISH, ...here(), email: 'not-an-email', phone: 'call me', media_url: 'ftp://files.example.org/a.jpg', description: 'x'.repeat(4001) }, 400);
    expect(descriptions(list).sort()).toEqual(['description is longer than 4000 characters', 'email is not an e-mail address', 'media_url must be an http or https URL', 'phone is not a phone number']);
  });

  it('refuses a parameter sent twice rather than picking one', async () => {
    expect(descriptions(await postBoth({ api_key: key(), service_code: [CAT_RUBBISH, CAT_DUST], ...here() }, 400))).toEqual(['service_code must be given once, as text']);
  });

  it('needs a form-encoded body', async () => {
    const res = await fetch(`${env.base}/requests.json`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ api_key: key(), service_code: CAT_RUBBISH, ...here() }) });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual([{ code: 400, description: 'the body of POST requests must be application/x-www-form-urlencoded' }]);
  });

  it('refuses a malformed Idempotency-Key header', async () => {
    const res = await postForm(`${env.base}/requests.json`, { api_key: key(), service_code: CAT_RUBBISH, ...here() }, { 'Idempotency-Key': 'x' });
    expect(res.status).toBe(400);
  });

  it('writes nothing when it refuses', async () => {
    expect(await env.backend.deps.models.Incident.countDocuments({})).toBe(0);
  });
});

describe('GET errors', () => {
  it('answers 404 for an unknown service definition, request id or token', async () => {
    expect(descriptions(await getBoth('/services/99999.{fmt}', 404))).toEqual(['service_code 99999 not found']);
    expect(descriptions(await getBoth('/requests/20260101-000001.{fmt}', 404))).toEqual(['service_request_id 20260101-000001 not found']);
    expect(descriptions(await getBoth('/requests/not-a-case.{fmt}', 404))).toEqual(['service_request_id not-a-case not found']);
    expect(descriptions(await getBoth('/tokens/ZZZZZZZZ.{fmt}', 404))).toEqual(['token ZZZZZZZZ not found']);
  });

  it('answers 404 for an unknown jurisdiction_id on every endpoint, and accepts the configured one', async () => {
    for (const path of ['/discovery.{fmt}', '/services.{fmt}', `/services/${CAT_DUST}.{fmt}`, '/requests.{fmt}', '/requests/20260101-000001.{fmt}', '/tokens/ABCDEFGH.{fmt}']) {
      const list = await getBoth(`${path}?jurisdiction_id=other`, 404);
      expect(descriptions(list)[0], path).toMatch(/^jurisdiction_id other not found/);
    }
    expect((await get(`${env.base}/services.json?jurisdiction_id=110101`)).status).toBe(200);
  });

  it('answers 400 for bad request-list parameters, listing each', async () => {
    expect(descriptions(await getBoth('/requests.{fmt}?start_date=yesterday', 400))).toEqual(['start_date must be a W3C datetime, e.g. 2026-11-23T08:00:00+08:00']);
    expect(descriptions(await getBoth('/requests.{fmt}?status=pending', 400))).toEqual(['status must be open, closed or open,closed (got pending)']);
    expect(descriptions(await getBoth('/requests.{fmt}?start_date=2026-01-01&end_date=2026-06-01', 400))).toEqual(['start_date to end_date may span at most 90 days']);
    expect(descriptions(await getBoth('/requests.{fmt}?start_date=2026-06-01&end_date=2026-01-01', 400))).toEqual(['start_date must not be after end_date']);
    expect(descriptions(await getBoth('/requests.{fmt}?page_size=5000&bbox=1,2,3&extensions=yes', 400))).toEqual([
      'page_size must be a whole number from 1 to 1000',
      'extensions must be true or false',
      'bbox must be minLong,minLat,maxLong,maxLat',
    ]);
  });
});

describe('rate limit per client application', () => {
  it('answers 429 in the spec shape with Retry-After once a client used its hourly allowance', async () => {
    const { createClient } = await import('@onegrid/backend/open311');
    const { key } = await createClient(env.backend.deps.models, 'tinyapp', 2);
    const fields = { api_key: key, service_code: CAT_RUBBISH, address_id: 'x' };
    expect((await postForm(`${env.base}/requests.json`, fields)).status).toBe(400);
    expect((await postForm(`${env.base}/requests.json`, fields)).status).toBe(400);
    const third = await postForm(`${env.base}/requests.xml`, fields);
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(parseXml(third.text)).toMatchObject({ errors: { error: { code: '429', description: 'this api_key may submit 2 service requests per hour; try again later' } } });
    // Another client is not affected.
    expect((await postForm(`${env.base}/requests.json`, { ...fields, api_key: env.key })).status).toBe(400);
  });
});
