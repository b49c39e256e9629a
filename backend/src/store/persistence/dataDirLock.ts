import { mkdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Warnings go here (pino-compatible). */
export interface LockLogger {
  warn(obj: object, msg: string): void;
}

export const LOCK_FILE = 'store.lock';

/** Data directories locked by this process (by real path), so a second open here fails even though our own pid is alive. */
const heldHere = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Returns the pid written in the lock file: NaN for garbage or a vanished file, 0 for an empty file. */
function readHolder(path: string): number {
  try {
    const text = readFileSync(path, 'utf8').trim();
    return text === '' ? 0 : Number(text);
  } catch {
    return NaN; // vanished or unreadable between our create attempt and this read
  }
}

function mtimeMs(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function inUse(dataDir: string, pid: number): Error {
  return new Error(`data directory ${dataDir} is in use by process ${pid} (store.lock); stop it or choose another DATA_DIR`);
}

/**
 * Takes DATA_DIR/store.lock (holding this process's pid, created exclusively)
 * so two stores never open one data directory, creating the directory if
 * missing; throws a clear error naming the holder when its process is alive,
 * takes over a lock left by a dead process with a warning, and returns the
 * release function.
 */
export function lockDataDir(dataDir: string, logger?: LockLogger): () => void {
  mkdirSync(dataDir, { recursive: true });
  const key = realpathSync(dataDir);
  if (heldHere.has(key)) throw inUse(dataDir, process.pid);
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: 'wx' });
      heldHere.add(key);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        heldHere.delete(key);
        rmSync(path, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readHolder(path);
      // An empty lock a moment old: another process created it and is writing its pid right now.
      if (holder === 0 && Date.now() - mtimeMs(path) < 2000) throw new Error(`data directory ${dataDir} is being locked by another process (store.lock); stop it or choose another DATA_DIR`);
      // Our own pid in a lock this process does not hold is a leftover from an earlier
      // process that had the same pid (common for pid 1 in containers): stale.
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) throw inUse(dataDir, holder);
      logger?.warn({ dataDir, stalePid: Number.isNaN(holder) ? null : holder }, 'store: taking over a stale lock left by a process that is gone');
      rmSync(path, { force: true });
    }
  }
  throw new Error(`could not lock data directory ${dataDir} (store.lock keeps reappearing)`);
}
