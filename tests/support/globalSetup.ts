import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

// Starts one embedded store for the whole test run, unless MONGODB_URI points
// at a real MongoDB, and hands its URI to every test file via inject('mongoUri').
export default async function setup(project: TestProject) {
  if (process.env.MONGODB_URI) {
    project.provide('mongoUri', process.env.MONGODB_URI);
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'onegrid-test-store-'));
  const { startEmbeddedStore } = await import('@onegrid/backend/store');
  // A short TTL pass so TTL expiry is observable in seconds (mongod and the default: 60 s).
  const store = await startEmbeddedStore({ dataDir, host: '127.0.0.1', port: 0, ttlIntervalMs: 1000 });
  project.provide('mongoUri', store.uri);
  process.env.ONEGRID_TEST_MONGO_URI = store.uri;
  return async () => {
    await store.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
  }
}
