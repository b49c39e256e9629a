import { acquireLease, releaseLease } from '../../bus/index.js';
import type { CommandDeps } from '../../incidents/index.js';

/** The lease name the deadline monitor holds while it runs a pass (also its cron task name). */
export const MONITOR_LEASE = 'cron:deadline-monitor';
/** How long a pass may hold the lease before another instance may take over (a crashed holder frees it by expiry). */
export const MONITOR_LEASE_MS = 55_000;

/**
 * Runs `work` only while holding the monitor lease (one `leases` document,
 * taken atomically when free or expired), so two instances never run a pass at
 * the same time; returns false without running when another holder has it.
 */
export async function holdMonitorLease(deps: Pick<CommandDeps, 'models'>, holder: string, now: Date, work: () => Promise<void>): Promise<boolean> {
  if (!(await acquireLease(deps.models, MONITOR_LEASE, holder, MONITOR_LEASE_MS, now))) return false;
  try {
    await work();
  } finally {
    await releaseLease(deps.models, MONITOR_LEASE, holder);
  }
  return true;
}
