import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDurableLog } from './durableLog.js';
import { cleanTestDirs, memoryLogger, testDir } from './testDirs.js';

afterAll(cleanTestDirs);

const durableLogModule = resolve(import.meta.dirname, 'durableLog.ts');

/** Runs a node child (tsx) that opens `dir`, prints "open" and waits for stdin to end; resolves once it holds the lock. */
function holderProcess(dir: string) {
  const script = `import { openDurableLog } from ${JSON.stringify(durableLogModule)};
const { log } = await openDurableLog(${JSON.stringify(dir)});
console.log('open');
process.stdin.resume();
process.stdin.on('end', async () => { await log.close(); process.exit(0); });`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  const ready = new Promise<void>((ok, fail) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('open') && ok());
    child.once('exit', (code) => fail(new Error(`holder exited with ${code}`)));
  });
  return { child, ready };
}

describe('data directory lock', () => {
  it('refuses a second open in the same process with a clear error, and allows it after close', async () => {
    const dir = testDir();
    const first = await openDurableLog(dir);
    expect(readFileSync(join(dir, 'store.lock'), 'utf8').trim()).toBe(String(process.pid));
    await expect(openDurableLog(dir)).rejects.toThrow(
      `data directory ${dir} is in use by process ${process.pid} (store.lock); stop it or choose another DATA_DIR`,
    );
    await first.log.close();
    const second = await openDurableLog(dir);
    await second.log.close();
  });

  it('refuses a directory held by another live process, naming its pid', async () => {
    const dir = testDir();
    const { child, ready } = holderProcess(dir);
    await ready;
    await expect(openDurableLog(dir)).rejects.toThrow(`is in use by process ${child.pid} (store.lock)`);
    child.stdin.end();
    await new Promise((r) => child.once('exit', r));
    const after = await openDurableLog(dir);
    await after.log.close();
  }, 20_000);

  it('takes over a stale lock (dead pid, garbage, or our own pid left by an earlier process) with a warning', async () => {
    for (const content of ['2147483646', 'garbage', String(process.pid)]) {
      const dir = testDir();
      writeFileSync(join(dir, 'store.lock'), content);
      const logger = memoryLogger();
      const opened = await openDurableLog(dir, { logger });
      expect(logger.lines.find((l) => l.level === 'warn')?.msg).toMatch(/stale lock/);
      expect(readFileSync(join(dir, 'store.lock'), 'utf8').trim()).toBe(String(process.pid));
      await opened.log.close();
    }
  });

  it('takes over the lock of a SIGKILLed process', async () => {
    const dir = testDir();
    const { child, ready } = holderProcess(dir);
    await ready;
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const logger = memoryLogger();
    const opened = await openDurableLog(dir, { logger });
    expect(logger.lines.find((l) => l.level === 'warn')?.obj).toMatchObject({
      stalePid: child.pid,
    });
    await opened.log.close();
  }, 20_000);
});
