import type { Logger } from 'pino';
import type { BackendClient } from './backendClient.js';
import { nextRetryDelay, type RetryPolicy } from './retryPolicy.js';

// Downlinks to assignees (e.g. verification tasks on `workers/{id}/tasks`).
// The follower long-polls the backend for the downlinks after its checkpoint,
// publishes each with QoS 1, and acknowledges the batch only once the broker
// has accepted every one: a gateway that stops or crashes mid-batch sends the
// rest (and perhaps some again) after its restart, never none. Payloads carry
// a `taskId` for the receiver to drop repeats.

export interface PulledDownlink {
  topic: string;
  payload: unknown;
}

interface PullAnswer {
  leased: boolean;
  downlinks: PulledDownlink[];
  upTo: number;
}

export interface DownlinkFollowerOptions {
  backend: BackendClient;
  /** Publishes QoS 1; resolves once the broker accepted the message. */
  publish(topic: string, payload: unknown): Promise<void>;
  /** This gateway instance (one holder at a time gets the backend's lease). */
  holder: string;
  logger: Logger;
  retry: Pick<RetryPolicy, 'minMs' | 'maxMs'>;
  /** Long-poll window of one pull. */
  waitMs?: number;
  /** Wait before asking again while another gateway holds the lease. */
  standbyMs?: number;
  batch?: number;
}

export interface DownlinkFollower {
  /** Downlinks published since start. */
  published(): number;
  stop(): Promise<void>;
}

function isPullAnswer(body: unknown): body is PullAnswer {
  const b = body as PullAnswer | undefined;
  return typeof b === 'object' && b !== null && typeof b.leased === 'boolean' && Array.isArray(b.downlinks) && typeof b.upTo === 'number';
}

/** Starts following; it runs until stop() and survives any backend or broker failure by retrying. */
export function startDownlinkFollower(options: DownlinkFollowerOptions): DownlinkFollower {
  const { backend, logger } = options;
  const waitMs = options.waitMs ?? 20_000;
  const stopping = new AbortController();
  let published = 0;
  let failures = 0;

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        stopping.signal.removeEventListener('abort', done);
        resolve();
      }
      stopping.signal.addEventListener('abort', done);
    });

  async function failed(what: string, reason: string): Promise<void> {
    failures += 1;
    const delay = nextRetryDelay({ ...options.retry, giveUpMs: Infinity }, failures);
    if (failures === 1 || failures % 10 === 0) logger.warn({ reason, failures, retryInMs: delay }, `downlinks: ${what} failed; retrying`);
    await pause(delay);
  }

  /** One round: pull, publish, acknowledge. */
  async function round(): Promise<void> {
    const pulled = await backend.post(
      '/api/ingest/downlinks/pull',
      { holder: options.holder, limit: options.batch ?? 100, waitMs },
      { timeoutMs: waitMs + 10_000, signal: stopping.signal },
    );
    if (stopping.signal.aborted) return;
    if (pulled.kind !== 'ok' || !isPullAnswer(pulled.body)) {
      return failed('pull', pulled.kind === 'ok' ? 'unexpected answer' : pulled.kind === 'rejected' ? pulled.error.message : pulled.reason);
    }
    const answer = pulled.body;
    if (!answer.leased) return pause(options.standbyMs ?? 5_000);
    for (const downlink of answer.downlinks) {
      try {
        await options.publish(downlink.topic, downlink.payload);
      } catch (err) {
        return failed('publish', (err as Error).message);
      }
      published += 1;
    }
    if (answer.downlinks.length > 0) logger.info({ count: answer.downlinks.length, upTo: answer.upTo }, 'downlinks published');
    const acked = await backend.post('/api/ingest/downlinks/ack', { holder: options.holder, seq: answer.upTo }, { signal: stopping.signal });
    if (stopping.signal.aborted) return;
    if (acked.kind !== 'ok') return failed('acknowledge', acked.kind === 'rejected' ? acked.error.message : acked.reason);
    failures = 0;
  }

  const loop = (async () => {
    while (!stopping.signal.aborted) {
      try {
        await round();
      } catch (err) {
        await failed('round', (err as Error).message);
      }
    }
  })();

  return {
    published: () => published,
    async stop() {
      stopping.abort();
      // A publish waiting for a broker that is gone is not waited for: unacknowledged, it is pulled again next start.
      await Promise.race([loop, new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
      // Hand the feed over at once rather than after the lease expires; if the backend is gone, expiry does it.
      await backend.post('/api/ingest/downlinks/release', { holder: options.holder }, { timeoutMs: 2_000 }).catch(() => undefined);
    },
  };
}
