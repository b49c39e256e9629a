import { TooManyRequests } from '../kernel/index.js';

const HOUR_MS = 3_600_000;

/**
 * Service requests per client application and hour, counted in memory in a
 * fixed window: enough for one backend instance (behind several, each counts
 * its own share, so a client gets at most n × its limit).
 */
export class ClientRateLimit {
  private readonly windows = new Map<string, { start: number; count: number }>();

  /** Counts one request of `client` at `nowMs`; 429 with Retry-After once `limit` fell in the current hour. */
  hit(client: string, limit: number, nowMs: number): void {
    let w = this.windows.get(client);
    if (!w || nowMs - w.start >= HOUR_MS) {
      w = { start: nowMs, count: 0 };
      this.windows.set(client, w);
    }
    if (w.count >= limit) throw new TooManyRequests(`this api_key may submit ${limit} service requests per hour; try again later`, Math.ceil((w.start + HOUR_MS - nowMs) / 1000));
    w.count++;
  }
}
