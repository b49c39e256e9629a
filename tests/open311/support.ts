import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';
import type { CategoryAttribute } from '@onegrid/backend/models';
import { createClient } from '@onegrid/backend/open311';
import { CAT_COVER, CAT_DUST, CAT_RUBBISH, COMMUNITY_A, ORIGIN, pointIn } from '../support/fixtures.js';
import { startTestBackend } from '../support/platform.js';

export const JURISDICTION = '110101';
/** The test district's community A under a name an address_string can use, and a road along its northern edge. */
export const COMMUNITY_NAME = '东华门社区';
export const ROAD_NAME = '南池子大街';
export const SPA_MARKER = 'ONEGRID-SPA-INDEX';

/** Questions of the test district's dust category: a required single list, an optional number, an informational line. */
export const DUST_QUESTIONS: CategoryAttribute[] = [
  { code: 'note', variable: false, datatype: 'string', required: false, order: 1, description: '请勿靠近施工区域', descriptionEn: 'Keep away from the site' },
  {
    code: 'dust_level',
    variable: true,
    datatype: 'singlevaluelist',
    required: true,
    order: 2,
    description: '扬尘程度',
    descriptionEn: 'How much dust?',
    values: [
      { key: 'light', name: '轻微', nameEn: 'Light' },
      { key: 'heavy', name: '严重', nameEn: 'Heavy' },
    ],
  },
  { code: 'trucks', variable: true, datatype: 'number', required: false, order: 3, description: '渣土车数量', descriptionEn: 'Number of trucks', datatypeDescription: 'count' },
  { code: 'causes', variable: true, datatype: 'multivaluelist', required: false, order: 4, description: '原因', values: [{ key: 'uncovered', name: '未覆盖' }, { key: 'no_spray', name: '未洒水' }] },
];

/**
 * A backend on the small test district, with the rubbish, cover and dust
 * categories open to the public (dust asking questions), community A named,
 * a road on the basemap, a built-web-app stand-in (so the SPA fallback is
 * live), and one Open311 client `testapp` whose key is returned.
 */
export async function startOpen311Backend() {
  const web = mkdtempSync(join(tmpdir(), 'onegrid-web-'));
  writeFileSync(join(web, 'index.html'), `<!doctype html><title>${SPA_MARKER}</title>`);
  let key = '';
  const backend = await startTestBackend({
    env: { OPEN311_JURISDICTION_ID: JURISDICTION, WEB_DIST: web },
    beforeListen: async (deps) => {
      await deps.models.Category.updateMany({ code: { $in: [CAT_RUBBISH, CAT_COVER, CAT_DUST] } }, { $set: { publicIntake: true } });
      await deps.models.Category.updateOne({ code: CAT_DUST }, { $set: { attributes: DUST_QUESTIONS } });
      await deps.models.Category.create({ code: '06', kind: 'event', major: '06', level: 'major', name: '市容环境类', nameEn: 'City appearance', leadDepartmentCode: 'CG', deadlines: { accept: 30, dispatch: 30, handle: 480, verify: 240 } });
      const a = pointIn('A1');
      await deps.models.Area.create({
        code: COMMUNITY_A,
        level: 'community',
        name: COMMUNITY_NAME,
        nameEn: 'Donghuamen Community',
        parentCode: '110101001',
        geometry: { type: 'Polygon', coordinates: [[[ORIGIN.lng, ORIGIN.lat], [ORIGIN.lng + 0.002, ORIGIN.lat], [ORIGIN.lng + 0.002, ORIGIN.lat - 0.0009], [ORIGIN.lng, ORIGIN.lat]]] },
        centroid: a,
      });
      const b = pointIn('B2');
      await deps.models.BasemapLayer.create({
        _id: 'main-roads',
        order: 40,
        features: [{ type: 'Feature', geometry: { type: 'LineString', coordinates: [[b.lng - 0.0005, b.lat], [b.lng, b.lat], [b.lng + 0.0005, b.lat]] }, properties: { kind: 'road', name: ROAD_NAME } }],
      });
      key = (await createClient(deps.models, 'testapp')).key;
    },
  });
  return { backend, key, base: `${backend.url}/open311/v2` };
}

/** POSTs form-encoded fields (arrays repeat the field) and returns status, headers and text. */
export async function postForm(url: string, fields: Record<string, string | string[] | undefined>, headers: Record<string, string> = {}) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  }
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

export async function get(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

const parser = new XMLParser({ ignoreAttributes: true, ignoreDeclaration: true, parseTagValue: false, trimValues: false });
const orderedParser = new XMLParser({ ignoreAttributes: true, ignoreDeclaration: true, parseTagValue: false, preserveOrder: true });

/** Parses an XML answer with a real XML parser after checking it is well-formed UTF-8 XML with the declaration first. */
export function parseXml(text: string): Record<string, unknown> {
  expect(text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  expect(XMLValidator.validate(text)).toBe(true);
  return parser.parse(text) as Record<string, unknown>;
}

/** The element names under `path` (e.g. ['service_requests', 'request']) in document order, first occurrence. */
export function childNames(text: string, path: string[]): string[] {
  let nodes = orderedParser.parse(text) as Record<string, unknown>[];
  for (const name of path) {
    const node = nodes.find((n) => name in n);
    if (!node) throw new Error(`no element ${name} on ${path.join('/')}`);
    nodes = node[name] as Record<string, unknown>[];
  }
  return nodes.map((n) => Object.keys(n)[0]);
}

/** The items of an XML list element as an array, however many (the parser gives one item as an object). */
export function items<T = Record<string, unknown>>(value: unknown): T[] {
  if (value === undefined || value === '') return [];
  return (Array.isArray(value) ? value : [value]) as T[];
}
