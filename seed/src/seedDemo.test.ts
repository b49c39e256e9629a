import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EJSON } from 'bson';
import { verifySecret } from '@onegrid/backend/auth';
import { createModels } from '@onegrid/backend/models';
import { freshDbUri } from '../../tests/support/db.js';
import { seedDemo, type SeedSummary } from './seedDemo.js';
import { DEMO_DEVICE, deviceToken } from './secrets.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './staff.js';

const UNTIL = new Date('2026-10-12T04:00:00Z');

/** Every document of every collection, sorted, as canonical extended JSON. */
async function dump(conn: Connection): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const collections = await conn.db!.listCollections().toArray();
  for (const { name } of collections.sort((a, b) => a.name.localeCompare(b.name))) {
    const docs = await conn.db!.collection(name).find({}).sort({ _id: 1 }).toArray();
    out[name] = EJSON.stringify(docs, { relaxed: false });
  }
  return out;
}

describe('seedDemo at tiny scale with a short history', () => {
  let conn: Connection;
  let first: SeedSummary;

  beforeAll(async () => {
    conn = await mongoose.createConnection(freshDbUri('seed').uri).asPromise();
    first = await seedDemo(conn, { scale: 'tiny', history: 6, until: UNTIL });
  }, 180_000);
  afterAll(() => conn?.close());

  it('writes the place, the organisation, the devices and a history played through the commands', async () => {
    expect(first).toMatchObject({ streets: 1, communities: 2 });
    const models = createModels(conn);
    expect(await models.GridCell.countDocuments()).toBe(first.gridCells);
    expect(await models.Device.countDocuments()).toBe(first.devices);
    expect(first.history).toMatchObject({ skipped: false, errors: 0 });
    expect(first.history!.reported).toBeGreaterThan(10);
    const statuses = await models.Incident.distinct('status');
    expect(statuses).toEqual(expect.arrayContaining(['closed']));
    const closed = await models.Incident.findOne({ status: { $in: ['closed', 'evaluated'] } }).lean();
    const types = closed!.timeline.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['incident.reported', 'incident.dispatched', 'incident.resolved', 'incident.verifying', 'incident.verified', 'incident.closed']));
    expect(await models.Incident.countDocuments({ reportedAt: { $gt: UNTIL } })).toBe(0);
  });

  it('changes nothing when run a second time (every document of every collection identical)', async () => {
    const before = await dump(conn);
    const second = await seedDemo(conn, { scale: 'tiny', history: 6, until: UNTIL });
    expect(second.history?.skipped).toBe(true);
    const after = await dump(conn);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const name of Object.keys(before)) expect(after[name], name).toBe(before[name]);
  }, 120_000);

  it('stores hashes the backend verifies for every demo account and the demo device', async () => {
    const models = createModels(conn);
    for (const username of Object.keys(DEMO_ACCOUNTS)) {
      const user = await models.User.findOne({ username }).lean();
      expect(user, username).not.toBeNull();
      expect(await verifySecret(DEMO_PASSWORD, user!.passwordHash), username).toBe(true);
      expect(await verifySecret('wrong', user!.passwordHash)).toBe(false);
    }
    const demo = await models.Device.findOne({ deviceId: DEMO_DEVICE.deviceId }).lean();
    expect(await verifySecret('demo', demo!.tokenHash)).toBe(true);
    const worker = await models.User.findOne({ username: 'worker-01' }).lean();
    expect(worker!.gridCodes).toContain(demo!.gridCode);
    const other = await models.Device.findOne({ deviceId: { $ne: DEMO_DEVICE.deviceId } }).lean();
    expect(await verifySecret(deviceToken(other!.deviceId), other!.tokenHash)).toBe(true);
    expect(await verifySecret(deviceToken('someone-else'), other!.tokenHash)).toBe(false);
  });
});
