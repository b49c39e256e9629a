// When to try a held message again, and when to stop trying.

export interface RetryPolicy {
  minMs: number;
  maxMs: number;
  /** Give up on a message only after this long, and only while the backend answers other messages. */
  giveUpMs: number;
}

/** The wait before attempt `failures + 1`: doubling from minMs, capped at maxMs, with jitter so held messages do not retry in lockstep. */
export function nextRetryDelay(policy: RetryPolicy, failures: number, random: () => number = Math.random): number {
  const exp = Math.min(policy.maxMs, policy.minMs * 2 ** Math.max(0, failures - 1));
  return Math.max(1, Math.round(exp * (0.5 + random() * 0.5)));
}

/**
 * True when a message has failed for `giveUpMs` although the backend answered
 * something else since its first failure — it is this message, not an outage.
 * During an outage (no answers at all) messages are held indefinitely.
 */
export function shouldGiveUp(policy: RetryPolicy, firstFailureAt: number, backendAnsweredAt: number, now: number): boolean {
  return now - firstFailureAt >= policy.giveUpMs && backendAnsweredAt > firstFailureAt;
}
