import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident } from '@onegrid/backend/models';
import { CAT_RUBBISH, pointIn } from '../support/fixtures.js';
import { get, postForm, startOpen311Backend } from './support.js';

let env: Awaited<ReturnType<typeof startOpen311Backend>>;
beforeAll(async () => {
  env = await startOpen311Backend();
});
afterAll(() => env.backend.stop());

const CONTACT = {
  first_name: 'Wenjing',
  last_name: 'Zhaoqian',
  email: 'wenjing.zhaoqian@example.com',
  phone: '13912345678',
  device_id: 'device-7f3a9c',
  account_id: 'account-55821',
};

describe('personal data never appears in Open311 output', () => {
  it('keeps the contact fields on the case for staff and out of every Open311 answer, JSON and XML, list, one, extensions', async () => {
    const at = pointIn('A2');
    const posted = await postForm(`${env.base}/requests.json`, {
      api_key: env.key,
      service_code: CAT_RUBBISH,
      lat: String(at.lat),
      long: String(at.lng),
      address_string: '3 号楼 13912345678 门口',
      description: 'Wenjing Zhaoqian here, call 139-1234-5678 or mail wenjing.zhaoqian@example.com; ID 110101199003071234',
      media_url: 'https://photos.example.org/private/face.jpg',
      ...CONTACT,
    });
    expect(posted.status).toBe(201);
    const id = JSON.parse(posted.text)[0].service_request_id as string;

    const stored = await env.backend.deps.models.Incident.findOne({ code: id }).lean<Incident>();
    expect(stored!.reporter).toEqual({ name: 'Wenjing Zhaoqian', phone: '13912345678' });
    expect(stored!.open311?.contact).toEqual({ firstName: 'Wenjing', lastName: 'Zhaoqian', email: CONTACT.email, phone: CONTACT.phone, deviceId: CONTACT.device_id, accountId: CONTACT.account_id });
    // The contact is not copied into events (they fan out to the live stream and the audit).
    for (const value of ['Zhaoqian', 'wenjing.zhaoqian@', '13912345678', 'device-7f3a9c', 'account-55821']) expect(JSON.stringify(stored!.outbox)).not.toContain(value);

    const answers = [posted.text];
    for (const path of [`/requests/${id}.json`, `/requests/${id}.xml`, `/requests/${id}.json?extensions=true`, `/requests/${id}.xml?extensions=true`, '/requests.json', '/requests.xml?extensions=true']) {
      const res = await get(`${env.base}${path}`);
      expect(res.status, path).toBe(200);
      answers.push(res.text);
    }
    for (const text of answers) {
      for (const value of [...Object.values(CONTACT), '139-1234-5678', '110101199003071234', 'wenjing.zhaoqian@', 'private/face.jpg']) expect(text).not.toContain(value);
    }
    const [r] = JSON.parse(answers[1]) as Record<string, string>[];
    expect(r.description).toBe('W. here, call 139****5678 or mail ***@example.com; ID ******************');
    expect(r.address).toBe('3 号楼 139****5678 门口');
    expect(r.media_url).toBeNull();
  });
});
