import type { Connection } from 'mongoose';
import { caseDay } from '@onegrid/backend/incidents';
import { createModels, type Incident, type IncidentStatus } from '@onegrid/backend/models';
import { cloneIncident, type ClonePlace } from './cloneIncident.js';
import { seedHistory, type HistorySummary } from './history.js';
import { progress, type LogOption } from './progress.js';
import { Rng } from './random.js';
import type { ReferenceData } from './referenceData.js';

const WEEK = 7 * 86_400_000;
const CHUNK = 2000;
/** The counter document recording how many clones were written (so a re-run or a resumed run writes only the rest). */
const PROGRESS_ID = 'seed:bulk-history';

export interface BulkHistoryOptions {
  days: number;
  /** Cases per day in total (templates + clones). */
  perDay: number;
  /** Cases played through the commands to serve as templates. */
  templates?: number;
  /** Clone only templates in these states (default: any). The demo clones finished cases only, so the open work on the map stays the played cases. */
  cloneStatuses?: readonly IncidentStatus[];
  signal?: AbortSignal;
  until?: Date;
  seed?: string;
  log?: LogOption;
}

/**
 * City-scale history: a few hundred cases are played through the lifecycle
 * commands (seedHistory), then cloned (cloneIncident) to `days × perDay`
 * cases spread over the window and the city, written with insertMany in
 * chunks. Every clone is a document the commands wrote, moved in time by whole
 * weeks and to another cell. Resumable and idempotent via a progress counter.
 */
export async function seedBulkHistory(conn: Connection, data: ReferenceData, opts: BulkHistoryOptions): Promise<HistorySummary & { cloned: number }> {
  const models = createModels(conn);
  const total = Math.round(opts.days * opts.perDay);
  const templateCount = opts.templates ?? 300;
  const until = Math.floor((opts.until ?? new Date()).getTime() / 60_000) * 60_000;
  const played = await seedHistory(conn, { days: opts.days, perDay: templateCount / opts.days, until: new Date(until), seed: opts.seed, log: opts.log, signal: opts.signal });
  if (played.aborted) return { ...played, cloned: 0 };
  const status = opts.cloneStatuses ? { $in: [...opts.cloneStatuses] } : { $ne: 'merged' as const };
  const templates = (await models.Incident.find({ idempotencyKey: { $regex: ':hist-\\d+$' }, status, duplicateIds: { $size: 0 } }).sort({ idempotencyKey: 1 }).lean<Incident[]>()).filter(
    (t) => !t.unlocated,
  );
  const done = ((await models.Counter.findById(PROGRESS_ID).lean())?.value as number | undefined) ?? 0;
  const clones = Math.max(0, total - templates.length);
  if (!templates.length || done >= clones) return { ...played, cloned: 0 };

  const start = until - opts.days * 86_400_000;
  const cells = data.cells;
  const devicesByCategory = new Map<string, typeof data.devices>();
  for (const d of data.devices) {
    const list = devicesByCategory.get(d.categoryCode);
    if (list) list.push(d);
    else devicesByCategory.set(d.categoryCode, [d]);
  }
  const cellByCode = new Map(cells.map((c) => [c.code, c]));
  const dayCounters = new Map<string, number>();
  for (const c of await models.Counter.find({ _id: { $regex: '^case:' } }).lean()) dayCounters.set(String(c._id).slice(5), c.value);
  const bar = progress(opts.log, 'bulk incidents', clones);
  const rng = new Rng(`${opts.seed ?? 'onegrid'}:bulk`);
  let writing: Promise<void> = Promise.resolve();
  for (let n = 0; n < clones && !opts.signal?.aborted; n += CHUNK) {
    const docs: Incident[] = [];
    for (let i = n; i < Math.min(clones, n + CHUNK); i++) {
      const r = rng.fork(`clone:${i}`);
      const t = templates[r.int(0, templates.length - 1)];
      const first = new Date(t.reportedAt).getTime();
      const last = Math.max(first, new Date(t.updatedAt).getTime());
      const kMin = Math.ceil((start - first) / WEEK);
      const kMax = Math.floor((until - last) / WEEK);
      const shift = (kMax >= kMin ? r.int(kMin, kMax) : 0) * WEEK;
      const place = placeFor(t, r);
      const day = caseDay(new Date(first + shift));
      const seq = (dayCounters.get(day) ?? 0) + 1;
      dayCounters.set(day, seq);
      if (i >= done) docs.push(cloneIncident(t, i, shift, place, `${day}-${String(seq).padStart(6, '0')}`));
    }
    // The store writes this chunk while the next one is built (the two processes use both cores).
    await writing;
    const upTo = Math.min(clones, n + CHUNK);
    writing = (async () => {
      if (docs.length) await insertResumed(models.Incident.collection, docs);
      await models.Counter.updateOne({ _id: PROGRESS_ID }, { $set: { value: upTo } }, { upsert: true });
      bar.tick(upTo);
    })();
  }
  await writing;
  await models.Counter.bulkWrite([...dayCounters].map(([day, value]) => ({ updateOne: { filter: { _id: `case:${day}` }, update: { $max: { value } }, upsert: true } })));
  bar.done();
  return { ...played, cloned: clones - done };

  function placeFor(t: Incident, r: Rng): ClonePlace {
    const device = t.deviceId ? devicesByCategory.get(t.categoryCode)?.[r.int(0, (devicesByCategory.get(t.categoryCode)?.length ?? 1) - 1)] : undefined;
    const cell = device?.gridCode ? cellByCode.get(device.gridCode)! : cells[r.int(0, cells.length - 1)];
    const dLng = device ? 0 : t.lng - (cellByCode.get(t.gridCode ?? '')?.centroid.lng ?? t.lng);
    const dLat = device ? 0 : t.lat - (cellByCode.get(t.gridCode ?? '')?.centroid.lat ?? t.lat);
    return {
      lng: Math.round(((device?.lng ?? cell.centroid.lng) + Math.max(-3e-4, Math.min(3e-4, dLng))) * 1e7) / 1e7,
      lat: Math.round(((device?.lat ?? cell.centroid.lat) + Math.max(-3e-4, Math.min(3e-4, dLat))) * 1e7) / 1e7,
      gridCode: cell.code,
      communityCode: cell.communityCode,
      streetCode: cell.streetCode,
      workerIds: cell.workerIds,
      deviceId: device?.deviceId,
    };
  }
}

/**
 * Inserts a chunk of clones; a chunk interrupted after the store took part of
 * it (the progress counter is written after the chunk) is inserted again on
 * resume, and the clones already there, identical, are skipped.
 */
export async function insertResumed(collection: { insertMany(docs: never[], options: { ordered: false }): Promise<unknown> }, docs: Incident[]): Promise<void> {
  try {
    await collection.insertMany(docs as never[], { ordered: false });
  } catch (err) {
    const writeErrors = (err as { writeErrors?: { code?: number }[] | { code?: number } }).writeErrors;
    const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
    if (list.length === 0 || list.some((e) => e.code !== 11000)) throw err;
  }
}
