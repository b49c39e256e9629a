import mongoose, { type Connection } from 'mongoose';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newEvent, type StoredEvent } from '@onegrid/backend/kernel';
import { acquireLease, nextSeq, startConsumer } from '@onegrid/backend/bus';
import { createModels, type Models } from '@onegrid/backend/models';
import { CountingBus } from '../support/fixtures.js';
import { freshDbUri } from '../support/db.js';

describe('bus consumers: checkpoints and leases', () => {
  let conn: Connection;
  let models: Models;
  const logger = pino({ level: 'silent' });
  beforeAll(async () => {
    conn = await mongoose.createConnection(freshDbUri('consumer').uri).asPromise();
    models = createModels(conn);
    await Promise.all(Object.values(models).map((m) => m.init()));
  });
  afterAll(async () => conn?.close());

  async function append(type: string): Promise<void> {
    await models.Event.create({ ...newEvent({ type, aggregate: 'system', aggregateId: 'x', at: new Date(), data: {}, scope: { departmentCodes: [], gridCodes: [] } }), seq: await nextSeq(models) });
  }

  it('handles each event once in seq order, keeps its checkpoint, and resumes after a restart', async () => {
    for (let i = 0; i < 5; i++) await append(i % 2 ? 'b' : 'a');
    const seen: number[] = [];
    const handle = async (e: StoredEvent) => void seen.push(e.seq);
    const first = startConsumer({ models, bus: new CountingBus(), logger }, { name: 'stats', holder: 'one', handle, types: ['a'] });
    await first.drain();
    expect(seen).toHaveLength(3);
    expect([...seen].sort((x, y) => x - y)).toEqual(seen);
    await first.stop();
    await append('a');
    const second = startConsumer({ models, bus: new CountingBus(), logger }, { name: 'stats', holder: 'two', handle, types: ['a'] });
    await second.drain();
    expect(seen).toHaveLength(4);
    expect((await models.Checkpoint.findOne({ _id: 'stats' }).lean())!.seq).toBe(Math.max(...seen));
    await second.stop();
  });

  it('lets only the lease holder of a group run; the other takes over once the lease expires', async () => {
    const t0 = new Date('2026-11-23T00:00:00Z');
    expect(await acquireLease(models, 'g', 'a', 1000, t0)).toBe(true);
    expect(await acquireLease(models, 'g', 'b', 1000, new Date(t0.getTime() + 500))).toBe(false);
    expect(await acquireLease(models, 'g', 'a', 1000, new Date(t0.getTime() + 500))).toBe(true);
    expect(await acquireLease(models, 'g', 'b', 1000, new Date(t0.getTime() + 1600))).toBe(true);
  });

  it('does not advance past an event whose handler failed, and retries it', async () => {
    await append('fragile');
    let calls = 0;
    const consumer = startConsumer({ models, bus: new CountingBus(), logger }, {
      name: 'fragile',
      holder: 'x',
      types: ['fragile'],
      handle: async () => {
        calls++;
        if (calls === 1) throw new Error('downstream unavailable');
      },
    });
    await consumer.drain();
    await consumer.drain();
    expect(calls).toBe(2);
    const last = await models.Event.findOne({}).sort({ seq: -1 }).lean();
    expect((await models.Checkpoint.findOne({ _id: 'fragile' }).lean())!.seq).toBe(last!.seq);
    await consumer.stop();
  });
});
