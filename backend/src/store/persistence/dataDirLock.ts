import { linkSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

/** Returns the lock file's text and the pid in it: NaN for garbage or a vanished file, 0 for an empty file. */
function readHolder(path: string): { text: string; pid: number } {
  try {
    const text = readFileSync(path, 'utf8');
    return { text, pid: text.trim() === '' ? 0 : Number(text.trim()) };
  } catch {
    return { text: '', pid: NaN }; // vanished or unreadable between our create attempt and this read
  }
}

function mtimeMs(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function inUse(dataDir: string, pid: number, cause?: unknown): Error {
  return new Error(`data directory ${dataDir} is in use by process ${pid} (store.lock); stop it or choose another DATA_DIR`, { cause });
}

/**
 * Moves a stale lock out of the way atomically (of two processes taking it over at once, one rename wins); if what
 * was moved is not the stale content we judged (someone locked in between), puts it back and reports its holder.
 */
function removeStale(path: string, judged: string, dataDir: string): void {
  const aside = `${path}.stale-${process.pid}`;
  try {
    renameSync(path, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return; // another process took it over first
    throw err;
  }
  const moved = readFileSync(aside, 'utf8');
  if (moved !== judged) {
    try {
      linkSync(aside, path);
    } catch {
      // a third process locked meanwhile: it holds the directory now
    }
    rmSync(aside, { force: true });
    throw inUse(dataDir, Number(moved.trim()));
  }
  rmSync(aside, { force: true });
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
      const { text, pid: holder } = readHolder(path);
      if (Number.isNaN(holder) && text === '') continue; // vanished: try to create it again
      // An empty lock a moment old: another process created it and is writing its pid right now.
      if (holder === 0 && Date.now() - mtimeMs(path) < 2000) {
        throw new Error(`data directory ${dataDir} is being locked by another process (store.lock); stop it or choose another DATA_DIR`, { cause: err });
      }
      // Our own pid in a lock this process does not hold is a leftover from an earlier
      // process that had the same pid (common for pid 1 in containers): stale.
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) throw inUse(dataDir, holder, err);
      logger?.warn({ dataDir, stalePid: Number.isNaN(holder) ? null : holder }, 'store: taking over a stale lock left by a process that is gone');
      removeStale(path, text, dataDir);
    }
  }
  throw new Error(`could not lock data directory ${dataDir} (store.lock keeps reappearing)`);
}
