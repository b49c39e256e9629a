import type { Connection } from 'mongoose';
import { AppError, SYSTEM_PRINCIPAL, type Principal } from '@onegrid/backend/kernel';
import { principalOf } from '@onegrid/backend/auth';
import { nextDeadlineStep, runMonitorOnce } from '@onegrid/backend/jobs';
import { createGeoService } from '@onegrid/backend/places';
import { applyAction, incidentPolicy, rateIncident, writeIncidentChange, type CommandDeps, type IncidentAction } from '@onegrid/backend/incidents';
import { createModels, type Device, type GridCell, type Incident, type User } from '@onegrid/backend/models';
import { departmentCalendar } from '@onegrid/backend/reference';
import { OUTCOME_WEIGHTS, SOURCE_WEIGHTS, minuteOfDay, type Outcome } from './historyPlan.js';
import { reportPast, type ReportWorld } from './historyReports.js';
import { progress, type LogOption } from './progress.js';
import { Rng } from './random.js';
import { SimClock, type ScriptContext } from './simClock.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export interface HistoryOptions {
  /** Days of past activity ending at `until`. */
  days: number;
  /** Average cases reported per day. */
  perDay: number;
  /** End of the history (default: now, to the minute). */
  until?: Date;
  seed?: string;
  log?: LogOption;
  /** Stops the history after the current time slot (a partial history stays; the result says `aborted`). */
  signal?: AbortSignal;
}

export interface HistorySummary {
  skipped: boolean;
  reported: number;
  actions: number;
  errors: number;
  firstError?: string;
  /** True when `signal` stopped the history before its end. */
  aborted?: boolean;
}

/** Marks the message ids of seeded history, so a second run finds it and writes nothing. */
const MESSAGE_PREFIX = 'hist-';

/** One past case being played: its script context, deps on its own clock, the incident as last stored. */
interface Case {
  ctx: ScriptContext;
  deps: CommandDeps;
  r: Rng;
  incident: Incident;
}

/**
 * Writes a plausible past through the lifecycle commands (report, accept,
 * dispatch, start, return, postpone, resolve, verify, close, reopen, evaluate,
 * rate), each at its own simulated instant, with the deadline monitor's own
 * steps (warning, breach, escalation) taken for each case the moment they fall
 * due and a final monitor pass at `until`. Mostly closed on time; some late,
 * returned, postponed, reopened or rejected; many rated. Seeded, with intake
 * in time order: the same cases, times and outcomes on every run (generated
 * ids and tracking codes come from the commands). Skipped when the history
 * exists already.
 */
export async function seedHistory(conn: Connection, opts: HistoryOptions): Promise<HistorySummary> {
  const models = createModels(conn);
  if (await models.Incident.exists({ idempotencyKey: { $regex: `:${MESSAGE_PREFIX}\\d+$` } })) return { skipped: true, reported: 0, actions: 0, errors: 0 };
  const until = new Date(Math.floor((opts.until ?? new Date()).getTime() / MIN) * MIN);
  const start = new Date(until.getTime() - opts.days * DAY);
  const sim = new SimClock(start, 2 * HOUR);
  const base: CommandDeps = { conn, models, clock: { now: () => until }, geo: await createGeoService(models), bus: { notify: () => undefined, onAppended: () => () => undefined } };
  const users = await models.User.find({}).lean<(User & { _id: unknown })[]>();
  const principals = new Map(users.map((u) => [u.username, principalOf(u)]));
  const cells = await models.GridCell.find({}, { code: 1, centroid: 1, _id: 0 }).sort({ code: 1 }).lean<GridCell[]>();
  const world: ReportWorld = {
    devices: await models.Device.find({}, { deviceId: 1, type: 1, _id: 0 }).sort({ deviceId: 1 }).lean<Device[]>(),
    cells,
    cellByCode: new Map(cells.map((c) => [c.code, c])),
    workers: users.filter((u) => u.role === 'worker').map((u) => principals.get(u.username)!).sort((a, b) => a.username.localeCompare(b.username)),
    operator: principals.get('commander')!,
  };
  const actor = { commander: principals.get('commander')!, supervisor: principals.get('supervisor')!, admin: principals.get('admin')! };
  const ladder = (await incidentPolicy(conn)).escalation;
  const summary: HistorySummary = { skipped: false, reported: 0, actions: 0, errors: 0 };

  const rng = new Rng(`${opts.seed ?? 'onegrid'}:history`);
  for (let d = 0, n = 0; d < opts.days; d++) {
    const dayStart = start.getTime() + d * DAY;
    const count = Math.round(opts.perDay * rng.range(0.75, 1.25) * (isWeekend(dayStart) ? 0.8 : 1));
    for (let k = 0; k < count; k++, n++) {
      const id = n;
      const r = rng.fork(`case:${id}`);
      const at = localMidnight(dayStart) + minuteOfDay(r) * MIN;
      if (at < start.getTime() || at >= until.getTime()) continue;
      sim.spawn(
        (ctx) => lifecycle(ctx, id, at, r),
        (err) => {
          summary.errors++;
          summary.firstError ??= `case ${id}: ${(err as Error).message}`;
          if (process.env.SEED_DEBUG) console.error(`case ${id}:`, err);
        },
      );
    }
  }
  const bar = progress(opts.log, 'history (days)', opts.days);
  await sim.run(until, (at) => bar.tick(Math.min(opts.days, Math.floor((at.getTime() - start.getTime()) / DAY))), opts.signal);
  if (opts.signal?.aborted) {
    bar.done(`stopped early: ${summary.reported} cases, ${summary.actions} actions`);
    return { ...summary, aborted: true };
  }
  await runMonitorOnce(base, until, { holder: 'seed-history' });
  bar.done(`${summary.reported} cases, ${summary.actions} actions, ${summary.errors} errors`);
  return summary;

  async function lifecycle(ctx: ScriptContext, id: number, at: number, r: Rng): Promise<void> {
    await ctx.wait(at, true);
    const deps: CommandDeps = { ...base, clock: ctx.clock };
    const outcome = r.weighted(OUTCOME_WEIGHTS);
    const source = r.weighted(SOURCE_WEIGHTS);
    const c: Case = { ctx, deps, r, incident: await reportPast(deps, world, source, `${MESSAGE_PREFIX}${id}`, r, ctx.clock.now()) };
    summary.reported++;
    if (c.incident.status === 'merged') return;
    if (c.incident.status === 'reported') {
      if (outcome === 'rejected') return act(c, actor.commander, 'reject', { reason: r.pick(['重复上报', '不属于受理范围', '现场核实无此问题']) }, [5, 40]);
      if (r.chance(0.5)) await act(c, actor.commander, 'accept', {}, outcome === 'late' && r.chance(0.3) ? [35, 90] : [3, 25]);
      await act(c, actor.commander, 'dispatch', {}, [2, 15]);
    }
    if (outcome === 'returned') {
      const lead = c.incident.assignments.find((a) => a.role === 'lead')!;
      await act(c, deptPrincipal(lead.departmentCode), 'return', { reason: '非本部门职责，请重新派遣' }, [30, 180]);
      const other = r.pick(['CG', 'SZ', 'HW'].filter((code) => code !== lead.departmentCode));
      await act(c, actor.commander, 'dispatch', { leadDepartmentCode: other, coDepartmentCodes: [] }, [10, 40]);
    }
    await handle(c, outcome);
    if (outcome === 'reopened') {
      await verify(c, 'failed');
      await act(c, actor.commander, 'reopen', { reason: '核查未通过：问题仍然存在' }, [10, 60]);
      await handle(c, 'on_time');
    }
    await verify(c, 'passed');
    await act(c, actor.commander, 'close', {}, [10, 60]);
    if (source === 'resident') {
      await ctx.wait(ctx.clock.now().getTime() + r.range(4, 48) * HOUR);
      const value = r.weighted({ satisfied: 72, basically: 20, dissatisfied: 8 });
      c.incident = await rateIncident(deps, c.incident.trackingCode, { value, comment: value === 'dissatisfied' ? '处理不及时' : undefined });
      summary.actions++;
      if (c.incident.status === 'reopened') {
        await handle(c, 'on_time');
        await verify(c, 'passed');
        await act(c, actor.commander, 'close', {}, [10, 60]);
      }
    } else if (r.chance(0.4)) {
      await act(c, actor.commander, 'evaluate', { rating: r.weighted({ satisfied: 80, basically: 15, dissatisfied: 5 }) }, [60, 600]);
    }
  }

  /** Waits a random delay, takes the deadline steps due by then, then runs one action on the case. */
  async function act(c: Case, p: Principal, action: IncidentAction, body: Record<string, unknown>, delayMin: [number, number]): Promise<void> {
    const at = c.ctx.clock.now().getTime() + c.r.range(delayMin[0], delayMin[1]) * MIN;
    await catchUpDeadlines(c, at);
    await c.ctx.wait(at);
    c.incident = await applyAction(c.deps, p, String(c.incident._id), action, { version: c.incident.version, ...body });
    summary.actions++;
  }

  /** The monitor's steps for this case alone, each at the instant it fell due (as a monitor running every instant would). */
  async function catchUpDeadlines(c: Case, until: number): Promise<void> {
    for (let guard = 0; guard < 10; guard++) {
      const due = c.incident.monitorAt ? new Date(c.incident.monitorAt).getTime() : Infinity;
      if (due > until) return;
      await c.ctx.wait(due);
      const cal = await departmentCalendar(c.deps.models, c.incident.clock?.departmentCode);
      const change = nextDeadlineStep(c.incident, c.ctx.clock.now(), ladder, cal);
      if (!change) return;
      try {
        c.incident = await writeIncidentChange(c.deps, c.incident, change, SYSTEM_PRINCIPAL);
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== 'stale_version') throw err;
        c.incident = (await c.deps.models.Incident.findById(c.incident._id).lean<Incident>())!;
      }
    }
  }

  /** Department staff start and resolve each active assignment (co-handlers first); a late case resolves past its deadline. */
  async function handle(c: Case, outcome: Outcome): Promise<void> {
    const active = () => c.incident.assignments.filter((a) => a.status === 'assigned' || a.status === 'in_progress');
    for (const a of active()) if (a.status === 'assigned') await act(c, deptPrincipal(a.departmentCode), 'start', {}, [10, 90]);
    if (outcome === 'postponed') {
      const lead = active().find((a) => a.role === 'lead');
      if (lead) {
        await act(c, deptPrincipal(lead.departmentCode), 'postpone', { extraMinutes: 840, reason: '需协调产权单位，申请延期' }, [30, 120]);
        if (c.r.chance(0.8)) await act(c, actor.supervisor, 'approve-postpone', {}, [20, 120]);
        else await act(c, actor.supervisor, 'deny-postpone', { reason: '不符合延期条件' }, [20, 120]);
      }
    }
    const order = [...active()].sort((x, y) => (x.role === y.role ? 0 : x.role === 'co' ? -1 : 1)).map((a) => a.departmentCode);
    for (const code of order) {
      const a = active().find((x) => x.departmentCode === code);
      if (!a?.dueAt) continue;
      const span = new Date(a.dueAt).getTime() - new Date(a.assignedAt).getTime();
      const target = new Date(a.assignedAt).getTime() + span * (outcome === 'late' ? c.r.range(1.1, 2.2) : c.r.range(0.25, 0.9));
      const wait = Math.max(5, (target - c.ctx.clock.now().getTime()) / MIN);
      if (outcome === 'late') {
        await catchUpDeadlines(c, target);
        if (c.incident.clock?.escalationLevel && !c.incident.clock.acknowledgedAt) await act(c, actor.supervisor, 'acknowledge', { note: '已督促责任单位加快处置' }, [5, 30]);
      }
      await act(c, deptPrincipal(code), 'resolve', { note: '已处置完毕', photos: [`seed://photos/${String(c.incident._id)}/${code}.jpg`] }, [wait, wait + 1]);
    }
  }

  /** The grid worker of the cell checks on site (核查); the command center stands in when the cell has none. */
  async function verify(c: Case, result: 'passed' | 'failed'): Promise<void> {
    if (c.incident.status !== 'verifying') return;
    const workerId = c.incident.verification?.workerIds[0];
    const p = (workerId && principals.get(workerId)) || actor.commander;
    await act(c, p, 'verify', { result, note: result === 'passed' ? '现场核查已整改' : '现场核查仍未整改' }, [30, 240]);
  }

  function deptPrincipal(code: string): Principal {
    return principals.get(`dept-${code.toLowerCase()}`) ?? actor.admin;
  }
}

function isWeekend(t: number): boolean {
  const day = new Date(t + 8 * HOUR).getUTCDay();
  return day === 0 || day === 6;
}

/** The instant of Beijing midnight of the day containing t. */
function localMidnight(t: number): number {
  return Math.floor((t + 8 * HOUR) / DAY) * DAY - 8 * HOUR;
}
