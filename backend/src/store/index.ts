import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { totalmem } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface EmbeddedStoreOptions {
  /** Where the journal and snapshots live (created if missing; locked while open). */
  dataDir: string;
  host?: string;
  /** 0 = any free port. */
  port?: number;
  logLevel?: string;
  /** How often expired TTL documents are removed (default 60 s, like mongod). */
  ttlIntervalMs?: number;
  /** Memory for decoded documents kept between reads, in MB (default 1024); the BSON of every document is always in memory. */
  viewCacheMB?: number;
  /** The store process's JavaScript heap limit in MB (default: 60 % of the machine's or container's memory, at least 4,096 where that is under 75 % of it). */
  heapLimitMB?: number;
}

/**
 * The default heap limit of the store process. Node's own default (about 4 GB
 * here) is too small for a store holding a million incidents with their
 * indexes: the store is the process that holds the data, as mongod would be.
 */
export function defaultStoreHeapLimitMB(): number {
  const constrained = process.constrainedMemory?.() ?? 0;
  const memory = constrained > 0 && constrained < totalmem() ? constrained : totalmem();
  const mb = memory / 1024 / 1024;
  // At least Node's own ~4 GB where the machine has it, never more than three quarters of a small container.
  return Math.floor(Math.max(Math.min(4096, mb * 0.75), mb * 0.6));
}

export interface EmbeddedStore {
  /** mongodb://host:port — for any client (mongosh, Compass, another machine when bound to it). */
  uri: string;
  /** The same store over its Unix domain socket (fewer system calls per round trip: what local clients use); absent where there is none. */
  socketUri?: string;
  port: number;
  /** The store's process id (it runs in its own process so a long scan never stalls the caller). */
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts the embedded MongoDB-compatible store in a child process and resolves
 * with its connection URI once it listens; rejects with the store's own error
 * (e.g. the data directory is locked, the port is taken).
 */
export async function startEmbeddedStore(opts: EmbeddedStoreOptions): Promise<EmbeddedStore> {
  const here = fileURLToPath(import.meta.url);
  const runningTs = here.endsWith('.ts');
  const entry = fileURLToPath(new URL(`./server/storeProcess.${runningTs ? 'ts' : 'js'}`, import.meta.url));
  const child = fork(entry, [], {
    // ONEGRID_STORE_EXEC_ARGV adds Node flags to the store process only (e.g. --cpu-prof, heap limits).
    execArgv: [
      ...(runningTs ? ['--import', tsxLoader()] : []),
      `--max-old-space-size=${opts.heapLimitMB ?? defaultStoreHeapLimitMB()}`,
      ...(process.env.ONEGRID_STORE_EXEC_ARGV ?? '').split(' ').filter(Boolean),
    ],
    env: {
      ...process.env,
      ONEGRID_STORE_DATA_DIR: opts.dataDir,
      ONEGRID_STORE_HOST: opts.host ?? '127.0.0.1',
      ONEGRID_STORE_PORT: String(opts.port ?? 0),
      ONEGRID_STORE_LOG_LEVEL: opts.logLevel ?? process.env.ONEGRID_STORE_LOG_LEVEL ?? 'warn',
      ONEGRID_STORE_TTL_MS: String(opts.ttlIntervalMs ?? 60_000),
      ...(opts.viewCacheMB !== undefined ? { ONEGRID_STORE_VIEW_CACHE_MB: String(opts.viewCacheMB) } : {}),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await waitForReady(child);
  let stopped: Promise<void> | null = null;
  return {
    uri: ready.uri,
    socketUri: ready.socketUri,
    port: ready.port,
    pid: child.pid ?? 0,
    stop: () => (stopped ??= stopChild(child)),
  };
}

/** The tsx loader's URL, so the store process can run from TypeScript sources (development, tests, npm start). */
function tsxLoader(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
}

function waitForReady(child: ChildProcess): Promise<{ port: number; uri: string; socketUri?: string }> {
  return new Promise((resolve, reject) => {
    const onMessage = (msg: unknown) => {
      const m = msg as { type?: string; port?: number; uri?: string; socketUri?: string; message?: string };
      if (m.type === 'ready') {
        cleanup();
        resolve({ port: m.port!, uri: m.uri!, socketUri: m.socketUri });
      } else if (m.type === 'error') {
        cleanup();
        reject(new Error(`embedded store failed to start: ${m.message}`));
      }
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`embedded store exited during start (code ${code})`));
    };
    const cleanup = () => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // A store that died on its own (killed, out of memory) has no channel left: it is only waited for.
  child.on('error', () => child.kill('SIGKILL'));
  if (child.connected) child.send({ type: 'stop' }, (err) => err && child.kill('SIGKILL'));
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

// What other folders use from this one.
export { openDurableLog } from './persistence/durableLog.js';
export type { LogRecord } from './persistence/durableLog.js';
