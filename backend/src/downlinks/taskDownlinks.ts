import { Conflict, type StoredEvent } from '../kernel/index.js';
import { acquireLease, releaseLease } from '../bus/index.js';
import type { AppDeps } from '../deps.js';
import type { Incident } from '../models/index.js';

// MQTT downlinks to assignees. The gateway follows the event bus through the
// backend: it pulls the downlinks due after the consumer's checkpoint,
// publishes them (QoS 1) and acknowledges the batch, which advances the
// checkpoint. The checkpoint lives here, in the store, so gateways stay
// stateless and a restarted gateway resumes where the last one stopped; one
// gateway at a time holds the group's lease, so several never send twice.
//
// Today's downlink: the verification task (核查) of `incident.verifying`,
// sent to `workers/{username}/tasks` of every grid worker of the case's cell.

export const DOWNLINK_CONSUMER = 'mqtt-downlinks';
const LEASE_NAME = `consumer:${DOWNLINK_CONSUMER}`;
const DOWNLINK_EVENT_TYPES = ['incident.verifying'];
/** How often a waiting pull looks for events other instances appended (in-process appends wake it at once). */
const POLL_MS = 1_000;

/** The payload of `workers/{username}/tasks`. `taskId` is stable across redeliveries (at least once): dedupe on it. */
export interface VerificationTask {
  taskId: string;
  kind: 'verify';
  seq: number;
  incidentId: string;
  code: string;
  title: string;
  categoryCode: string;
  lng: number;
  lat: number;
  gridCode?: string;
  address?: string;
  requestedAt: string;
  /** When the check is due (working time of the verify stage), if the case has a clock. */
  dueAt?: string;
}

export interface Downlink {
  topic: string;
  payload: VerificationTask;
}

export interface DownlinkBatch {
  /** False when another gateway holds the lease: this one should wait and ask again later. */
  leased: boolean;
  downlinks: Downlink[];
  /** Acknowledge this seq once every downlink is published; the next pull starts after it. */
  upTo: number;
}

export interface PullOptions {
  holder: string;
  limit: number;
  /** Long poll: wait up to this long for a downlink when none is due. */
  waitMs: number;
  leaseMs: number;
  signal?: AbortSignal;
}

type Deps = Pick<AppDeps, 'models' | 'bus'>;

async function latestSeq(deps: Deps): Promise<number> {
  const last = await deps.models.Event.findOne({}, { seq: 1 }).sort({ seq: -1 }).lean<{ seq: number }>();
  return last?.seq ?? 0;
}

/**
 * The checkpoint, created on the very first pull at the newest event: tasks
 * from before any gateway ran stay in the workers' "my work" queue rather than
 * arriving as a burst of stale downlinks.
 */
async function checkpoint(deps: Deps): Promise<number> {
  const found = await deps.models.Checkpoint.findOne({ _id: DOWNLINK_CONSUMER }).lean();
  if (found) return found.seq;
  const seq = await latestSeq(deps);
  await deps.models.Checkpoint.updateOne({ _id: DOWNLINK_CONSUMER }, { $setOnInsert: { seq }, $set: { updatedAt: new Date() } }, { upsert: true });
  return (await deps.models.Checkpoint.findOne({ _id: DOWNLINK_CONSUMER }).lean())?.seq ?? seq;
}

/** One task per grid worker of a case still waiting for its check; a case checked or closed since sends nothing. */
async function tasksOf(deps: Deps, events: StoredEvent[]): Promise<Downlink[]> {
  if (events.length === 0) return [];
  const ids = [...new Set(events.map((e) => e.aggregateId))];
  const open = await deps.models.Incident.find({ _id: { $in: ids }, status: 'verifying', 'verification.result': { $exists: false } })
    .select({ code: 1, title: 1, categoryCode: 1, lng: 1, lat: 1, gridCode: 1, address: 1, clock: 1, verification: 1 })
    .lean<Incident[]>();
  const byId = new Map(open.map((i) => [String(i._id), i]));
  const downlinks: Downlink[] = [];
  for (const event of events) {
    const incident = byId.get(event.aggregateId);
    if (!incident) continue;
    const workerIds = Array.isArray(event.data.workerIds) ? (event.data.workerIds as unknown[]).filter((w): w is string => typeof w === 'string') : [];
    for (const worker of workerIds) {
      downlinks.push({
        topic: `workers/${worker}/tasks`,
        payload: {
          taskId: event.id,
          kind: 'verify',
          seq: event.seq,
          incidentId: event.aggregateId,
          code: incident.code,
          title: incident.title,
          categoryCode: incident.categoryCode,
          lng: incident.lng,
          lat: incident.lat,
          gridCode: incident.gridCode,
          address: incident.address,
          requestedAt: new Date(event.at).toISOString(),
          dueAt: incident.clock?.dueAt ? new Date(incident.clock.dueAt).toISOString() : undefined,
        },
      });
    }
  }
  return downlinks;
}

/** Resolves after `ms`, or earlier when the bus appends an event or the signal aborts. */
function nextChance(deps: Deps, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      unsubscribe();
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    const unsubscribe = deps.bus.onAppended((e) => DOWNLINK_EVENT_TYPES.includes(e.type) && done());
    signal?.addEventListener('abort', done);
  });
}

/** The downlinks due after the checkpoint (waiting up to `waitMs` for one), for the holder of the group's lease. */
export async function pullDownlinks(deps: Deps, opts: PullOptions): Promise<DownlinkBatch> {
  const deadline = Date.now() + opts.waitMs;
  // The lease is taken once, for the whole wait: a pull whose gateway went away
  // (or released the feed while this request was still waiting) must not take it back.
  if (opts.signal?.aborted || !(await acquireLease(deps.models, LEASE_NAME, opts.holder, opts.leaseMs + opts.waitMs))) {
    return { leased: false, downlinks: [], upTo: 0 };
  }
  let after = await checkpoint(deps);
  for (;;) {
    // The newest seq is read first, so no event appended meanwhile is skipped by `upTo`.
    const newest = await latestSeq(deps);
    const events = await deps.models.Event.find({ seq: { $gt: after, $lte: newest }, type: { $in: DOWNLINK_EVENT_TYPES } })
      .sort({ seq: 1 })
      .limit(opts.limit)
      .lean<StoredEvent[]>();
    const full = events.length === opts.limit;
    const upTo = Math.max(after, full ? events[events.length - 1].seq : newest);
    const downlinks = await tasksOf(deps, events);
    // A full batch returns even without downlinks (all stale), so the checkpoint moves on at once.
    if (downlinks.length > 0 || full || Date.now() >= deadline || opts.signal?.aborted) return { leased: true, downlinks, upTo };
    after = upTo; // nothing due up to here: the wait goes on from there
    await nextChance(deps, Math.min(POLL_MS, deadline - Date.now()), opts.signal);
  }
}

/** Advances the checkpoint to `seq` (never backwards) for the lease holder; a gateway that lost its lease gets 409. */
export async function ackDownlinks(deps: Deps, holder: string, seq: number, leaseMs: number): Promise<number> {
  if (!(await acquireLease(deps.models, LEASE_NAME, holder, leaseMs))) {
    throw new Conflict('another gateway holds the downlink lease; pull again', 'lease_lost');
  }
  const newest = await latestSeq(deps);
  await deps.models.Checkpoint.updateOne({ _id: DOWNLINK_CONSUMER }, { $max: { seq: Math.min(seq, newest) }, $set: { updatedAt: new Date() } }, { upsert: true });
  return (await deps.models.Checkpoint.findOne({ _id: DOWNLINK_CONSUMER }).lean())?.seq ?? 0;
}

/** Gives the feed up at once (a gateway stopping cleanly), so another gateway need not wait for the lease to expire. */
export async function releaseDownlinks(deps: Deps, holder: string): Promise<void> {
  await releaseLease(deps.models, LEASE_NAME, holder);
}
