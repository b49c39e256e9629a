import type { Connection } from 'mongoose';
import { createModels, type Models } from '@onegrid/backend/models';
import { hashAll, saltSeedFor, type HashJob } from './credentials.js';
import { progress, type LogOption } from './progress.js';
import type { ReferenceData } from './referenceData.js';
import { CITY_SHARED_TOKEN, DEFAULT_SEED_SECRET, DEMO_DEVICE, deviceToken } from './secrets.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './staff.js';
import { upsertByKey, type UpsertCounts } from './upsert.js';

export interface WriteOptions {
  log?: LogOption;
  /** Secret the device tokens derive from (default DEFAULT_SEED_SECRET). */
  secret?: string;
}

/**
 * Writes the reference data through the models: areas, grid cells,
 * departments, categories, routing rules, the basemap layers, users (password
 * `onegrid`, hashed with the backend's hashSecret) and devices (token hashes),
 * each upserted by its natural key with identical values on every run.
 */
export async function writeReferenceData(conn: Connection, data: ReferenceData, opts: WriteOptions = {}): Promise<Record<string, UpsertCounts>> {
  const models = createModels(conn);
  const log = opts.log;
  const counts: Record<string, UpsertCounts> = {};
  counts.areas = await upsertByKey(models.Area, data.geo.areas, 'code');
  counts.gridCells = await upsertByKey(models.GridCell, data.cells, 'code', progress(log, 'grid cells', data.cells.length));
  counts.departments = await upsertByKey(models.Department, data.departments, 'code');
  counts.categories = await upsertByKey(models.Category, data.categories, 'code');
  counts.routingRules = await upsertByKey(models.RoutingRule, data.routingRules, ['categoryCode', 'scope', 'areaCode']);
  counts.basemap = await upsertByKey(models.BasemapLayer, data.basemap.layers, '_id');

  const storedPasswords = await storedHashes(models.User.collection, 'username', 'passwordHash');
  const userJobs: HashJob[] = data.users.map((u) => {
    // The fixed demo accounts get their own salt; generated staff share one (same password, one scrypt run).
    const owner = u.username in DEMO_ACCOUNTS ? `user:${u.username}` : 'user:staff';
    return { key: u.username, secret: DEMO_PASSWORD, saltSeed: saltSeedFor(owner, DEMO_PASSWORD), kind: 'password' };
  });
  const userBar = progress(log, 'password hashes', userJobs.length);
  const passwords = await hashAll(userJobs, storedPasswords, (n) => userBar.tick(n));
  userBar.done();
  const users = data.users.map((u) => ({ ...u, passwordHash: passwords.get(u.username)! }));
  counts.users = await upsertByKey(models.User, users, 'username', progress(log, 'users', users.length));

  const secret = opts.secret ?? DEFAULT_SEED_SECRET;
  const shared = data.scale === 'city';
  const storedTokens = await storedHashes(models.Device.collection, 'deviceId', 'tokenHash');
  const deviceJobs: HashJob[] = data.devices.map((d) => {
    const token = shared && d.deviceId !== DEMO_DEVICE.deviceId ? CITY_SHARED_TOKEN : deviceToken(d.deviceId, secret);
    const owner = shared && d.deviceId !== DEMO_DEVICE.deviceId ? 'device:city' : `device:${d.deviceId}`;
    return { key: d.deviceId, secret: token, saltSeed: saltSeedFor(owner, token), kind: 'token' };
  });
  const tokenBar = progress(log, 'token hashes', deviceJobs.length);
  const tokens = await hashAll(deviceJobs, storedTokens, (n) => tokenBar.tick(n));
  tokenBar.done();
  const devices = data.devices.map((d) => ({ ...d, tokenHash: tokens.get(d.deviceId)! }));
  counts.devices = await upsertByKey(models.Device, devices, 'deviceId', progress(log, 'devices', devices.length));
  return counts;
}

/** The stored secret hashes by natural key (so unchanged secrets are not hashed again). */
async function storedHashes(collection: Models['User']['collection'], key: string, field: string): Promise<Map<string, string>> {
  const rows = await collection.find({}, { projection: { _id: 0, [key]: 1, [field]: 1 } }).toArray();
  return new Map(rows.map((r) => [String(r[key]), String(r[field])]));
}
