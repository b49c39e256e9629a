import type { Types } from 'mongoose';
import type { Models } from '../models/index.js';
import type { DomainEvent } from '../kernel/index.js';

const BATCH = 200;

/** Takes the next value of a named counter (atomic $inc, created on first use). */
export async function nextSeq(models: Pick<Models, 'Counter'>, name = 'events'): Promise<number> {
  const counter = await models.Counter.findOneAndUpdate({ _id: name }, { $inc: { value: 1 } }, { upsert: true, returnDocument: 'after' }).lean();
  return counter!.value;
}

/**
 * Moves events from incident outboxes into `events`, each with the next `seq`,
 * then pulls them from the outbox. Idempotent on the event id: after a crash
 * between the two steps the event is found already appended and only pulled,
 * never appended twice. Returns how many events it appended.
 */
export async function relayOutboxes(models: Pick<Models, 'Incident' | 'Event' | 'Counter'>): Promise<number> {
  let appended = 0;
  for (;;) {
    const pending = await models.Incident.find({ 'outbox.0.id': { $exists: true } }, { outbox: 1 })
      .limit(BATCH)
      .lean<{ _id: Types.ObjectId; outbox: DomainEvent[] }[]>();
    if (pending.length === 0) return appended;
    for (const incident of pending) {
      const ids: string[] = [];
      for (const event of incident.outbox) {
        ids.push(event.id);
        const exists = await models.Event.exists({ id: event.id });
        if (exists) continue;
        try {
          await models.Event.create({ ...event, seq: await nextSeq(models) });
          appended++;
        } catch (err) {
          if ((err as { code?: number }).code !== 11000) throw err;
        }
      }
      await models.Incident.updateOne({ _id: incident._id }, { $pull: { outbox: { id: { $in: ids } } } });
    }
  }
}
