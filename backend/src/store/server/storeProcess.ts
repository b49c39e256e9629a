import pino from 'pino';
import { runStore } from './storeRuntime.js';

/**
 * Entry of the store's own process (forked by startEmbeddedStore): runs the
 * store, reports its port over IPC, and stops cleanly on a 'stop' message,
 * SIGTERM/SIGINT, or when the parent goes away.
 */
async function main(): Promise<void> {
  const dataDir = process.env.ONEGRID_STORE_DATA_DIR;
  if (!dataDir) throw new Error('ONEGRID_STORE_DATA_DIR is required');
  const logger = pino({ level: process.env.ONEGRID_STORE_LOG_LEVEL ?? 'warn', base: { proc: 'store' } }, pino.destination(2));
  const store = await runStore({
    dataDir,
    host: process.env.ONEGRID_STORE_HOST ?? '127.0.0.1',
    port: Number(process.env.ONEGRID_STORE_PORT ?? 0),
    ttlIntervalMs: Number(process.env.ONEGRID_STORE_TTL_MS ?? 60_000),
    viewCacheMB: process.env.ONEGRID_STORE_VIEW_CACHE_MB ? Number(process.env.ONEGRID_STORE_VIEW_CACHE_MB) : undefined,
    logger,
  });
  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= store
      .stop()
      .catch((err: unknown) => logger.error({ err }, 'store: error while stopping'))
      .finally(() => process.exit(0));
    return stopping;
  };
  process.on('message', (msg) => {
    if ((msg as { type?: string })?.type === 'stop') void stop();
  });
  process.on('disconnect', () => void stop());
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  process.send?.({ type: 'ready', port: store.port, uri: store.uri, socketUri: store.socketUri });
}

main().catch((err: unknown) => {
  process.send?.({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  console.error(err);
  process.exit(1);
});
