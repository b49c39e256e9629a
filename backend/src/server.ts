import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import mongoose from 'mongoose';
import pino, { type Logger } from 'pino';
import { createApp } from './app.js';
import { resolveSecrets, type Secrets } from './auth/index.js';
import { startEventBus } from './bus/index.js';
import { loadEnv, systemClock, type Clock, type Env } from './kernel/index.js';
import { startDeadlineMonitor } from './jobs/index.js';
import type { AppDeps } from './deps.js';
import { createGeoService } from './places/index.js';
import { createModels } from './models/index.js';
import { startEmbeddedStore, type EmbeddedStore } from './store/index.js';

export interface BackendOverrides {
  /** Environment variables (merged over process.env). */
  env?: Record<string, string | undefined>;
  clock?: Clock;
  logger?: Logger;
  /** Run the deadline monitor's cron (default true). */
  cron?: boolean;
  /** Called after connecting and before listening (the starter seeds an empty database here). */
  beforeListen?: (deps: AppDeps) => Promise<void>;
  /**
   * Background work started once listening (the starter loads the demo history here). The deadline
   * monitor starts only when it settles, so it never acts on cases a script is still playing. stop()
   * aborts `signal` and waits for the work to settle before disconnecting.
   */
  afterListen?: (deps: AppDeps, signal: AbortSignal) => Promise<void>;
}

export interface RunningBackend {
  url: string;
  port: number;
  deps: AppDeps;
  secrets: Secrets;
  /** The embedded store's URI when no MONGODB_URI was given. */
  storeUri: string;
  stop(): Promise<void>;
}

/**
 * Starts the backend: validates the environment, starts the embedded store
 * unless MONGODB_URI is set, connects, builds deps, starts the event bus and
 * the deadline monitor, and listens. stop() closes in reverse order: stop
 * accepting, drain, stop the bus and cron, disconnect, flush the store.
 */
export async function startBackend(overrides: BackendOverrides = {}): Promise<RunningBackend> {
  const env: Env = loadEnv({ ...process.env, ...overrides.env });
  const logger = overrides.logger ?? pino({ level: env.LOG_LEVEL, base: { proc: 'backend' } });
  const secrets = resolveSecrets(env);
  let store: EmbeddedStore | null = null;
  let uri = env.MONGODB_URI;
  if (!uri) {
    store = await startEmbeddedStore({ dataDir: join(env.DATA_DIR, 'store'), host: '127.0.0.1', port: env.STORE_PORT }).catch((err: Error) => {
      throw new Error(`${err.message}${/in use|EADDRINUSE/.test(err.message) ? ' (set STORE_PORT or DATA_DIR)' : ''}`);
    });
    const u = new URL(store.uri);
    u.pathname = '/onegrid';
    uri = u.toString();
  }
  const conn = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 10_000 }).asPromise();
  const models = createModels(conn);
  await Promise.all(Object.values(models).map((m) => m.init()));
  const bus = startEventBus(models, logger);
  const geo = await createGeoService(models, env.LOCATE_MAX_DISTANCE_M);
  const deps: AppDeps = { env, logger, conn, models, clock: overrides.clock ?? systemClock, bus, geo };
  if (overrides.beforeListen) await overrides.beforeListen(deps);
  let monitor: ReturnType<typeof startDeadlineMonitor> | null = null;
  let stopRequested = false;
  const startMonitor = () => {
    if (overrides.cron !== false && !stopRequested) monitor = startDeadlineMonitor(deps, { holder: `backend-${process.pid}`, schedule: env.DEADLINE_CRON, logger });
  };
  if (!overrides.afterListen) startMonitor();
  const app = createApp(deps, { secrets, readiness: async () => ({ store: conn.readyState === 1, bus: true }) });
  const server = createServer(app.callback());
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new Error(`backend: port ${env.PORT} is already in use; set PORT to a free port`) : err),
    );
    server.listen(env.PORT, env.HOST, () => resolve());
  }).catch(async (err) => {
    await bus.stop();
    await monitor?.stop();
    await conn.close();
    await store?.stop();
    throw err;
  });
  server.keepAliveTimeout = 65_000;
  const port = (server.address() as AddressInfo).port;
  const host = env.HOST === '0.0.0.0' ? '127.0.0.1' : env.HOST;
  logger.info({ port }, 'backend listening');
  const stopBackground = new AbortController();
  const background = overrides.afterListen
    ? overrides
        .afterListen(deps, stopBackground.signal)
        .catch((err: Error) => logger.error({ err }, 'background start-up work failed'))
        .finally(startMonitor)
    : Promise.resolve();
  let stopping: Promise<void> | null = null;
  return {
    url: `http://${host}:${port}`,
    port,
    deps,
    secrets,
    storeUri: uri,
    stop: () =>
      (stopping ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 2000).unref();
        stopRequested = true;
        stopBackground.abort();
        await closed;
        await background;
        await monitor?.stop();
        await bus.stop();
        await conn.close();
        await store?.stop();
      })()),
  };
}
