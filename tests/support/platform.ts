import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashSecret } from '@onegrid/backend/auth';
import { startBackend, type BackendOverrides, type RunningBackend } from '@onegrid/backend/server';
import { freshDbUri } from './db.js';
import { GRID, pointIn, seedDistrict } from './fixtures.js';

/** A backend started in-process on port 0 against a fresh database of the test run's store, with the small test district and one account per role (password `onegrid`). */
export async function startTestBackend(overrides: BackendOverrides = {}): Promise<RunningBackend & { dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'onegrid-backend-'));
  const { uri } = freshDbUri('plat');
  const backend = await startBackend({
    cron: false,
    ...overrides,
    env: { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', MONGODB_URI: uri, LOG_LEVEL: 'warn', SSE_HEARTBEAT_MS: '500', ...overrides.env },
    beforeListen: async (deps) => {
      await seedDistrict(deps.models);
      const hash = await hashSecret('onegrid', 'test');
      await deps.models.User.insertMany([
        { username: 'admin', passwordHash: hash, role: 'admin', displayName: 'Admin' },
        { username: 'commander', passwordHash: hash, role: 'commander', displayName: '王指挥' },
        { username: 'supervisor', passwordHash: hash, role: 'supervisor', displayName: '李值班' },
        { username: 'dept-sz', passwordHash: hash, role: 'department', displayName: '市政张工', departmentCode: 'SZ' },
        { username: 'dept-cg', passwordHash: hash, role: 'department', displayName: '城管赵工', departmentCode: 'CG' },
        { username: 'worker-a', passwordHash: hash, role: 'worker', displayName: '孙网格', gridCodes: [GRID.A1, GRID.A2] },
        { username: 'worker-b', passwordHash: hash, role: 'worker', displayName: '周网格', gridCodes: [GRID.B1, GRID.B2] },
      ]);
      const cover = pointIn('A1');
      await deps.models.Device.create({ deviceId: 'cover-a1', type: 'well-cover', name: '井盖 A1', tokenHash: await hashSecret('tok-a1', 'test'), lng: cover.lng, lat: cover.lat, categoryCode: '01003' });
      await deps.geo.reload();
      await overrides.beforeListen?.(deps);
    },
  });
  return { ...backend, dataDir };
}

/** Logs in over HTTP and returns the bearer token. */
export async function login(baseUrl: string, username: string, password = 'onegrid'): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}
