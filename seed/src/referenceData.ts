import type { Category, Department, RoutingRule } from '@onegrid/backend/models';
import { buildBasemap, type Basemap } from './basemap.js';
import { buildCategories, buildRoutingRules } from './categories.js';
import { buildDevices, type DeviceSeed } from './devices.js';
import { buildGeography, type CellSeed, type Geography, type GeographyProgress, type Scale } from './geography.js';
import { buildDepartments } from './organisation.js';
import { Rng } from './random.js';
import { buildStaff, type UserSeed, type WorkerPlan } from './staff.js';

/** Per scale: how many devices and how grid cells are shared among workers. */
export const SCALE_PLANS: Record<Scale, { devices: number; workers: WorkerPlan }> = {
  tiny: { devices: 40, workers: { cellsPerWorker: [3, 5] } },
  demo: { devices: 240, workers: { cellsPerWorker: [3, 5] } },
  city: { devices: 100_000, workers: { workers: 20_000 } },
};

/** Everything the seed writes except incidents, before any hashing. */
export interface ReferenceData {
  scale: Scale;
  geo: Geography;
  basemap: Basemap;
  departments: Department[];
  categories: Category[];
  routingRules: RoutingRule[];
  users: UserSeed[];
  /** Grid cells with their workers' usernames. */
  cells: (CellSeed & { workerIds: string[] })[];
  devices: DeviceSeed[];
}

/** Builds the whole reference data set of a scale, purely and deterministically from `seed`. */
export function buildReferenceData(scale: Scale, seed = 'onegrid', onGeography?: GeographyProgress): ReferenceData {
  const geo = buildGeography(scale, seed, onGeography);
  const basemap = buildBasemap(geo, seed);
  const departments = buildDepartments(geo.areas);
  const categories = buildCategories();
  const plan = SCALE_PLANS[scale];
  const { users, cellWorkers } = buildStaff(geo.cells, departments, new Rng(`${seed}:staff:${scale}`), plan.workers);
  const cells = geo.cells.map((c) => ({ ...c, workerIds: cellWorkers.get(c.code) ?? [] }));
  const worker01 = users.find((u) => u.username === 'worker-01')!;
  const demoCell = geo.cells.find((c) => c.code === worker01.gridCodes[0])!;
  const devices = buildDevices(geo, basemap, plan.devices, demoCell, seed);
  const firstCommunity = geo.areas.find((a) => a.level === 'community')!;
  const routingRules = buildRoutingRules({ code: firstCommunity.code, streetCode: firstCommunity.parentCode! }, geo.cells[0].code);
  return { scale, geo, basemap, departments, categories, routingRules, users, cells, devices };
}
