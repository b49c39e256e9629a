import type { Category, Department, Incident } from '../models/index.js';
import { maskText, PUBLIC_EVENT_TYPES } from '../incidents/index.js';
import { w3c } from './datetime.js';
import type { Format } from './format.js';
import { type Lang, pick } from './locale.js';
import { serviceNotice } from './services.js';
import { detailedStatus, specStatus, statusNotes } from './statusMap.js';

/** What presenting a page of requests needs besides the cases: looked up once per page. */
export interface RequestContext {
  categories: Map<string, Category>;
  departments: Map<string, Department>;
  /** Case numbers of the originals that merged cases follow, by the original's id. */
  originals: Map<string, string>;
  lang: Lang;
  format: Format;
  /** `extensions=true`: add the namespaced `extended_attributes`. */
  extensions: boolean;
}

/** The fields an Open311 projection reads from a case (an allow-list: personal data is never loaded). */
export const REQUEST_PROJECTION = {
  code: 1,
  status: 1,
  categoryCode: 1,
  title: 1,
  description: 1,
  address: 1,
  lng: 1,
  lat: 1,
  assignments: 1,
  mergedInto: 1,
  photos: 1,
  reportedAt: 1,
  updatedAt: 1,
  'open311.given': 1,
  // The names below are read only to mask them out of the description, never shown.
  'reporter.name': 1,
  'open311.contact.firstName': 1,
  'open311.contact.lastName': 1,
  'timeline.type': 1,
  'timeline.at': 1,
  'timeline.to': 1,
} as const;

const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;

/** Free text as Open311 may publish it: phone and ID numbers masked, e-mail addresses hidden, the reporter's names reduced to an initial. */
export function maskPublicText(text: string | undefined, i: Pick<Incident, 'reporter' | 'open311'>): string | undefined {
  const c = i.open311?.contact;
  const names = [i.reporter?.name, c?.firstName, c?.lastName, c && c.firstName && c.lastName ? `${c.firstName} ${c.lastName}` : undefined];
  return maskText(text, names.sort((a, b) => (b?.length ?? 0) - (a?.length ?? 0)))?.replace(EMAIL, (m) => `***@${m.split('@')[1]}`);
}

/**
 * Hook for public photos: the URL of the case's first photo marked public once
 * the attachments module serves them (issue: GridFS attachments); null until then.
 * A client's own `media_url` is kept on the case for staff and is not republished.
 */
export function publicMediaUrl(_i: Incident): string | null {
  return null;
}

/**
 * A case as a GeoReport v2 service request, in the specification's element
 * order, built from an allow-list: no reporter, contact or staff text ever.
 */
export function presentRequest(i: Incident, rc: RequestContext) {
  const category = rc.categories.get(i.categoryCode);
  const lead = (i.assignments ?? []).find((a) => a.role === 'lead');
  const department = lead ? rc.departments.get(lead.departmentCode) : undefined;
  const given = rc.format === 'xml' ? i.open311?.given : undefined;
  const original = i.mergedInto ? rc.originals.get(String(i.mergedInto)) : undefined;
  return {
    service_request_id: i.code,
    status: specStatus(i.status),
    status_notes: statusNotes(i.status, rc.lang, original),
    service_name: category ? pick(rc.lang, category.name, category.nameEn) : i.categoryCode,
    service_code: i.categoryCode,
    description: maskPublicText(i.description, i) ?? null,
    agency_responsible: department ? pick(rc.lang, department.name, department.nameEn) : null,
    service_notice: category ? serviceNotice(category, rc.lang) : null,
    requested_datetime: w3c(i.reportedAt),
    updated_datetime: w3c(i.updatedAt ?? i.reportedAt),
    expected_datetime: w3c(lead?.dueAt),
    address: maskPublicText(i.address, i) ?? null,
    address_id: null,
    zipcode: null,
    lat: given ? given.lat : i.lat,
    long: given ? given.long : i.lng,
    media_url: publicMediaUrl(i),
    ...(rc.extensions
      ? {
          extended_attributes: {
            detailed_status: detailedStatus(i.status),
            onegrid_status: i.status,
            ...(original ? { duplicate_of: original } : {}),
            notes: (i.timeline ?? []).filter((e) => PUBLIC_EVENT_TYPES.includes(e.type)).map((e) => ({ type: e.type, status: e.to ?? null, datetime: w3c(e.at) })),
          },
        }
      : {}),
  };
}

export type RequestView = ReturnType<typeof presentRequest>;
