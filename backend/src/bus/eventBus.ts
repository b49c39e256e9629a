import type { Logger } from 'pino';
import type { EventBus } from '../deps.js';
import type { Models } from '../models/index.js';
import type { StoredEvent } from '../kernel/index.js';
import { relayOutboxes } from './relay.js';

export interface RunningEventBus extends EventBus {
  /** Resolves when the relay and the tail have caught up with everything notified so far (tests, shutdown). */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The in-process bus: notify() runs the relay at once (coalescing bursts);
 * a tail reads `events` past the last seq it delivered and hands each to the
 * listeners, so events appended by other instances arrive too (by polling).
 */
export function startEventBus(models: Pick<Models, 'Incident' | 'Event' | 'Counter'>, logger: Logger, pollMs = 1000): RunningEventBus {
  const listeners = new Set<(event: StoredEvent) => void>();
  let lastSeq = -1;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  async function initTail(): Promise<void> {
    if (lastSeq >= 0) return;
    const last = await models.Event.findOne({}, { seq: 1 }).sort({ seq: -1 }).lean();
    lastSeq = last?.seq ?? 0;
  }

  async function pass(): Promise<void> {
    await initTail();
    await relayOutboxes(models);
    const fresh = await models.Event.find({ seq: { $gt: lastSeq } }).sort({ seq: 1 }).limit(1000).lean<StoredEvent[]>();
    for (const event of fresh) {
      lastSeq = event.seq;
      for (const l of listeners) {
        try {
          l(event);
        } catch (err) {
          logger.error({ err }, 'bus: listener failed');
        }
      }
    }
    if (fresh.length === 1000) again = true;
  }

  function run(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await pass();
        } catch (err) {
          if (!stopped) logger.error({ err }, 'bus: relay pass failed; retrying on the next poll');
        }
      } while (again && !stopped);
    })().finally(() => (running = null));
    return running;
  }

  const timer = setInterval(() => void run(), pollMs);
  timer.unref();
  void run();

  return {
    notify: () => void run(),
    onAppended(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async settle() {
      while (running) await running;
      await run();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      while (running) await running;
    },
  };
}
