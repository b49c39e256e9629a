import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Warnings go here (pino-compatible). */
export interface LockLogger {
  warn(obj: object, msg: string): void;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes DATA_DIR/store.lock for this process, so two stores never open one
 * data directory; a lock left by a dead process is taken over with a warning.
 * Returns the release function.
 */
export function lockDataDir(dataDir: string, logger?: LockLogger): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'store.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' });
      return () => rmSync(path, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && alive(holder)) {
        throw new Error(`data directory ${dataDir} is in use by process ${holder} (store.lock); stop it or choose another DATA_DIR`, { cause: err });
      }
      logger?.warn({ dataDir, stalePid: holder }, 'store: taking over a stale lock left by a process that is gone');
      rmSync(path, { force: true });
    }
  }
  throw new Error(`could not lock data directory ${dataDir}`);
}
