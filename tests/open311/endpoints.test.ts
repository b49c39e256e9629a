import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAT_COVER, CAT_DUST, CAT_RUBBISH, pointIn } from '../support/fixtures.js';
import { get, items, parseXml, postForm, SPA_MARKER, startOpen311Backend } from './support.js';

let env: Awaited<ReturnType<typeof startOpen311Backend>>;
const filed: Record<string, string> = {};

const JSON_TYPE = 'application/json; charset=utf-8';
const XML_TYPE = 'text/xml; charset=utf-8';

async function file(name: string, fields: Record<string, string | string[]>) {
  const res = await postForm(`${env.base}/requests.json`, { api_key: env.key, ...fields });
  if (res.status !== 201) throw new Error(`${name}: ${res.status} ${res.text}`);
  filed[name] = JSON.parse(res.text)[0].service_request_id;
}

beforeAll(async () => {
  env = await startOpen311Backend();
  const at = (cell: 'A1' | 'A2' | 'B1' | 'B2') => ({ lat: String(pointIn(cell).lat), long: String(pointIn(cell).lng) });
  await file('rubbish', { service_code: CAT_RUBBISH, ...at('A1'), description: 'rubbish A1' });
  await file('cover', { service_code: CAT_COVER, ...at('B2'), description: 'cover B2' });
  await file('dust', { service_code: CAT_DUST, ...at('A2'), 'attribute[dust_level]': 'light' });
  // One case closed by the command center (rejected): open/closed filters and the closed status.
  await file('rejected', { service_code: CAT_RUBBISH, ...at('B1'), description: 'not ours' });
  const { models } = env.backend.deps;
  await models.Incident.updateOne({ code: filed.rejected }, { $set: { status: 'rejected', open: false } });
});
afterAll(() => env.backend.stop());

const json = async (path: string, headers: Record<string, string> = {}) => {
  const res = await get(`${env.base}${path}`, headers);
  return { ...res, body: JSON.parse(res.text) as unknown };
};

describe('discovery', () => {
  it('describes one GeoReport v2 endpoint in JSON and XML, test type in demo mode, with both formats', async () => {
    const res = await json('/discovery.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(JSON_TYPE);
    expect(res.body).toMatchObject({
      changeset: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/),
      contact: expect.any(String),
      key_service: expect.stringContaining('open311:keys'),
      endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url: `${env.backend.url}/open311/v2`, type: 'test', formats: ['text/xml', 'application/json'] }],
    });
    const xml = await get(`${env.base}/discovery.xml`);
    expect(xml.headers.get('content-type')).toBe(XML_TYPE);
    const doc = parseXml(xml.text) as { discovery: { endpoints: { endpoint: { formats: { format: string[] }; url: string } } } };
    expect(doc.discovery.endpoints.endpoint.formats.format).toEqual(['text/xml', 'application/json']);
    expect(doc.discovery.endpoints.endpoint.url).toBe(`${env.backend.url}/open311/v2`);
  });
});

describe('services', () => {
  it('lists the categories open to the public as realtime services, metadata true only where they ask questions', async () => {
    const res = await json('/services.json');
    expect(res.headers.get('content-type')).toBe(JSON_TYPE);
    const list = res.body as Record<string, unknown>[];
    expect(list.map((s) => s.service_code)).toEqual([CAT_COVER, CAT_RUBBISH, CAT_DUST]);
    expect(list.find((s) => s.service_code === CAT_RUBBISH)).toEqual({
      service_code: CAT_RUBBISH,
      service_name: '暴露垃圾',
      description: '市容环境类 · 暴露垃圾',
      metadata: false,
      type: 'realtime',
      keywords: '暴露垃圾, Exposed rubbish, 06010',
      group: '市容环境类',
    });
    expect(list.find((s) => s.service_code === CAT_DUST)).toMatchObject({ metadata: true });
  });

  it('names services in English when the client prefers English (Accept-Language)', async () => {
    const list = (await json('/services.json', { 'accept-language': 'en-GB,en;q=0.9' })).body as Record<string, unknown>[];
    expect(list.find((s) => s.service_code === CAT_RUBBISH)).toMatchObject({ service_name: 'Exposed rubbish', group: 'City appearance' });
  });

  it('lists the same services in XML', async () => {
    const xml = await get(`${env.base}/services.xml`);
    expect(xml.headers.get('content-type')).toBe(XML_TYPE);
    const services = items<Record<string, string>>((parseXml(xml.text) as { services: { service: unknown } }).services.service);
    expect(services.map((s) => s.service_code)).toEqual([CAT_COVER, CAT_RUBBISH, CAT_DUST]);
    expect(services.find((s) => s.service_code === CAT_DUST)?.metadata).toBe('true');
  });

  it('defines a service that asks questions: attributes by order with their values; informational lines are not variable', async () => {
    const def = (await json(`/services/${CAT_DUST}.json`, { 'accept-language': 'en' })).body as { service_code: string; attributes: Record<string, unknown>[] };
    expect(def.service_code).toBe(CAT_DUST);
    expect(def.attributes.map((a) => a.code)).toEqual(['note', 'dust_level', 'trucks', 'causes']);
    expect(def.attributes[0]).toMatchObject({ variable: false, datatype: 'string', required: false, order: 1 });
    expect(def.attributes[1]).toEqual({
      variable: true,
      code: 'dust_level',
      datatype: 'singlevaluelist',
      required: true,
      datatype_description: null,
      order: 2,
      description: 'How much dust?',
      values: [
        { key: 'light', name: 'Light' },
        { key: 'heavy', name: 'Heavy' },
      ],
    });
    expect(def.attributes[2]).toMatchObject({ datatype: 'number', datatype_description: 'count' });
    expect(def.attributes[2]).not.toHaveProperty('values');

    const xml = parseXml((await get(`${env.base}/services/${CAT_DUST}.xml`)).text) as { service_definition: { service_code: string; attributes: { attribute: Record<string, unknown>[] } } };
    expect(xml.service_definition.service_code).toBe(CAT_DUST);
    const level = xml.service_definition.attributes.attribute[1] as { values: { value: { key: string; name: string }[] } };
    expect(level.values.value.map((v) => v.key)).toEqual(['light', 'heavy']);
  });

  it('defines a service without questions with an empty attribute list', async () => {
    expect((await json(`/services/${CAT_RUBBISH}.json`)).body).toEqual({ service_code: CAT_RUBBISH, attributes: [] });
  });
});

describe('GET requests', () => {
  const ids = (body: unknown) => (body as { service_request_id: string }[]).map((r) => r.service_request_id);

  it('lists the last 90 days, newest first, open and closed, with the paging totals in headers', async () => {
    const res = await json('/requests.json');
    expect(res.status).toBe(200);
    expect(ids(res.body)).toEqual([filed.rejected, filed.dust, filed.cover, filed.rubbish]);
    expect(res.headers.get('x-total-count')).toBe('4');
    expect(res.headers.get('link')).toBeNull();
  });

  it('filters by status (open, closed, both) mapped from the closed loop', async () => {
    expect(ids((await json('/requests.json?status=closed')).body)).toEqual([filed.rejected]);
    expect(ids((await json('/requests.json?status=open')).body)).toEqual([filed.dust, filed.cover, filed.rubbish]);
    expect(ids((await json('/requests.json?status=open,closed')).body)).toHaveLength(4);
    const [rejected] = (await json(`/requests/${filed.rejected}.json`)).body as Record<string, unknown>[];
    expect(rejected).toMatchObject({ status: 'closed', status_notes: '不予受理' });
  });

  it('filters by service_code (comma list) and by start_date / end_date', async () => {
    expect(ids((await json(`/requests.json?service_code=${CAT_COVER},${CAT_DUST}`)).body)).toEqual([filed.dust, filed.cover]);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    expect(ids((await json(`/requests.json?start_date=${encodeURIComponent(tomorrow)}`)).body)).toEqual([]);
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    expect(ids((await json(`/requests.json?start_date=${encodeURIComponent(hourAgo)}&end_date=${encodeURIComponent(tomorrow)}`)).body)).toHaveLength(4);
    expect(ids((await json(`/requests.json?end_date=${encodeURIComponent(hourAgo)}`)).body)).toEqual([]);
  });

  it('lets service_request_id (comma list) override every other filter', async () => {
    const res = await json(`/requests.json?service_request_id=${filed.rubbish},${filed.cover}&status=closed&service_code=${CAT_DUST}&start_date=2001-01-01`);
    expect(res.status).toBe(200);
    expect(ids(res.body).sort()).toEqual([filed.rubbish, filed.cover].sort());
  });

  it('treats empty parameters as absent', async () => {
    expect(ids((await json('/requests.json?status=&service_code=&start_date=&jurisdiction_id=')).body)).toHaveLength(4);
  });

  it('pages with page and page_size (extension): total count and a next link', async () => {
    const first = await json('/requests.json?page_size=3');
    expect(ids(first.body)).toEqual([filed.rejected, filed.dust, filed.cover]);
    expect(first.headers.get('x-total-count')).toBe('4');
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.get('link') ?? '')?.[1];
    expect(next).toContain('page=2');
    const second = await fetch(next!);
    expect(ids(await second.json())).toEqual([filed.rubbish]);
  });

  it('filters by bbox and updated_after (extensions) and adds extended_attributes only when extensions=true', async () => {
    const b2 = pointIn('B2');
    const box = [b2.lng - 0.0003, b2.lat - 0.0003, b2.lng + 0.0003, b2.lat + 0.0003].join(',');
    expect(ids((await json(`/requests.json?bbox=${box}`)).body)).toEqual([filed.cover]);

    const { models } = env.backend.deps;
    const marker = new Date();
    await new Promise((r) => setTimeout(r, 20));
    await models.Incident.updateOne({ code: filed.dust }, { $set: { updatedAt: new Date() } });
    expect(ids((await json(`/requests.json?updated_after=${encodeURIComponent(marker.toISOString())}`)).body)).toEqual([filed.dust]);

    const plain = (await json(`/requests/${filed.dust}.json`)).body as Record<string, unknown>[];
    expect(plain[0]).not.toHaveProperty('extended_attributes');
    const extended = (await json(`/requests/${filed.dust}.json?extensions=true`)).body as { extended_attributes: Record<string, unknown> }[];
    expect(extended[0].extended_attributes).toMatchObject({ detailed_status: 'RECEIVED', onegrid_status: 'reported', notes: [{ type: 'incident.reported', status: 'reported' }] });
  });

  it('shows the lead department as agency_responsible and its deadline as expected_datetime once dispatched', async () => {
    const { models } = env.backend.deps;
    const due = new Date('2026-12-04T09:00:00Z');
    await models.Incident.updateOne({ code: filed.cover }, { $set: { status: 'dispatched', assignments: [{ departmentCode: 'SZ', role: 'lead', status: 'assigned', assignedAt: new Date(), dueAt: due }] } });
    const [r] = (await json(`/requests/${filed.cover}.json`)).body as Record<string, unknown>[];
    expect(r).toMatchObject({ status: 'open', agency_responsible: '市政', expected_datetime: '2026-12-04T17:00:00+08:00', status_notes: '已派遣至责任部门' });
  });

  it('reads one request and the list in XML', async () => {
    const one = await get(`${env.base}/requests/${filed.rubbish}.xml`);
    expect(one.headers.get('content-type')).toBe(XML_TYPE);
    const [r] = items<Record<string, string>>((parseXml(one.text) as { service_requests: { request: unknown } }).service_requests.request);
    expect(r).toMatchObject({ service_request_id: filed.rubbish, status: 'open', service_code: CAT_RUBBISH, description: 'rubbish A1' });
    const list = parseXml((await get(`${env.base}/requests.xml`)).text) as { service_requests: { request: unknown } };
    expect(items(list.service_requests.request)).toHaveLength(4);
  });
});

describe('tokens', () => {
  it('resolves a tracking code (the token of OneGrid channels) to its service_request_id, from the web form too', async () => {
    const complaint = await fetch(`${env.backend.url}/api/public/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messageId: 'web-form-0001', categoryCode: CAT_DUST, description: '扬尘', ...pointIn('B2', 40, 40) }),
    });
    const { trackingCode } = (await complaint.json()) as { trackingCode: string };
    const res = await json(`/tokens/${trackingCode}.json`);
    expect(res.status).toBe(200);
    const [t] = res.body as { service_request_id: string; token: string }[];
    expect(t.token).toBe(trackingCode);
    const [r] = (await json(`/requests/${t.service_request_id}.json`)).body as Record<string, unknown>[];
    expect(r.description).toBe('扬尘');

    const xml = parseXml((await get(`${env.base}/tokens/${trackingCode}.xml`)).text) as { service_requests: { request: { service_request_id: string; token: string } } };
    expect(xml.service_requests.request).toEqual({ service_request_id: t.service_request_id, token: trackingCode });
  });
});

describe('paths that are not resources', () => {
  it('answers unknown paths under /open311 with the spec 404 in JSON, or XML for .xml, never the web app', async () => {
    for (const path of ['/open311', '/open311/', '/open311/v2', '/open311/v2/services', '/open311/v2/services.csv', '/open311/v2/nothing.json', '/open311/v3/services.json']) {
      const res = await get(`${env.backend.url}${path}`, { accept: 'text/html' });
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toBe(JSON_TYPE);
      expect(JSON.parse(res.text), path).toEqual([{ code: 404, description: expect.stringContaining('no resource') }]);
    }
    const xml = await get(`${env.backend.url}/open311/v2/nothing.xml`, { accept: 'text/html' });
    expect(xml.status).toBe(404);
    expect(xml.headers.get('content-type')).toBe(XML_TYPE);
    expect(parseXml(xml.text)).toEqual({ errors: { error: { code: '404', description: 'no resource /open311/v2/nothing.xml' } } });
  });

  it('answers another method on a known path with 405 and Allow', async () => {
    const res = await fetch(`${env.base}/services.json`, { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toContain('GET');
    expect(await res.json()).toEqual([{ code: 405, description: expect.stringContaining('DELETE') }]);
  });

  it('answers unknown /api paths with 404 JSON, XML for .xml, while the web app still serves its own paths', async () => {
    const api = await get(`${env.backend.url}/api/nothing`, { accept: 'text/html' });
    expect(api.status).toBe(404);
    expect(JSON.parse(api.text)).toMatchObject({ error: { code: 'not_found' } });
    const apiXml = await get(`${env.backend.url}/api/nothing.xml`, { accept: 'text/html' });
    expect(apiXml.status).toBe(404);
    expect(apiXml.headers.get('content-type')).toBe(XML_TYPE);
    expect(parseXml(apiXml.text)).toMatchObject({ errors: { error: { code: '404' } } });
    const spa = await get(`${env.backend.url}/some/client/route`, { accept: 'text/html' });
    expect(spa.status).toBe(200);
    expect(spa.text).toContain(SPA_MARKER);
  });
});
