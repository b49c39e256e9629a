import type { Category, Department, Device } from '../models/index.js';

/** A category as the API shows it (every field is reference data; nothing internal). */
export function presentCategory(c: Category) {
  return {
    code: c.code,
    kind: c.kind,
    major: c.major,
    level: c.level,
    parentCode: c.parentCode,
    name: c.name,
    nameEn: c.nameEn,
    defaultSeverity: c.defaultSeverity,
    autoAcceptSeverity: c.autoAcceptSeverity,
    deadlines: c.deadlines,
    leadDepartmentCode: c.leadDepartmentCode,
    coDepartmentCodes: c.coDepartmentCodes ?? [],
    fusion: c.fusion,
    local: c.local ?? false,
  };
}

/** A department with its working calendar. */
export function presentDepartment(d: Department) {
  return {
    code: d.code,
    name: d.name,
    nameEn: d.nameEn,
    level: d.level,
    areaCode: d.areaCode,
    parentCode: d.parentCode,
    calendar: d.calendar,
    phone: d.phone,
  };
}

/** A device by an explicit whitelist, so the token hash can never leak, whatever the query projected. */
export function presentDevice(d: Device) {
  return {
    deviceId: d.deviceId,
    type: d.type,
    name: d.name,
    lng: d.lng,
    lat: d.lat,
    gridCode: d.gridCode,
    categoryCode: d.categoryCode,
    status: d.status,
    lastSeenAt: d.lastSeenAt,
    thresholds: d.thresholds,
  };
}

/**
 * Orders categories as a tree: each root (major class, or a row without a known
 * parent) by kind (components first) then code, followed by its children by code.
 */
export function inTreeOrder<T extends Pick<Category, 'code' | 'kind' | 'parentCode'>>(categories: T[]): T[] {
  const key = (c: T) => `${c.kind === 'component' ? 0 : 1}:${c.code}`;
  const known = new Set(categories.map(key));
  const parentKey = (c: T) => (c.parentCode ? `${c.kind === 'component' ? 0 : 1}:${c.parentCode}` : undefined);
  const children = new Map<string, T[]>();
  const roots: T[] = [];
  for (const c of categories) {
    const p = parentKey(c);
    if (p && p !== key(c) && known.has(p)) children.set(p, [...(children.get(p) ?? []), c]);
    else roots.push(c);
  }
  const byKey = (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  const out: T[] = [];
  const visit = (c: T) => {
    out.push(c);
    for (const child of (children.get(key(c)) ?? []).sort(byKey)) visit(child);
  };
  roots.sort(byKey).forEach(visit);
  return out;
}
