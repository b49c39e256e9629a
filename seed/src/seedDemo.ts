import type { Connection } from 'mongoose';
import { createModels } from '@onegrid/backend/models';
import type { Scale } from './geography.js';
import { seedBulkHistory } from './bulkHistory.js';
import { seedHistory, type HistorySummary } from './history.js';
import { progress, type LogOption } from './progress.js';
import { buildReferenceData } from './referenceData.js';
import type { UpsertCounts } from './upsert.js';
import { writeReferenceData } from './writeReference.js';

export interface SeedOptions {
  scale: Scale;
  /** Days of past incidents; default 90 at demo and city scale, 0 (none) at tiny scale. */
  history?: number;
  /** Average cases per day of history, played and cloned together (default: tiny 6, demo 36, city 11,200). */
  historyPerDay?: number;
  /** End of the history (default now); fixed in tests so the history is the same. */
  until?: Date;
  /** Seed of every random choice (default 'onegrid'). */
  seed?: string;
  /** Secret device tokens derive from (default: the demo secret, see secrets.ts). */
  secret?: string;
  log?: LogOption;
  /** Stops the history early (the reference data is written first and always whole). */
  signal?: AbortSignal;
}

export interface SeedSummary {
  scale: Scale;
  districts: number;
  streets: number;
  communities: number;
  gridCells: number;
  departments: number;
  categories: number;
  routingRules: number;
  users: number;
  workers: number;
  devices: number;
  basemapFeatures: number;
  written: Record<string, UpsertCounts>;
  history: HistorySummary | null;
  /** Milliseconds per step. */
  timings: Record<string, number>;
  elapsedMs: number;
  peakRssMB: number;
}

/** Cases per day in the history, by scale: tiny plays them all; demo and city play a few (PLAYED_PER_DAY) and clone the rest (bulkHistory.ts). */
const HISTORY_PER_DAY: Record<Scale, number> = { tiny: 6, demo: 36, city: 11_200 };
/** Cases per day played through the commands at demo scale (~330 over 90 days, every step with its events); the rest are finished cases cloned. */
const PLAYED_PER_DAY = 4;

/**
 * Seeds a database with the demo district at a scale: reference data upserted
 * by natural keys with fixed values, then a history of incidents. Deterministic
 * and idempotent: a second run changes no document. Callers with a GeoService
 * (the backend) should reload it afterwards.
 */
export async function seedDemo(conn: Connection, opts: SeedOptions): Promise<SeedSummary> {
  const started = Date.now();
  const timings: Record<string, number> = {};
  const log = opts.log;
  const say = (text: string) => (typeof log === 'function' ? log(text) : log ? process.stderr.write(`${text}\n`) : undefined);
  const time = async <T>(step: string, work: () => Promise<T> | T): Promise<T> => {
    const t = Date.now();
    const out = await work();
    timings[step] = Date.now() - t;
    say(`${step}: ${(timings[step] / 1000).toFixed(1)} s`);
    return out;
  };
  const models = createModels(conn);
  await time('indexes', () => Promise.all(Object.values(models).map((m) => m.init())));
  const geoBar = progress(log, 'geography', 1);
  const data = await time('build', () =>
    buildReferenceData(opts.scale, opts.seed, (done, total) => {
      geoBar.tick(done / total);
    }),
  );
  geoBar.done();
  const written = await time('reference', () => writeReferenceData(conn, data, { log, secret: opts.secret }));
  const days = opts.history ?? (opts.scale === 'tiny' ? 0 : 90);
  let history: HistorySummary | null = null;
  const perDay = opts.historyPerDay ?? HISTORY_PER_DAY[opts.scale];
  const common = { days, until: opts.until, seed: opts.seed, log, signal: opts.signal };
  if (days > 0 && opts.scale === 'city') {
    history = await time('history', () => seedBulkHistory(conn, data, { ...common, perDay }));
  } else if (days > 0 && opts.scale === 'demo' && perDay > PLAYED_PER_DAY) {
    const templates = Math.round(days * PLAYED_PER_DAY);
    history = await time('history', () => seedBulkHistory(conn, data, { ...common, perDay, templates, cloneStatuses: ['closed', 'evaluated'] }));
  } else if (days > 0) {
    history = await time('history', () => seedHistory(conn, { ...common, perDay }));
  }
  const areas = data.geo.areas;
  return {
    scale: opts.scale,
    districts: areas.filter((a) => a.level === 'district').length,
    streets: areas.filter((a) => a.level === 'street').length,
    communities: areas.filter((a) => a.level === 'community').length,
    gridCells: data.cells.length,
    departments: data.departments.length,
    categories: data.categories.length,
    routingRules: data.routingRules.length,
    users: data.users.length,
    workers: data.users.filter((u) => u.role === 'worker').length,
    devices: data.devices.length,
    basemapFeatures: data.basemap.layers.reduce((s, l) => s + l.features.length, 0),
    written,
    history,
    timings,
    elapsedMs: Date.now() - started,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}
