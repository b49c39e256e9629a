import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDbUri } from '../../tests/support/db.js';
import { insertResumed } from './bulkHistory.js';
import type { Incident } from '@onegrid/backend/models';

describe('insertResumed (a resumed bulk history)', () => {
  let client: MongoClient;
  beforeAll(async () => {
    client = await MongoClient.connect(freshDbUri('bulk').uri);
  });
  afterAll(async () => client?.close());

  it('inserts the rest of a chunk the store had partly taken, skipping the identical clones already there', async () => {
    const coll = client.db().collection('incidents');
    const docs = Array.from({ length: 5 }, (_, i) => ({ _id: `clone-${i}`, code: `C${i}` })) as unknown as Incident[];
    await coll.insertMany(docs.slice(0, 3) as never[]);
    await insertResumed(coll as never, docs);
    expect(await coll.countDocuments()).toBe(5);
  });

  it('still fails on any other error', async () => {
    const failing = { insertMany: async () => Promise.reject(Object.assign(new Error('disk full'), { writeErrors: [{ code: 11000 }, { code: 14031 }] })) };
    await expect(insertResumed(failing, [])).rejects.toThrow('disk full');
    const down = { insertMany: async () => Promise.reject(new Error('connection closed')) };
    await expect(insertResumed(down, [])).rejects.toThrow('connection closed');
  });
});
