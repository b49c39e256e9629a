import type { Models } from '../models/index.js';

/**
 * Takes or renews the lease `name` for `holder` until now + ttlMs, atomically:
 * it succeeds when the lease is free, expired, or already this holder's.
 * Returns false when another live holder has it.
 */
export async function acquireLease(models: Pick<Models, 'Lease'>, name: string, holder: string, ttlMs: number, now = new Date()): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ttlMs);
  try {
    const lease = await models.Lease.findOneAndUpdate(
      { _id: name, $or: [{ expiresAt: { $lte: now } }, { holder }] },
      { $set: { holder, expiresAt } },
      { upsert: true, returnDocument: 'after' },
    ).lean();
    return lease?.holder === holder;
  } catch (err) {
    if ((err as { code?: number }).code === 11000) return false; // another holder's live lease: the upsert collided with it
    throw err;
  }
}

/** Gives the lease up at once (so another instance need not wait for expiry). */
export async function releaseLease(models: Pick<Models, 'Lease'>, name: string, holder: string): Promise<void> {
  await models.Lease.updateOne({ _id: name, holder }, { $set: { expiresAt: new Date(0) } });
}
