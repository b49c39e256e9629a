import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident } from '@onegrid/backend/models';
import { CAT_DUST, CAT_RUBBISH, pointIn } from '../support/fixtures.js';
import { get, items, parseXml, postForm, startOpen311Backend } from './support.js';

let env: Awaited<ReturnType<typeof startOpen311Backend>>;
beforeAll(async () => {
  env = await startOpen311Backend();
});
afterAll(() => env.backend.stop());

const W3C_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;

describe('Open311 round trip: POST a request, then GET it back', () => {
  it('files a request in JSON through the intake command and reads the same service code, description, point and time', async () => {
    const at = pointIn('A2', 10, 10);
    const lat = at.lat.toFixed(6);
    const long = at.lng.toFixed(6);
    const posted = await postForm(`${env.base}/requests.json`, { api_key: env.key, service_code: CAT_RUBBISH, lat, long, description: '路口垃圾三天没人清理 rubbish at the corner' });
    expect(posted.status).toBe(201);
    expect(posted.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const [answer] = JSON.parse(posted.text) as { service_request_id: string; service_notice: string; account_id: null }[];
    expect(answer.service_request_id).toMatch(/^\d{8}-\d{6}$/);
    expect(answer.service_notice).toMatch(/查询码 [A-Z2-9]{8}/);
    expect(answer.account_id).toBeNull();

    const read = await get(`${env.base}/requests/${answer.service_request_id}.json`);
    expect(read.status).toBe(200);
    expect(read.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const [r] = JSON.parse(read.text) as Record<string, unknown>[];
    expect(r.service_request_id).toBe(answer.service_request_id);
    expect(r.service_code).toBe(CAT_RUBBISH);
    expect(r.description).toBe('路口垃圾三天没人清理 rubbish at the corner');
    expect(Math.abs((r.lat as number) - at.lat)).toBeLessThan(0.0002);
    expect(Math.abs((r.long as number) - at.lng)).toBeLessThan(0.0002);
    // Exactly as given (WGS84, no GCJ-02 shift).
    expect(r.lat).toBe(Number(lat));
    expect(r.long).toBe(Number(long));
    expect(r.requested_datetime).toMatch(W3C_WITH_OFFSET);
    expect(r.requested_datetime).toMatch(/\+08:00$/);
    expect(Math.abs(Date.parse(r.requested_datetime as string) - Date.now())).toBeLessThan(60_000);
    expect(r.status).toBe('open');

    // The case went through the same command as the web form: case number, tracking code, located in its grid cell, source open311.
    const stored = await env.backend.deps.models.Incident.findOne({ code: answer.service_request_id }).lean<Incident>();
    expect(stored).toMatchObject({ source: 'open311', categoryCode: CAT_RUBBISH, status: 'reported', gridCode: '110101001001002', idempotencyKey: expect.stringMatching(/^open311:testapp:/) });
    expect(answer.service_notice).toContain(stored!.trackingCode);
    expect(stored!.timeline[0]).toMatchObject({ type: 'incident.reported', data: expect.objectContaining({ source: 'open311', client: 'testapp' }) });
  });

  it('files a request in XML with answers to the service questions and reads it back in XML with the coordinates exactly as written', async () => {
    const posted = await postForm(`${env.base}/requests.xml`, {
      api_key: env.key,
      jurisdiction_id: '110101',
      service_code: CAT_DUST,
      lat: '39.899100',
      long: '116.400600',
      description: '工地扬尘 <dust> & noise',
      'attribute[dust_level]': 'heavy',
      'attribute[trucks]': '3',
      'attribute[causes][]': ['uncovered', 'no_spray'],
      media_url: 'https://photos.example.org/dust/1.jpg',
    });
    expect(posted.status).toBe(201);
    expect(posted.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    const doc = parseXml(posted.text) as { service_requests: { request: { service_request_id: string; service_notice: string; account_id: string } } };
    const id = doc.service_requests.request.service_request_id;
    expect(id).toMatch(/^\d{8}-\d{6}$/);
    expect(doc.service_requests.request.account_id).toBe('');

    const read = await get(`${env.base}/requests/${id}.xml`);
    expect(read.status).toBe(200);
    expect(read.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    const [r] = items<Record<string, string>>((parseXml(read.text) as { service_requests: { request: unknown } }).service_requests.request);
    expect(r.service_request_id).toBe(id);
    expect(r.service_code).toBe(CAT_DUST);
    expect(r.description).toBe('工地扬尘 <dust> & noise');
    expect(r.lat).toBe('39.899100');
    expect(r.long).toBe('116.400600');
    expect(Math.abs(Date.parse(r.requested_datetime) - Date.now())).toBeLessThan(60_000);

    const stored = await env.backend.deps.models.Incident.findOne({ code: id }).lean<Incident>();
    expect(stored!.open311).toMatchObject({ client: 'testapp', attributes: { dust_level: 'heavy', trucks: '3', causes: ['uncovered', 'no_spray'] }, mediaUrl: 'https://photos.example.org/dust/1.jpg' });
    expect(stored!.timeline[0].data).toMatchObject({ attributes: { dust_level: 'heavy' }, mediaUrl: 'https://photos.example.org/dust/1.jpg' });
  });

  it('locates an address_string on a community or road of the district and keeps the text as the address', async () => {
    const community = await postForm(`${env.base}/requests.json`, { api_key: env.key, service_code: CAT_DUST, address_string: '东华门社区 3 号楼旁', 'attribute[dust_level]': 'light' });
    expect(community.status).toBe(201);
    const [c] = JSON.parse(community.text) as { service_request_id: string }[];
    const [cr] = JSON.parse((await get(`${env.base}/requests/${c.service_request_id}.json`)).text) as Record<string, unknown>[];
    expect(cr.address).toBe('东华门社区 3 号楼旁');
    expect(Math.abs((cr.lat as number) - pointIn('A1').lat)).toBeLessThan(0.0002);

    const road = await postForm(`${env.base}/requests.json`, { api_key: env.key, service_code: CAT_RUBBISH, address_string: '南池子大街与东华门大街路口' });
    expect(road.status).toBe(201);
    const [rd] = JSON.parse(road.text) as { service_request_id: string }[];
    const stored = await env.backend.deps.models.Incident.findOne({ code: rd.service_request_id }).lean<Incident>();
    expect(stored!.gridCode).toBe('110101001002002');
    expect(stored!.timeline[0].data).toMatchObject({ addressMatched: '南池子大街' });
  });

  it('answers a retry with the same Idempotency-Key with the same request, 200 instead of 201', async () => {
    const fields = { api_key: env.key, service_code: CAT_RUBBISH, ...{ lat: String(pointIn('B1').lat), long: String(pointIn('B1').lng) } };
    const first = await postForm(`${env.base}/requests.json`, fields, { 'Idempotency-Key': 'retry-0001-abc' });
    const again = await postForm(`${env.base}/requests.json`, fields, { 'Idempotency-Key': 'retry-0001-abc' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(JSON.parse(again.text)[0].service_request_id).toBe(JSON.parse(first.text)[0].service_request_id);
  });

  it('fuses a second report of the same problem at the same spot into the open case: closed, with a note naming the original', async () => {
    const spot = pointIn('A1', -30, 30); // more than 50 m (the fusion distance) from every other rubbish report of this file
    const fields = { api_key: env.key, service_code: CAT_RUBBISH, lat: String(spot.lat), long: String(spot.lng) };
    const first = JSON.parse((await postForm(`${env.base}/requests.json`, fields)).text)[0].service_request_id as string;
    const second = JSON.parse((await postForm(`${env.base}/requests.json`, fields)).text)[0].service_request_id as string;
    expect(second).not.toBe(first);
    const [dup] = JSON.parse((await get(`${env.base}/requests/${second}.json?extensions=true`, { 'accept-language': 'en' })).text);
    expect(dup.status).toBe('closed');
    expect(dup.status_notes).toBe(`Duplicate of service request ${first}`);
    expect(dup.extended_attributes).toMatchObject({ detailed_status: 'ARCHIVED', onegrid_status: 'merged', duplicate_of: first });
  });
});
