import type { CommandDeps } from '../incidents/actionTypes.js';

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
  const expiresAt = new Date(now.getTime() + MONITOR_LEASE_MS);
  try {
    const got = await deps.models.Lease.findOneAndUpdate(
      { _id: MONITOR_LEASE, $or: [{ expiresAt: { $lte: now } }, { holder }] },
      { $set: { holder, expiresAt } },
      { upsert: true, returnDocument: 'after' },
    ).lean();
    if (!got || got.holder !== holder) return false;
  } catch (err) {
    if ((err as { code?: number }).code === 11000) return false; // held by another instance: the upsert collided with its document
    throw err;
  }
  try {
    await work();
  } finally {
    await deps.models.Lease.updateOne({ _id: MONITOR_LEASE, holder }, { $set: { expiresAt: now } });
  }
  return true;
}
