// Prints p50/p95 of the command-center list queries over 100,000 incidents:
// open cases in a map viewport (bounding box), overdue cases of a department,
// a community's cases this week. Documents are bulk-inserted in the shape the
// incident commands write (bench shortcut); queries use the real list filter
// builder, sort and projection of GET /api/incidents.
// Run: npx tsx bench/incidentQueries.bench.ts   (MONGODB_URI=… to use a real MongoDB; N=… to change the size)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import mongoose, { Types } from 'mongoose';
import { allOf, LIST_PROJECTION, listFilter, ListQuery, SORTS } from '@onegrid/backend/incidents';
import { createModels, OPEN_STATUSES, type IncidentStatus } from '@onegrid/backend/models';

const N = Number(process.env.N ?? 100_000);
const RUNS = 200;
const ORIGIN = { lng: 116.3, lat: 39.85 };
const SPAN = { lng: 0.12, lat: 0.09 }; // ≈ 10 km × 10 km
const DEPTS = Array.from({ length: 12 }, (_, i) => `D${String(i + 1).padStart(2, '0')}`);
const COMMUNITIES = Array.from({ length: 100 }, (_, i) => `110101${String(1 + Math.floor(i / 10)).padStart(3, '0')}${String(1 + (i % 10)).padStart(3, '0')}`);
const CATEGORIES = ['01001', '01003', '01037', '03005', '06010', '06012', '06013', '06028', '06042', '07001', '08004', '09006', '09009', '10001'];
const NOW = new Date('2026-11-23T04:00:00Z');
const DAY = 86_400_000;

let seed = 7;
const rnd = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)];

function incident(n: number) {
  const reportedAt = new Date(NOW.getTime() - rnd() * 90 * DAY);
  const ageDays = (NOW.getTime() - reportedAt.getTime()) / DAY;
  // Recent cases are mostly open; old ones mostly closed: about 12 % open overall.
  const open = rnd() < (ageDays < 3 ? 0.7 : ageDays < 14 ? 0.12 : 0.03);
  const status: IncidentStatus = open ? pick(['reported', 'dispatched', 'in_progress', 'in_progress', 'verifying'] as const) : pick(['closed', 'evaluated', 'evaluated', 'rejected', 'merged'] as const);
  const community = pick(COMMUNITIES);
  const lead = pick(DEPTS);
  const co = rnd() < 0.15 ? [pick(DEPTS.filter((d) => d !== lead))] : [];
  const dueAt = new Date(reportedAt.getTime() + (0.5 + rnd() * 3) * DAY);
  const running = open && status !== 'reported' && status !== 'verifying';
  const assignments = status === 'reported' ? [] : [lead, ...co].map((d, k) => ({ departmentCode: d, role: k ? 'co' : 'lead', status: running ? 'in_progress' : 'resolved', assignedAt: reportedAt, dueAt }));
  return {
    _id: new Types.ObjectId(),
    code: `B${n}`,
    trackingCode: `T${n}`,
    status,
    open: OPEN_STATUSES.includes(status),
    version: 3,
    source: pick(['device', 'worker', 'worker', 'resident', 'operator'] as const),
    idempotencyKey: `bench:${n}`,
    categoryCode: pick(CATEGORIES),
    severity: pick(['critical', 'major', 'minor', 'minor', 'warning'] as const),
    title: '暴露垃圾',
    description: '路边垃圾堆放 bench case',
    searchTerms: ['路边', '边垃', '垃圾', '圾堆', '堆放', 'bench', 'case'],
    lng: ORIGIN.lng + rnd() * SPAN.lng,
    lat: ORIGIN.lat + rnd() * SPAN.lat,
    gridCode: `${community}${String(1 + Math.floor(rnd() * 25)).padStart(3, '0')}`,
    communityCode: community,
    streetCode: community.slice(0, 9),
    unlocated: false,
    photos: [],
    assignments,
    departmentCodes: [lead, ...co],
    ...(open && status !== 'reported' ? { clock: { stage: status === 'verifying' ? 'verify' : 'handle', startedAt: reportedAt, warnAt: dueAt, dueAt, departmentCode: lead, escalationLevel: 0 } } : {}),
    timeline: [{ eventId: `e${n}`, type: 'incident.reported', at: reportedAt, to: 'reported' }],
    outbox: [],
    duplicateIds: [],
    reportedAt,
    createdAt: reportedAt,
    updatedAt: reportedAt,
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main() {
  let stopStore: (() => Promise<void>) | undefined;
  let dataDir: string | undefined;
  let uri = process.env.MONGODB_URI ?? '';
  if (!uri) {
    dataDir = mkdtempSync(join(tmpdir(), 'onegrid-bench-'));
    const { startEmbeddedStore } = await import('@onegrid/backend/store');
    const store = await startEmbeddedStore({ dataDir, host: '127.0.0.1', port: 0 });
    uri = store.uri;
    stopStore = () => store.stop();
  }
  const base = new URL(uri);
  base.pathname = `/bench_incidents_${Date.now()}`;
  const conn = await mongoose.createConnection(base.toString()).asPromise();
  const models = createModels(conn);
  await models.Incident.init();

  let t = performance.now();
  for (let i = 0; i < N; i += 5_000) {
    const batch = Array.from({ length: Math.min(5_000, N - i) }, (_, k) => incident(i + k));
    await models.Incident.collection.insertMany(batch as never[], { ordered: false });
  }
  console.log(`seeded ${N.toLocaleString('en-US')} incidents in ${((performance.now() - t) / 1000).toFixed(1)} s (${(await models.Incident.countDocuments({ open: true })).toLocaleString('en-US')} open)`);

  const weekStart = new Date(NOW.getTime() - 7 * DAY);
  const queries: [string, () => Record<string, string>][] = [
    [
      'open cases in a 1 km × 1 km bounding box',
      () => {
        const lng = ORIGIN.lng + rnd() * (SPAN.lng - 0.012);
        const lat = ORIGIN.lat + rnd() * (SPAN.lat - 0.009);
        return { open: 'true', bbox: `${lng},${lat},${lng + 0.012},${lat + 0.009}`, limit: '500' };
      },
    ],
    ['overdue cases of a department', () => ({ departmentCode: pick(DEPTS), overdue: 'true', sort: 'dueAt', limit: '100' })],
    ["a community's cases this week", () => ({ communityCode: pick(COMMUNITIES), since: weekStart.toISOString(), limit: '100' })],
  ];

  for (const [label, params] of queries) {
    const times: number[] = [];
    let rows = 0;
    for (let r = 0; r < RUNS + 20; r++) {
      const q = ListQuery.parse(params());
      const [field, dir] = SORTS[q.sort];
      t = performance.now();
      const docs = await models.Incident.find(allOf(listFilter(q, NOW)), LIST_PROJECTION).sort({ [field]: dir, _id: dir }).limit(q.limit + 1).lean();
      const ms = performance.now() - t;
      if (r < 20) continue; // warm-up
      times.push(ms);
      rows += docs.length;
    }
    times.sort((a, b) => a - b);
    // How one such query is answered: the index and the documents read for the rows returned.
    const q = ListQuery.parse(params());
    const [field, dir] = SORTS[q.sort];
    const explained = (await models.Incident.find(allOf(listFilter(q, NOW)), LIST_PROJECTION).sort({ [field]: dir, _id: dir }).limit(q.limit + 1).explain('executionStats')) as unknown as {
      queryPlanner: { winningPlan: { inputStage?: { indexName?: string }; indexName?: string; stage: string } };
      executionStats: { totalDocsExamined: number; nReturned: number };
    };
    const plan = explained.queryPlanner.winningPlan;
    const how = `${plan.inputStage?.indexName ?? plan.indexName ?? plan.stage}, ${explained.executionStats.totalDocsExamined} read for ${explained.executionStats.nReturned}`;
    console.log(`${label.padEnd(44)} p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(6)} ms   max ${times[times.length - 1].toFixed(1).padStart(6)} ms   (avg ${(rows / RUNS).toFixed(0)} rows; ${how})`);
  }

  await conn.dropDatabase();
  await conn.close();
  await stopStore?.();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
