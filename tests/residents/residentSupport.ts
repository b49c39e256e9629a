import { randomUUID } from 'node:crypto';
import type { AppDeps } from '@onegrid/backend/deps';
import { CELL, COMMUNITY_A, COMMUNITY_B, ORIGIN, STREET, pointIn } from '../support/fixtures.js';
import { login, startTestBackend } from '../support/platform.js';

/** A rectangle polygon from its north-west corner, `cols` × `rows` cells big. */
function rect(lng: number, lat: number, cols: number, rows: number) {
  const e = lng + cols * CELL.dLng;
  const s = lat - rows * CELL.dLat;
  return { type: 'Polygon' as const, coordinates: [[[lng, lat], [e, lat], [e, s], [lng, s], [lng, lat]]] };
}

/** Names for the test district: its street and two communities (A: the north row, B: the south row), and a pond as offline basemap. */
export async function seedPublicGeography(deps: AppDeps): Promise<void> {
  const c = (lng: number, lat: number) => ({ lng, lat });
  await deps.models.Area.insertMany([
    { code: STREET, level: 'street', name: '东华门街道', nameEn: 'Donghuamen Street', parentCode: '110101', geometry: rect(ORIGIN.lng, ORIGIN.lat, 2, 2), centroid: c(ORIGIN.lng + CELL.dLng, ORIGIN.lat - CELL.dLat) },
    { code: COMMUNITY_A, level: 'community', name: '北河沿社区', nameEn: 'Beiheyan Community', parentCode: STREET, geometry: rect(ORIGIN.lng, ORIGIN.lat, 2, 1), centroid: c(ORIGIN.lng + CELL.dLng, ORIGIN.lat - CELL.dLat / 2) },
    { code: COMMUNITY_B, level: 'community', name: '南池子社区', nameEn: 'Nanchizi Community', parentCode: STREET, geometry: rect(ORIGIN.lng, ORIGIN.lat - CELL.dLat, 2, 1), centroid: c(ORIGIN.lng + CELL.dLng, ORIGIN.lat - 1.5 * CELL.dLat) },
  ]);
  await deps.models.BasemapLayer.create({
    _id: 'water',
    order: 10,
    features: [{ type: 'Feature', properties: { kind: 'lake' }, geometry: rect(ORIGIN.lng + 0.2 * CELL.dLng, ORIGIN.lat - 0.2 * CELL.dLat, 0.5, 0.4) }],
  });
}

/** The test backend with public geography (areas with names, a basemap). */
export function startResidentBackend(env: Record<string, string> = {}) {
  return startTestBackend({ env, beforeListen: seedPublicGeography });
}

export type Backend = Awaited<ReturnType<typeof startResidentBackend>>;

/** A JSON request; `ip` sets X-Forwarded-For (the app trusts the proxy header) so tests can act as different addresses. */
export async function call(backend: Backend, method: string, path: string, body?: unknown, opts: { token?: string; ip?: string } = {}) {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.ip) headers['x-forwarded-for'] = opts.ip;
  const res = await fetch(`${backend.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as any, text };
}

/** Files a resident complaint over the public API. */
export async function complain(backend: Backend, fields: Record<string, unknown> = {}, ip?: string) {
  return call(backend, 'POST', '/api/public/complaints', { messageId: randomUUID(), categoryCode: '06010', description: '路边垃圾堆了三天', ...pointIn('A1'), ...fields }, { ip });
}

/** Staff tokens for driving a case through the loop over the API. */
export async function staffTokens(backend: Backend) {
  return { commander: await login(backend.url, 'commander'), cg: await login(backend.url, 'dept-cg'), workerA: await login(backend.url, 'worker-a'), workerB: await login(backend.url, 'worker-b') };
}

/** The incident id of a tracking code (the store, as staff would find it on their queue). */
export async function incidentIdOf(backend: Backend, trackingCode: string): Promise<string> {
  const i = await backend.deps.models.Incident.findOne({ trackingCode }).lean();
  if (!i) throw new Error(`no incident ${trackingCode}`);
  return String(i._id);
}

/** Drives a rubbish case (lead CG) through dispatch → resolve → verify → close as staff, over the API. */
export async function closeOverApi(backend: Backend, tokens: Awaited<ReturnType<typeof staffTokens>>, id: string): Promise<void> {
  const step = async (token: string, action: string, body: Record<string, unknown> = {}) => {
    const current = await call(backend, 'GET', `/api/incidents/${id}`, undefined, { token: tokens.commander });
    const res = await call(backend, 'POST', `/api/incidents/${id}/${action}`, { version: current.body.version, ...body }, { token });
    if (res.status !== 200) throw new Error(`${action}: ${res.status} ${res.text}`);
  };
  await step(tokens.commander, 'dispatch');
  await step(tokens.cg, 'resolve', { note: '已清运' });
  const cell = (await backend.deps.models.Incident.findById(id, { gridCode: 1 }).lean())?.gridCode ?? '';
  await step(cell.startsWith(COMMUNITY_A) ? tokens.workerA : tokens.workerB, 'verify', { result: 'passed' });
  await step(tokens.commander, 'close');
}
