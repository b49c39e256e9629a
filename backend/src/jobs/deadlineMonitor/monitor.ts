import cron from 'node-cron';
import { AppError, SYSTEM_PRINCIPAL, type Clock } from '../../kernel/index.js';
import type { Incident } from '../../models/index.js';
import { incidentPolicy, writeIncidentChange, type CommandDeps } from '../../incidents/index.js';
import { departmentCalendar } from '../../reference/index.js';
import { holdMonitorLease, MONITOR_LEASE } from './lease.js';
import { nextDeadlineStep } from './steps.js';

/** Incidents read per query; the monitor keeps reading until nothing is due. */
const BATCH = 200;
/** Steps one incident may take in one run (warning, breach, three rungs, supervision: 6 at most today). */
const MAX_STEPS = 12;

export interface MonitorReport {
  /** False when another instance held the lease: this run did nothing. */
  ran: boolean;
  incidents: number;
  events: Record<string, number>;
}

export interface MonitorOptions {
  /** Who this instance is (lease holder id). */
  holder: string;
  logger?: { warn(obj: unknown, msg?: string): void; info(obj: unknown, msg?: string): void };
}

/**
 * One pass of the deadline monitor at `now`: under the `deadline-monitor` lease,
 * takes every deadline step due by `now` (warning, breach, escalation rung,
 * missed supervision reply) on every incident whose `monitorAt` has come, each
 * as its own versioned write with one event. Idempotent, so a pass after
 * downtime catches up and two instances never write a step twice.
 */
export async function runMonitorOnce(deps: CommandDeps, now: Date = deps.clock.now(), options: MonitorOptions = { holder: 'monitor' }): Promise<MonitorReport> {
  const report: MonitorReport = { ran: false, incidents: 0, events: {} };
  const at: Clock = { now: () => now };
  const runDeps: CommandDeps = { ...deps, clock: at };
  const ran = await holdMonitorLease(deps, options.holder, now, async () => {
    const ladder = (await incidentPolicy(deps.conn)).escalation;
    const seen: Incident['_id'][] = [];
    for (;;) {
      const due = await deps.models.Incident.find({ monitorAt: { $lte: now }, _id: { $nin: seen } })
        .sort({ monitorAt: 1 })
        .limit(BATCH)
        .lean<Incident[]>();
      if (!due.length) break;
      for (const incident of due) {
        seen.push(incident._id);
        report.incidents++;
        await stepIncident(runDeps, incident, now, ladder, report).catch((err) => {
          options.logger?.warn({ err, incidentId: String(incident._id) }, 'deadline monitor: incident skipped');
        });
      }
    }
  });
  report.ran = ran;
  return report;
}

async function stepIncident(deps: CommandDeps, first: Incident, now: Date, ladder: Parameters<typeof nextDeadlineStep>[2], report: MonitorReport): Promise<void> {
  let incident: Incident | null = first;
  for (let n = 0; incident && n < MAX_STEPS; n++) {
    const cal = await departmentCalendar(deps.models, incident.clock?.departmentCode);
    const change = nextDeadlineStep(incident, now, ladder, cal);
    if (!change) return;
    try {
      incident = await writeIncidentChange(deps, incident, change, SYSTEM_PRINCIPAL);
      report.events[change.type] = (report.events[change.type] ?? 0) + 1;
    } catch (err) {
      // Someone acted on the case meanwhile (or another instance took the step): read it again and decide afresh.
      if (!(err instanceof AppError) || err.code !== 'stale_version') throw err;
      incident = await deps.models.Incident.findById(first._id).lean<Incident>();
    }
  }
}

/**
 * Starts the monitor: one catch-up pass now, then a pass every minute
 * (node-cron). Returns `stop()`, which waits for a running pass to finish.
 */
export function startDeadlineMonitor(deps: CommandDeps, options: MonitorOptions & { schedule?: string }): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const pass = () => {
    if (busy) return; // a slow pass is still going: skip this tick rather than pile up
    busy = true;
    running = runMonitorOnce(deps, deps.clock.now(), options)
      .catch((err) => options.logger?.warn({ err }, 'deadline monitor pass failed'))
      .finally(() => (busy = false));
  };
  pass();
  const task = cron.schedule(options.schedule ?? '* * * * *', pass, { name: MONITOR_LEASE });
  return {
    async stop() {
      await task.stop();
      await running;
    },
  };
}
