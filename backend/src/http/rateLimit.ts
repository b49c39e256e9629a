import { TooManyRequests } from '../kernel/index.js';

/**
 * A fixed-window counter per key (client address) kept in memory: enough for
 * one backend instance; behind several instances each counts its own share.
 */
export class WindowRateLimit {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly windowMs: number,
    /** What is counted, for the 429 message ("too many complaints from this address"). */
    private readonly what = 'complaints',
  ) {}

  /** Counts one hit for `key` at `nowMs`; throws TooManyRequests once `limit` hits fell in the current window. */
  hit(key: string, limit: number, nowMs: number): void {
    let w = this.windows.get(key);
    if (!w || nowMs - w.start >= this.windowMs) {
      w = { start: nowMs, count: 0 };
      this.windows.set(key, w);
      if (this.windows.size > 10_000) this.prune(nowMs);
    }
    if (w.count >= limit) throw new TooManyRequests(`too many ${this.what} from this address; try again later`, Math.ceil((w.start + this.windowMs - nowMs) / 1000));
    w.count++;
  }

  private prune(nowMs: number): void {
    for (const [k, w] of this.windows) if (nowMs - w.start >= this.windowMs) this.windows.delete(k);
  }
}
