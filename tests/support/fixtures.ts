import mongoose, { type Connection } from 'mongoose';
import { ManualClock, type Principal, type StoredEvent } from '@onegrid/backend/kernel';
import type { EventBus } from '@onegrid/backend/deps';
import { createGeoService } from '@onegrid/backend/places';
import type { CommandDeps } from '@onegrid/backend/incidents';
import { createModels, type Models } from '@onegrid/backend/models';
import type { WorkingCalendar } from '@onegrid/backend/deadlines';
import { freshDbUri } from './db.js';

/**
 * A small district for incident tests: one street, two communities, four grid
 * cells (2 × 2, about 100 m × 100 m each) near 116.40 E 39.90 N, three
 * departments with Beijing-style office calendars (National Day 2026 off),
 * three categories (one routed to a lead with two co-handlers), and principals
 * of every role. Built through the models on a fresh database.
 */

export const ORIGIN = { lng: 116.4, lat: 39.9 };
/** About 100 m in each direction at this latitude. */
export const CELL = { dLng: 0.00117, dLat: 0.0009 };
export const STREET = '110101001';
export const COMMUNITY_A = '110101001001';
export const COMMUNITY_B = '110101001002';
/** Cells: A1 (north-west), A2 (north-east) in community A; B1 (south-west), B2 (south-east) in community B. */
export const GRID = { A1: '110101001001001', A2: '110101001001002', B1: '110101001002001', B2: '110101001002002' } as const;

/** Mon–Fri 09:00–12:00 and 13:30–17:30 Beijing time, National Day 1–7 Oct 2026 off, Sat 10 Oct 2026 worked (调休). */
export const OFFICE_CALENDAR: WorkingCalendar = {
  timeZone: 'Asia/Shanghai',
  workdays: [1, 2, 3, 4, 5],
  hours: [
    { start: '09:00', end: '12:00' },
    { start: '13:30', end: '17:30' },
  ],
  holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
  makeupWorkdays: ['2026-10-10'],
};

export const DEPT = { SZ: 'SZ', CG: 'CG', HB: 'HB' } as const;
/** 雨水井盖 (storm-drain cover): municipal facilities, auto-accepted from major sensor alarms, 6 working hours. */
export const CAT_COVER = '01003';
/** 暴露垃圾 (exposed rubbish): urban management, 4 working hours. */
export const CAT_RUBBISH = '06010';
/** 工地扬尘 (site dust): environment leads, urban management and municipal co-handle (联办). */
export const CAT_DUST = '08004';

export const PRINCIPALS = {
  admin: { id: 'u-admin', username: 'admin', role: 'admin', displayName: 'Admin' },
  commander: { id: 'u-commander', username: 'commander', role: 'commander', displayName: '王指挥' },
  supervisor: { id: 'u-supervisor', username: 'supervisor', role: 'supervisor', displayName: '李值班' },
  sz: { id: 'u-sz', username: 'dept-sz', role: 'department', displayName: '市政张工', departmentCode: 'SZ' },
  cg: { id: 'u-cg', username: 'dept-cg', role: 'department', displayName: '城管赵工', departmentCode: 'CG' },
  hb: { id: 'u-hb', username: 'dept-hb', role: 'department', displayName: '环保钱工', departmentCode: 'HB' },
  workerA: { id: 'u-worker-a', username: 'worker-a', role: 'worker', displayName: '孙网格', gridCodes: [GRID.A1, GRID.A2] },
  workerB: { id: 'u-worker-b', username: 'worker-b', role: 'worker', displayName: '周网格', gridCodes: [GRID.B1, GRID.B2] },
  gateway: { id: 'service', username: 'gateway', role: 'service', displayName: 'Device gateway' },
} satisfies Record<string, Principal>;

/** The centre of a cell, or a point offset from it by metres east/north. */
export function pointIn(cell: keyof typeof GRID, eastM = 0, northM = 0): { lng: number; lat: number } {
  const col = cell.endsWith('1') ? 0 : 1;
  const row = cell.startsWith('A') ? 0 : 1;
  return {
    lng: ORIGIN.lng + (col + 0.5) * CELL.dLng + eastM / (111_195 * Math.cos((ORIGIN.lat * Math.PI) / 180)),
    lat: ORIGIN.lat - (row + 0.5) * CELL.dLat + northM / 111_195,
  };
}

/** A bus that counts notifications and keeps no events: the relay is the platform's; tests read outboxes. */
export class CountingBus implements EventBus {
  notified = 0;
  notify(): void {
    this.notified++;
  }
  onAppended(_listener: (event: StoredEvent) => void): () => void {
    return () => undefined;
  }
}

export interface IncidentWorld {
  conn: Connection;
  models: Models;
  clock: ManualClock;
  bus: CountingBus;
  deps: CommandDeps;
  close(): Promise<void>;
}

export interface WorldOptions {
  /** Clock start (default Monday 28 Sep 2026 10:00 Beijing). */
  start?: Date | string;
  /** False turns fusion off in the categories' data (distance 0), for tests that report many cases at one spot. */
  fusion?: boolean;
}

/** Connects to a fresh database, seeds the small district and returns command deps with a ManualClock at `start`. */
export async function incidentWorld(options: WorldOptions = {}): Promise<IncidentWorld> {
  const start = options.start ?? '2026-09-28T02:00:00Z';
  const { uri } = freshDbUri('inc');
  const conn = await mongoose.createConnection(uri).asPromise();
  const models = createModels(conn);
  await Promise.all(Object.values(models).map((m) => m.init()));
  await seedDistrict(models);
  if (options.fusion === false) await models.Category.updateMany({}, { $set: { 'fusion.distanceM': 0 } });
  const geo = await createGeoService(models, 50);
  const clock = new ManualClock(start);
  const bus = new CountingBus();
  const deps: CommandDeps = { conn, models, clock, bus, geo };
  return { conn, models, clock, bus, deps, close: () => conn.close() };
}

function square(lng: number, lat: number) {
  const ring = [
    [lng, lat],
    [lng + CELL.dLng, lat],
    [lng + CELL.dLng, lat - CELL.dLat],
    [lng, lat - CELL.dLat],
    [lng, lat],
  ];
  return { type: 'Polygon' as const, coordinates: [ring] };
}

/** Writes the departments, categories and grid cells of the test district. */
export async function seedDistrict(models: Models): Promise<void> {
  await models.Department.insertMany([
    { code: DEPT.SZ, name: '市政', nameEn: 'Municipal facilities', level: 'district', parentCode: STREET, calendar: OFFICE_CALENDAR },
    { code: DEPT.CG, name: '城管', nameEn: 'Urban management', level: 'district', parentCode: STREET, calendar: OFFICE_CALENDAR },
    { code: DEPT.HB, name: '环保', nameEn: 'Environment', level: 'district', parentCode: STREET, calendar: OFFICE_CALENDAR },
  ]);
  const deadlines = (handle: number) => ({ accept: 30, dispatch: 30, handle, verify: 240 });
  await models.Category.insertMany([
    { code: CAT_COVER, kind: 'component', major: '01', level: 'minor', parentCode: '01', name: '雨水井盖', nameEn: 'Storm-drain cover', defaultSeverity: 'minor', autoAcceptSeverity: 'major', deadlines: deadlines(360), leadDepartmentCode: DEPT.SZ, coDepartmentCodes: [], fusion: { distanceM: 50, windowHours: 24 } },
    { code: CAT_RUBBISH, kind: 'event', major: '06', level: 'minor', parentCode: '06', name: '暴露垃圾', nameEn: 'Exposed rubbish', defaultSeverity: 'minor', deadlines: deadlines(240), leadDepartmentCode: DEPT.CG, coDepartmentCodes: [], fusion: { distanceM: 50, windowHours: 24 } },
    { code: CAT_DUST, kind: 'event', major: '08', level: 'minor', parentCode: '08', name: '工地扬尘', nameEn: 'Construction dust', defaultSeverity: 'major', deadlines: deadlines(480), leadDepartmentCode: DEPT.HB, coDepartmentCodes: [DEPT.CG, DEPT.SZ], fusion: { distanceM: 30, windowHours: 2 } },
  ]);
  const cells = (Object.keys(GRID) as (keyof typeof GRID)[]).map((name) => {
    const col = name.endsWith('1') ? 0 : 1;
    const row = name.startsWith('A') ? 0 : 1;
    const lng = ORIGIN.lng + col * CELL.dLng;
    const lat = ORIGIN.lat - row * CELL.dLat;
    const c = pointIn(name);
    return {
      code: GRID[name],
      name,
      communityCode: name.startsWith('A') ? COMMUNITY_A : COMMUNITY_B,
      streetCode: STREET,
      districtCode: '110101',
      geometry: square(lng, lat),
      centroid: { lng: c.lng, lat: c.lat },
      areaM2: 10_000,
      workerIds: name.startsWith('A') ? ['worker-a'] : ['worker-b'],
    };
  });
  await models.GridCell.insertMany(cells);
}
