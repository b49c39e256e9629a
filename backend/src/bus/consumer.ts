import type { Logger } from 'pino';
import type { EventBus } from '../deps.js';
import type { Models } from '../models/index.js';
import type { StoredEvent } from '../kernel/index.js';
import { acquireLease, releaseLease } from './lease.js';

export interface ConsumerOptions {
  /** The consumer group: one checkpoint and one lease per name. */
  name: string;
  /** This instance's identity (several instances may run the same group; one holds the lease). */
  holder: string;
  /** Handles one event; must be idempotent (delivery is at least once). A throw stops the pass and retries later. */
  handle(event: StoredEvent): Promise<void>;
  /** Only events of these types reach handle (all others still advance the checkpoint). */
  types?: string[];
  pollMs?: number;
  leaseMs?: number;
  batch?: number;
}

export interface RunningConsumer {
  /** Runs one pass now (tests); resolves when it ends. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A durable consumer of `events`: reads past its checkpoint `{ _id: name, seq }`
 * in seq order, handles each event, then advances the checkpoint, so a
 * restart resumes where it stopped (at least once). Only the instance holding
 * the group's lease runs; in-process appends wake it at once, otherwise it polls.
 */
export function startConsumer(deps: { models: Pick<Models, 'Event' | 'Checkpoint' | 'Lease'>; bus: EventBus; logger: Logger }, opts: ConsumerOptions): RunningConsumer {
  const { models, logger } = deps;
  const leaseName = `consumer:${opts.name}`;
  const leaseMs = opts.leaseMs ?? 30_000;
  const types = opts.types ? new Set(opts.types) : null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  async function pass(): Promise<void> {
    if (!(await acquireLease(models, leaseName, opts.holder, leaseMs))) return;
    const checkpoint = await models.Checkpoint.findOne({ _id: opts.name }).lean();
    let seq = checkpoint?.seq ?? 0;
    for (;;) {
      const events = await models.Event.find({ seq: { $gt: seq } }).sort({ seq: 1 }).limit(opts.batch ?? 500).lean<StoredEvent[]>();
      if (events.length === 0 || stopped) return;
      for (const event of events) {
        if (!types || types.has(event.type)) await opts.handle(event);
        seq = event.seq;
        await models.Checkpoint.updateOne({ _id: opts.name }, { $set: { seq, updatedAt: new Date() } }, { upsert: true });
      }
      await acquireLease(models, leaseName, opts.holder, leaseMs);
    }
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
          if (!stopped) logger.error({ err, consumer: opts.name }, 'consumer pass failed; retrying on the next poll');
        }
      } while (again && !stopped);
    })().finally(() => (running = null));
    return running;
  }

  const unsubscribe = deps.bus.onAppended(() => void run());
  const timer = setInterval(() => void run(), opts.pollMs ?? 2000);
  timer.unref();
  void run();
  return {
    drain: async () => {
      while (running) await running;
      await run();
    },
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      unsubscribe();
      while (running) await running;
      await releaseLease(models, leaseName, opts.holder).catch(() => undefined);
    },
  };
}
