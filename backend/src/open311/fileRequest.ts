import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Principal } from '../kernel/index.js';
import type { AppDeps } from '../deps.js';
import { reportIncident } from '../incidents/index.js';
import type { Category, Incident, Open311Client } from '../models/index.js';
import { matchAddress, namedPlaces } from './addressLookup.js';
import { checkAnswers } from './attributeAnswers.js';
import { badRequest, notFound } from './errors.js';
import type { Lang } from './locale.js';
import { publicCategory, serviceNotice } from './services.js';

const COORDINATE = /^[+-]?\d{1,3}(\.\d{1,15})?$/;
const text = (name: string, max: number) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? `${name} is required` : `${name} must be given once, as text`) }).trim().max(max, `${name} is longer than ${max} characters`);

/** The scalar fields of `POST requests` (attribute[...] is checked against the service definition). */
export const RequestFields = z.object({
  service_code: text('service_code', 20).min(1, 'service_code is required'),
  lat: text('lat', 24).regex(COORDINATE, 'lat must be a decimal WGS84 latitude').optional(),
  long: text('long', 24).regex(COORDINATE, 'long must be a decimal WGS84 longitude').optional(),
  address_string: text('address_string', 300).optional(),
  address_id: text('address_id', 100).optional(),
  email: text('email', 254).pipe(z.email('email is not an e-mail address')).optional(),
  device_id: text('device_id', 200).optional(),
  account_id: text('account_id', 200).optional(),
  first_name: text('first_name', 100).optional(),
  last_name: text('last_name', 100).optional(),
  phone: text('phone', 40).regex(/^\+?[\d\s().-]{5,40}$/, 'phone is not a phone number').optional(),
  description: text('description', 4000).optional(),
  media_url: text('media_url', 2000)
    .refine((u) => URL.canParse(u) && ['http:', 'https:'].includes(new URL(u).protocol), 'media_url must be an http or https URL')
    .optional(),
});
export type RequestFieldsInput = z.output<typeof RequestFields>;

/** A POSTed service request once checked: the case-to-be's category, point and what to keep. */
interface CheckedRequest {
  fields: RequestFieldsInput;
  category: Category;
  lng: number;
  lat: number;
  given?: { lat: string; long: string };
  answers: Record<string, string | string[]>;
  matchedPlace?: string;
}

/** The principal an Open311 client acts as (a service, like the gateway: it never reads staff data). */
export function clientPrincipal(client: Pick<Open311Client, 'name'>): Principal {
  return { id: `open311:${client.name}`, username: client.name, role: 'service', displayName: `Open311 ${client.name}` };
}

/**
 * Step 1: the fields (400 listing every problem), the service (404), the
 * answers to its questions and one location form: `lat`+`long` together, or
 * an `address_string` naming a community or road of the district (400 when
 * neither, when only one coordinate, or when the place is outside the district).
 */
export async function checkRequest(deps: Pick<AppDeps, 'models' | 'geo'>, params: Record<string, unknown>): Promise<CheckedRequest> {
  const parsed = RequestFields.safeParse(params);
  if (!parsed.success) throw badRequest(parsed.error.issues.map((i) => (i.message.includes(String(i.path[0] ?? '')) ? i.message : `${i.path.join('.')}: ${i.message}`)));
  const fields = parsed.data;
  const category = await publicCategory(deps.models, fields.service_code);
  if (!category) throw notFound(`service_code ${fields.service_code} not found`);

  const problems: string[] = [];
  const { answers, problems: answerProblems } = checkAnswers(category.attributes ?? [], params.attribute);
  problems.push(...answerProblems);
  let point: { lng: number; lat: number; given?: { lat: string; long: string }; matchedPlace?: string } | null = null;
  if (fields.lat !== undefined || fields.long !== undefined) {
    const lat = Number(fields.lat);
    const lng = Number(fields.long);
    if (fields.lat === undefined || fields.long === undefined) problems.push('lat and long must be sent together');
    else if (Math.abs(lat) > 90 || Math.abs(lng) > 180) problems.push('lat must be within ±90 and long within ±180 (WGS84)');
    else if (!deps.geo.locate(lng, lat)) problems.push(`lat ${fields.lat}, long ${fields.long} is outside the area this jurisdiction serves`);
    else point = { lng, lat, given: { lat: fields.lat, long: fields.long } };
  } else if (fields.address_string !== undefined) {
    const place = matchAddress(fields.address_string, await namedPlaces(deps.models));
    if (!place) problems.push(`address_string "${fields.address_string}" names no community or road of this jurisdiction; send lat and long`);
    else point = { lng: place.lng, lat: place.lat, matchedPlace: place.name };
  } else if (fields.address_id !== undefined) {
    problems.push('address_id is not supported by this server; send lat and long, or address_string');
  } else {
    problems.push('a location is required: lat and long, or address_string');
  }
  if (problems.length || !point) throw badRequest(problems);
  return { fields, category, answers, ...point };
}

/**
 * Files a checked request through the one intake command (上报), exactly as
 * the residents' web form does: routing, fusion with an open duplicate and the
 * tracking code all happen there. Idempotent on the client's Idempotency-Key
 * header when one is sent (a retry answers the same case), else every POST
 * files a new case. The contact fields are kept on the case as personal data.
 */
export async function fileRequest(deps: AppDeps, client: Open311Client, checked: CheckedRequest, idempotencyKey?: string): Promise<{ incident: Incident; duplicate: boolean }> {
  const f = checked.fields;
  const name = [f.first_name, f.last_name].filter(Boolean).join(' ') || undefined;
  const contact = { firstName: f.first_name, lastName: f.last_name, email: f.email, phone: f.phone, deviceId: f.device_id, accountId: f.account_id };
  const hasContact = Object.values(contact).some((v) => v !== undefined);
  const hasAnswers = Object.keys(checked.answers).length > 0;
  return reportIncident(deps, clientPrincipal(client), {
    source: 'open311',
    senderId: client.name,
    messageId: idempotencyKey ?? randomUUID(),
    categoryCode: checked.category.code,
    description: f.description,
    lng: checked.lng,
    lat: checked.lat,
    address: f.address_string,
    reporter: name || f.phone ? { name, phone: f.phone } : undefined,
    detail: {
      client: client.name,
      ...(hasAnswers ? { attributes: checked.answers } : {}),
      ...(f.media_url ? { mediaUrl: f.media_url } : {}),
      ...(checked.matchedPlace ? { addressMatched: checked.matchedPlace } : {}),
    },
    open311: {
      client: client.name,
      ...(hasAnswers ? { attributes: checked.answers } : {}),
      ...(f.media_url ? { mediaUrl: f.media_url } : {}),
      ...(checked.given ? { given: checked.given } : {}),
      ...(f.address_string ? { addressString: f.address_string } : {}),
      ...(hasContact ? { contact } : {}),
    },
  });
}

/** The POST answer: the case number as `service_request_id` (the case exists: realtime), the handling promise and the tracking code for the reporter. */
export function presentFiled(incident: Incident, category: Category, lang: Lang) {
  const track = lang === 'en' ? ` Tracking code ${incident.trackingCode}: follow and rate the case on the residents' page of OneGrid.` : `查询码 ${incident.trackingCode}，可在 OneGrid 市民页面跟踪并评价。`;
  // account_id echoes nothing: contact fields are personal data and never appear in any Open311 output.
  return [{ service_request_id: incident.code, service_notice: `${serviceNotice(category, lang)}${track}`, account_id: null }];
}
