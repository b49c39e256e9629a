import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultStoreHeapLimitMB, startEmbeddedStore } from '@onegrid/backend/store';

describe('the store process', () => {
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'onegrid-store-process-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('runs with a heap limit sized to the machine (Node’s own default is too small for a city), or the one asked for', async () => {
    expect(defaultStoreHeapLimitMB()).toBeGreaterThanOrEqual(Math.min(4096, (totalmem() / 1024 / 1024) * 0.75) - 1);
    const store = await startEmbeddedStore({ dataDir: dataDir(), heapLimitMB: 5000 });
    try {
      expect(readFileSync(`/proc/${store.pid}/cmdline`, 'utf8').split('\0')).toContain('--max-old-space-size=5000');
    } finally {
      await store.stop();
    }
  });

  it('stops quietly when the store died on its own (killed, out of memory)', async () => {
    const store = await startEmbeddedStore({ dataDir: dataDir() });
    process.kill(store.pid, 'SIGKILL');
    // At once, before its exit is seen: the channel may already be gone (EPIPE), which must not be thrown.
    await expect(store.stop()).resolves.toBeUndefined();
  });
});
