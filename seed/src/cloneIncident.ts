import { Types } from 'mongoose';
import { TRACKING_ALPHABET } from '@onegrid/backend/incidents';
import type { Incident, TimelineEntry } from '@onegrid/backend/models';
import { objectIdHex } from './random.js';

/** Where a clone happens: its cell (with the cell's workers) and its point. */
export interface ClonePlace {
  lng: number;
  lat: number;
  gridCode: string;
  communityCode: string;
  streetCode: string;
  workerIds: string[];
  deviceId?: string;
}

/**
 * A copy of an incident played through the commands (a template), as the
 * commands would have written it for another case: moved `shiftMs` in time
 * (whole weeks, so working-time deadlines stay aligned with weekdays and office
 * hours), to another place, with its own id, case number, tracking code and
 * idempotency key. Its events are taken as relayed (empty outbox), as the
 * platform leaves a case once its bus has run.
 */
export function cloneIncident(template: Incident, n: number, shiftMs: number, place: ClonePlace, code: string): Incident {
  const shift = (v: unknown): unknown => {
    if (v instanceof Date) return new Date(v.getTime() + shiftMs);
    if (Array.isArray(v)) return v.map(shift);
    if (v && typeof v === 'object' && !(v instanceof Types.ObjectId)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shift(x)]));
    return v;
  };
  const moved = shift(template) as Incident;
  const id = new Types.ObjectId(objectIdHex(`bulk-incident:${n}`));
  const senderId = template.source === 'device' && place.deviceId ? place.deviceId : template.idempotencyKey.split(':')[1];
  const timeline = moved.timeline.map((e, i): TimelineEntry => {
    const entry: TimelineEntry = { ...e, eventId: uuidFrom(`bulk-event:${n}:${i}`) };
    if (e.type === 'incident.verifying' && e.data) entry.data = { ...e.data, workerIds: place.workerIds, task: { ...(e.data.task as object), incidentId: String(id), code, lng: place.lng, lat: place.lat } };
    if (e.type === 'incident.reported' && e.data?.deviceId && place.deviceId) entry.data = { ...e.data, deviceId: place.deviceId };
    return entry;
  });
  return {
    ...moved,
    _id: id,
    code,
    trackingCode: trackingCodeFor(n),
    idempotencyKey: `${template.source}:${senderId}:bulk-${n}`,
    lng: place.lng,
    lat: place.lat,
    gridCode: place.gridCode,
    communityCode: place.communityCode,
    streetCode: place.streetCode,
    unlocated: false,
    ...(template.deviceId && place.deviceId ? { deviceId: place.deviceId } : {}),
    ...(moved.verification ? { verification: { ...moved.verification, workerIds: place.workerIds } } : {}),
    timeline,
    outbox: [],
    mergedInto: undefined,
    duplicateIds: [],
  } as Incident;
}

/**
 * A distinct 8-symbol tracking code for each n < 2^40: n is scrambled by a
 * bijection of the 40-bit space (odd multiplier), then written in the
 * tracking alphabet, so clones never collide with each other.
 */
export function trackingCodeFor(n: number): string {
  const M = 2n ** 40n;
  let x = (BigInt(n) * 0x9e3779b97n + 0x5bd1e995n) % M;
  let code = '';
  for (let i = 0; i < 8; i++) {
    code += TRACKING_ALPHABET[Number(x & 31n)];
    x >>= 5n;
  }
  return code;
}

function uuidFrom(key: string): string {
  const h = objectIdHex(key) + objectIdHex(`${key}:2`);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
