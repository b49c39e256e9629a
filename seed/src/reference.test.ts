import { describe, expect, it } from 'vitest';
import { GridIndex } from '@onegrid/backend/geo';
import { DEVICE_TYPES } from '@onegrid/backend/models';
import { HOLIDAYS_2026, MAKEUP_WORKDAYS_2026 } from './calendars.js';
import { MINORS } from './categories.js';
import { buildReferenceData } from './referenceData.js';
import { DEMO_ACCOUNTS } from './staff.js';

describe('the demo reference data', () => {
  const data = buildReferenceData('demo');
  const departments = new Set(data.departments.map((d) => d.code));

  it('is the same on every build', () => {
    const again = buildReferenceData('demo');
    expect(JSON.stringify([again.users, again.devices, again.cells, again.basemap.layers])).toBe(JSON.stringify([data.users, data.devices, data.cells, data.basemap.layers]));
  });

  it('routes every category and every routing rule to existing departments', () => {
    for (const c of data.categories) {
      expect(departments.has(c.leadDepartmentCode), `${c.code} lead ${c.leadDepartmentCode}`).toBe(true);
      for (const co of c.coDepartmentCodes) expect(departments.has(co), `${c.code} co ${co}`).toBe(true);
      expect(c.coDepartmentCodes).not.toContain(c.leadDepartmentCode);
    }
    for (const r of data.routingRules) {
      expect(departments.has(r.leadDepartmentCode)).toBe(true);
      for (const co of r.coDepartmentCodes) expect(departments.has(co)).toBe(true);
      expect(data.categories.some((c) => c.code === r.categoryCode)).toBe(true);
      const areas = r.scope === 'grid' ? data.cells.map((c) => c.code) : data.geo.areas.map((a) => a.code);
      expect(areas).toContain(r.areaCode);
    }
  });

  it('has the category tree of the reference with well-formed codes under their majors', () => {
    const codes = data.categories.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of ['01003', '01076', '02014', '03005', '04013', '05009', '06010', '06042', '07001', '08004', '09012', '10002']) expect(codes).toContain(code);
    for (const c of data.categories.filter((x) => x.level === 'minor')) {
      expect(c.code).toMatch(/^\d{5}$/);
      expect(codes).toContain(c.parentCode);
      expect(c.deadlines.handle).toBeGreaterThan(0);
      expect(c.nameEn.length).toBeGreaterThan(0);
    }
    expect(MINORS.find((m) => m.code === '01003')!.lead).toBe('SZ');
  });

  it('gives every office department the 2026 holidays and make-up days, and command centers 24/7', () => {
    expect(HOLIDAYS_2026).toContain('2026-10-01');
    expect(MAKEUP_WORKDAYS_2026).toContain('2026-10-10');
    const sz = data.departments.find((d) => d.code === 'SZ')!;
    expect(sz.calendar.holidays).toEqual(HOLIDAYS_2026);
    expect(sz.calendar.hours).toEqual([
      { start: '09:00', end: '12:00' },
      { start: '13:30', end: '17:30' },
    ]);
    for (const d of data.departments.filter((x) => x.level === 'street')) expect(d.calendar.hours).toEqual([{ start: '00:00', end: '24:00' }]);
    expect(data.departments.filter((d) => d.level === 'street').length).toBe(data.geo.areas.filter((a) => a.level === 'street').length);
  });

  it('has the demo accounts, staff for every department and one worker per 3–5 cells', () => {
    const byName = new Map(data.users.map((u) => [u.username, u]));
    for (const [username, account] of Object.entries(DEMO_ACCOUNTS)) expect(byName.get(username)?.role).toBe(account.role);
    expect(byName.get('dept-sz')!.departmentCode).toBe('SZ');
    for (const d of data.departments) expect(data.users.some((u) => u.departmentCode === d.code)).toBe(true);
    const workers = data.users.filter((u) => u.role === 'worker');
    for (const w of workers) expect(w.gridCodes.length).toBeGreaterThanOrEqual(3);
    for (const w of workers) expect(w.gridCodes.length).toBeLessThanOrEqual(7);
    expect(workers.reduce((s, w) => s + w.gridCodes.length, 0)).toBe(data.cells.length);
    for (const c of data.cells) expect(c.workerIds).toHaveLength(1);
    expect(new Set(data.users.map((u) => u.username)).size).toBe(data.users.length);
  });

  it('places at least 200 devices of every type, each inside the grid cell it names', () => {
    expect(data.devices.length).toBeGreaterThanOrEqual(200);
    for (const t of DEVICE_TYPES) expect(data.devices.filter((d) => d.type === t).length).toBeGreaterThan(0);
    const index = new GridIndex(data.cells);
    for (const d of data.devices) {
      const hit = index.locate(d.lng, d.lat, 0);
      expect(hit?.distanceM, d.deviceId).toBe(0);
      expect(hit?.gridCode, d.deviceId).toBe(d.gridCode);
      expect(data.categories.some((c) => c.code === d.categoryCode)).toBe(true);
    }
    const demo = data.devices.find((d) => d.deviceId === 'demo-cover-001')!;
    expect(data.users.find((u) => u.username === 'worker-01')!.gridCodes).toContain(demo.gridCode);
    expect(new Set(data.devices.map((d) => d.deviceId)).size).toBe(data.devices.length);
  });

  it('draws a basemap with main roads, minor roads, blocks and water', () => {
    const layers = new Map(data.basemap.layers.map((l) => [l._id, l.features.length]));
    for (const id of ['main-roads', 'minor-roads', 'blocks', 'water']) expect(layers.get(id)).toBeGreaterThan(0);
    expect(JSON.stringify(data.basemap.layers).length).toBeLessThan(8_000_000);
  });
});
