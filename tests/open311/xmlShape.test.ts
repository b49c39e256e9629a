import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAT_DUST, pointIn } from '../support/fixtures.js';
import { childNames, get, parseXml, postForm, startOpen311Backend } from './support.js';

/**
 * Element names and order of the GeoReport v2 specification
 * (wiki.open311.org/GeoReport_v2), checked on the XML this server writes,
 * parsed by a real XML parser (fast-xml-parser, validating first).
 */
const SPEC = {
  discovery: ['changeset', 'contact', 'key_service', 'endpoints'],
  endpoint: ['specification', 'url', 'changeset', 'type', 'formats'],
  service: ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'],
  service_definition: ['service_code', 'attributes'],
  attribute: ['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description', 'values'],
  value: ['key', 'name'],
  postAnswer: ['service_request_id', 'service_notice', 'account_id'],
  request: ['service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible', 'service_notice', 'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url'],
  token: ['service_request_id', 'token'],
  error: ['code', 'description'],
};

let env: Awaited<ReturnType<typeof startOpen311Backend>>;
let id = '';
let trackingCode = '';
beforeAll(async () => {
  env = await startOpen311Backend();
  const res = await postForm(`${env.base}/requests.xml`, { api_key: env.key, service_code: CAT_DUST, lat: String(pointIn('A1').lat), long: String(pointIn('A1').lng), 'attribute[dust_level]': 'light' });
  expect(childNames(res.text, ['service_requests'])).toEqual(['request']);
  expect(childNames(res.text, ['service_requests', 'request'])).toEqual(SPEC.postAnswer);
  id = (parseXml(res.text) as { service_requests: { request: { service_request_id: string } } }).service_requests.request.service_request_id;
  trackingCode = (await env.backend.deps.models.Incident.findOne({ code: id }).lean())!.trackingCode;
});
afterAll(() => env.backend.stop());

const xml = async (path: string) => {
  const res = await get(`${env.base}${path}`);
  expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
  parseXml(res.text);
  return res.text;
};

describe('XML documents use the element names of the specification, in its order, without a namespace', () => {
  it('discovery', async () => {
    const text = await xml('/discovery.xml');
    expect(childNames(text, ['discovery'])).toEqual(SPEC.discovery);
    expect(childNames(text, ['discovery', 'endpoints'])).toEqual(['endpoint']);
    expect(childNames(text, ['discovery', 'endpoints', 'endpoint'])).toEqual(SPEC.endpoint);
    expect(childNames(text, ['discovery', 'endpoints', 'endpoint', 'formats'])).toEqual(['format', 'format']);
    expect(text).not.toMatch(/xmlns/);
  });

  it('services', async () => {
    const text = await xml('/services.xml');
    expect(new Set(childNames(text, ['services']))).toEqual(new Set(['service']));
    expect(childNames(text, ['services', 'service'])).toEqual(SPEC.service);
  });

  it('service definition, attribute and value', async () => {
    const text = await xml(`/services/${CAT_DUST}.xml`);
    expect(childNames(text, ['service_definition'])).toEqual(SPEC.service_definition);
    expect(new Set(childNames(text, ['service_definition', 'attributes']))).toEqual(new Set(['attribute']));
    const doc = parseXml(text) as { service_definition: { attributes: { attribute: Record<string, unknown>[] } } };
    const level = doc.service_definition.attributes.attribute.find((a) => a.code === 'dust_level')!;
    expect(Object.keys(level)).toEqual(SPEC.attribute);
    expect((level.values as { value: Record<string, unknown>[] }).value.map((v) => Object.keys(v))).toEqual([SPEC.value, SPEC.value]);
    // Attributes that are not lists carry no values element.
    const trucks = doc.service_definition.attributes.attribute.find((a) => a.code === 'trucks')!;
    expect(Object.keys(trucks)).toEqual(SPEC.attribute.filter((n) => n !== 'values'));
  });

  it('service requests (list and one), without extension elements unless asked', async () => {
    for (const path of ['/requests.xml', `/requests/${id}.xml`]) {
      const text = await xml(path);
      expect(new Set(childNames(text, ['service_requests']))).toEqual(new Set(['request']));
      expect(childNames(text, ['service_requests', 'request'])).toEqual(SPEC.request);
    }
    const extended = await xml(`/requests/${id}.xml?extensions=true`);
    expect(childNames(extended, ['service_requests', 'request'])).toEqual([...SPEC.request, 'extended_attributes']);
    expect(childNames(extended, ['service_requests', 'request', 'extended_attributes'])).toEqual(['detailed_status', 'onegrid_status', 'notes']);
    expect(childNames(extended, ['service_requests', 'request', 'extended_attributes', 'notes'])).toEqual(['note']);
  });

  it('tokens', async () => {
    const text = await xml(`/tokens/${trackingCode}.xml`);
    expect(childNames(text, ['service_requests', 'request'])).toEqual(SPEC.token);
  });

  it('errors', async () => {
    const res = await get(`${env.base}/requests/19990101-000001.xml`);
    expect(res.status).toBe(404);
    expect(childNames(res.text, ['errors'])).toEqual(['error']);
    expect(childNames(res.text, ['errors', 'error'])).toEqual(SPEC.error);
  });

  it('writes text that needs escaping and characters XML cannot carry safely', async () => {
    const res = await postForm(`${env.base}/requests.json`, { api_key: env.key, service_code: CAT_DUST, lat: String(pointIn('B2').lat), long: String(pointIn('B2').lng), 'attribute[dust_level]': 'heavy', description: 'a < b & "c" \u0001 ✓ 扬尘' });
    const newId = JSON.parse(res.text)[0].service_request_id;
    const doc = parseXml(await xml(`/requests/${newId}.xml`)) as { service_requests: { request: { description: string } } };
    // Escaped on the wire, read back as written; U+0001 (not allowed in XML 1.0) is dropped from the XML only.
    expect(doc.service_requests.request.description).toBe('a < b & "c"  ✓ 扬尘');
  });
});
