import type { Logger } from 'pino';
import type { BackendClient } from './backendClient.js';
import type { DeferredAcks, Delivery } from './deferredAck.js';
import type { AckPayload, Handler, HandlerContext, InboundMessage, Outcome } from './handlers/handler.js';
import { messageIdInPayload } from './handlers/steps.js';
import { nextRetryDelay, shouldGiveUp, type RetryPolicy } from './retryPolicy.js';
import { ackTopic, parseTopic } from './topics.js';

// Runs each delivery through its handler, at most `concurrency` at a time,
// and does what the outcome says: acknowledge (after replying to the sender)
// or hold the message unacknowledged and retry it with back-off. A held
// message never blocks the others: it waits on a timer, not in the line.
// If the connection that delivered it drops, the broker redelivers it on the
// next one, so the held copy is let go (the backend dedupes by message id).

export interface DeliveryQueueOptions {
  handlers: readonly Handler[];
  backend: BackendClient;
  logger: Logger;
  acks: DeferredAcks;
  reply: (topic: string, payload: AckPayload) => void;
  concurrency: number;
  retry: RetryPolicy;
  now?: () => number;
}

export interface DeliveryQueue {
  /** Takes one delivery from the broker; never throws. */
  submit(delivery: Delivery): void;
  /** Messages received and not yet acknowledged or dropped (running, queued or waiting to retry). */
  held(): number;
  /** Stops taking work, cancels retries, and waits up to `timeoutMs` for running handlers. */
  stop(timeoutMs: number): Promise<void>;
}

interface Job {
  delivery: Delivery;
  message: InboundMessage;
  handler: Handler;
  failures: number;
  firstFailureAt?: number;
}

/** Creates the queue between the MQTT client and the handlers. */
export function createDeliveryQueue(options: DeliveryQueueOptions): DeliveryQueue {
  const { logger, retry } = options;
  const now = options.now ?? Date.now;
  const queue: Job[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let waiting = 0;
  let running = 0;
  let stopped = false;
  let backendAnsweredAt = 0;
  let idle: (() => void) | undefined;

  const backend: BackendClient = {
    async post(path, body) {
      const res = await options.backend.post(path, body);
      if (res.kind !== 'unavailable') backendAnsweredAt = now();
      return res;
    },
  };
  const ctx: HandlerContext = { backend, logger, nowIso: () => new Date(now()).toISOString() };

  const stale = (job: Job) => job.delivery.packet.qos === 1 && job.delivery.connection !== options.acks.connection();

  function finish(job: Job, outcome: Extract<Outcome, { action: 'ack' }>) {
    const { message } = job;
    if (outcome.reply) options.reply(ackTopic(message.owner, message.id), outcome.reply);
    options.acks.ack(job.delivery);
    const log = { topic: message.topic, messageId: outcome.reply?.messageId, attempts: job.failures + 1 };
    if (outcome.reply && !outcome.reply.ok) logger.warn({ ...log, error: outcome.reply.error }, 'uplink rejected');
    else if (job.failures > 0) logger.info(log, 'uplink delivered after retries');
    else logger.debug(log, 'uplink delivered');
  }

  function hold(job: Job, reason: string) {
    job.failures += 1;
    job.firstFailureAt ??= now();
    const log = { topic: job.message.topic, failures: job.failures, reason };
    if (shouldGiveUp(retry, job.firstFailureAt, backendAnsweredAt, now())) {
      logger.error({ ...log, payload: job.message.payload.toString('utf8').slice(0, 2000) }, 'uplink given up: the backend keeps failing on it');
      const messageId = messageIdInPayload(job.message.payload);
      const reply: AckPayload = { messageId, ok: false, error: { code: 'backend_failed', message: 'the platform could not process this message' } };
      return finish(job, { action: 'ack', reply });
    }
    if (job.delivery.packet.qos !== 1) return logger.warn(log, 'QoS 0 uplink dropped: backend unavailable');
    if (job.failures === 1 || job.failures % 10 === 0) logger.warn(log, 'uplink held for retry: backend unavailable');
    const delay = nextRetryDelay(retry, job.failures);
    waiting += 1;
    const timer = setTimeout(() => {
      timers.delete(timer);
      waiting -= 1;
      enqueue(job);
    }, delay);
    timers.add(timer);
  }

  async function run(job: Job) {
    running += 1;
    try {
      const outcome = await job.handler.handle(job.message, ctx).catch(
        (err: unknown): Outcome => ({ action: 'retry', reason: `handler failed: ${(err as Error).message}` }),
      );
      if (stopped) return;
      // On a dropped connection the answer still goes out, but the PUBACK cannot
      // (ack() refuses): the broker redelivers and the backend says duplicate.
      if (outcome.action === 'ack') finish(job, outcome);
      else if (!stale(job)) hold(job, outcome.reason);
    } catch (err) {
      logger.error({ err, topic: job.message.topic }, 'uplink handling failed; the broker redelivers it after a reconnect');
    } finally {
      running -= 1;
      pump();
    }
  }

  function pump() {
    while (!stopped && running < options.concurrency && queue.length > 0) {
      const job = queue.shift() as Job;
      if (stale(job)) logger.debug({ topic: job.message.topic }, 'held uplink let go: the broker redelivers it');
      else void run(job);
    }
    if (running === 0 && idle) idle();
  }

  function enqueue(job: Job) {
    if (stopped) return;
    queue.push(job);
    pump();
  }

  return {
    submit(delivery) {
      const parts = parseTopic(delivery.packet.topic);
      const handler = parts && options.handlers.find((h) => h.owner === parts.owner && h.channel === parts.channel);
      if (!parts || !handler) {
        logger.warn({ topic: delivery.packet.topic }, 'uplink on an unknown topic acknowledged and ignored');
        options.acks.ack(delivery);
        return;
      }
      const payload = Buffer.isBuffer(delivery.packet.payload) ? delivery.packet.payload : Buffer.from(delivery.packet.payload);
      const message: InboundMessage = { topic: delivery.packet.topic, owner: parts.owner, id: parts.id, payload, retain: !!delivery.packet.retain };
      enqueue({ delivery, message, handler, failures: 0 });
    },
    held: () => queue.length + running + waiting,
    async stop(timeoutMs) {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      waiting = 0;
      queue.length = 0;
      if (running === 0) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        idle = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    },
  };
}
