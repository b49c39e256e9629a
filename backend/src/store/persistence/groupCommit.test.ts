import { afterAll, describe, expect, it } from 'vitest';
import { openDurableLog } from './durableLog.js';
import { cleanTestDirs, testDir } from './testDirs.js';

afterAll(cleanTestDirs);

describe('group commit', () => {
  it('shares fsyncs among concurrent durable appends', async () => {
    const { log, metrics } = await openDurableLog(testDir());
    const N = 200;
    await Promise.all(Array.from({ length: N }, (_, i) => log.append([{ o: 'put', i }], { durable: true })));
    const m = metrics();
    expect(m.appends).toBe(N);
    expect(m.fsyncs).toBeGreaterThan(0);
    expect(m.fsyncs).toBeLessThan(N / 10);
    await log.close();
  });

  it('still shares when callers keep appending as soon as their previous append resolves', async () => {
    const { log, metrics } = await openDurableLog(testDir(), {
      groupCommitMs: 0,
    });
    const writers = Array.from({ length: 16 }, async (_, w) => {
      for (let i = 0; i < 20; i++) await log.append([{ o: 'put', w, i }], { durable: true });
    });
    await Promise.all(writers);
    expect(metrics().appends).toBe(320);
    expect(metrics().fsyncs).toBeLessThan(320 / 2);
    await log.close();
  });

  it('gives a lone sequential writer one fsync per durable append', async () => {
    const { log, metrics } = await openDurableLog(testDir());
    for (let i = 0; i < 10; i++) await log.append([{ o: 'put', i }], { durable: true });
    expect(metrics().fsyncs).toBe(10);
    await log.close();
  });

  it('resolves w:0 appends without waiting and writes them with the next batch', async () => {
    const dir = testDir();
    const { log, metrics } = await openDurableLog(dir);
    let resolved = false;
    await log.append([{ o: 'put', fast: true }], { durable: false }).then(() => (resolved = true));
    expect(resolved).toBe(true);
    expect(metrics().fsyncs).toBe(0);
    await log.close();
    expect((await openDurableLog(dir)).frames.records()).toEqual([{ o: 'put', fast: true }]);
  });
});
