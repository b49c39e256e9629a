import { resolve } from 'node:path';
import pino, { type Logger } from 'pino';
import { StoreEngine, type ChangeRecord } from '../engine/storeEngine.js';
import { setViewCacheBudget } from '../engine/storedDoc.js';
import { openDurableLog, type DurableLog } from '../persistence/durableLog.js';
import { startStoreServer, type StoreServer } from './storeServer.js';
import { expireDocuments } from './ttlMonitor.js';

export interface StoreRuntimeOptions {
  dataDir: string;
  host: string;
  port: number;
  logger?: Logger;
  /** How often the TTL monitor runs (mongod: every 60 s). */
  ttlIntervalMs?: number;
  /** Journal size that triggers a snapshot and compaction. */
  compactAfterBytes?: number;
  /** Memory for decoded documents (views) kept between reads, in MB (default 1024). */
  viewCacheMB?: number;
}

export interface StoreRuntime {
  port: number;
  uri: string;
  /** The same store over its Unix domain socket in the data directory (absent when the path is too long for a socket). */
  socketUri?: string;
  engine: StoreEngine;
  server: StoreServer;
  stop(): Promise<void>;
}

/**
 * Opens the data directory (lock, snapshot, journal replay), serves the wire
 * protocol, journals every change before acknowledging it, expires TTL
 * documents and compacts the journal when it grows.
 */
export async function runStore(opts: StoreRuntimeOptions): Promise<StoreRuntime> {
  const logger = opts.logger ?? pino({ level: 'info' });
  const started = Date.now();
  const { log, frames, stats } = await openDurableLog(opts.dataDir, { logger });
  // Views decoded while replaying and building the indexes are dropped at once (fewer live objects, less GC);
  // queries decode and keep what they use.
  setViewCacheBudget(0);
  const engine = new StoreEngine();
  frames.forEach({
    put: (ns, buf, start, end) => engine.replayPut(ns, buf, start, end),
    record: (record) => engine.replay(record as ChangeRecord),
  });
  engine.finishReplay();
  setViewCacheBudget((opts.viewCacheMB ?? 1024) * 1024 * 1024);
  logger.info({ dataDir: opts.dataDir, ...stats, ms: Date.now() - started }, 'store: data directory opened');
  const compactAfter = opts.compactAfterBytes ?? 256 * 1024 * 1024;
  // A snapshot rewrites the whole state: taking one only once the journal has grown as large as the state keeps
  // the cost of compaction proportional to what is written (a fixed threshold would rewrite a large state again
  // and again, and loading a big database would spend most of its time compacting).
  let stateBytes = engine.storedBytes();
  let compacting: Promise<void> | null = null;

  const commit = async (records: ChangeRecord[], durable: boolean) => {
    await log.append(records, { durable });
    if (!compacting && log.journalBytes() > Math.max(compactAfter, stateBytes)) {
      const snapshot = engine.snapshotRecords();
      stateBytes = engine.storedBytes();
      compacting = log
        .compact(snapshot)
        .catch((err: unknown) => logger.error({ err }, 'store: compaction failed; the journal keeps growing'))
        .finally(() => (compacting = null));
    }
  };

  const socketPath = localSocketPath(opts.dataDir);
  const server = await startStoreServer({ engine, commit, logger, host: opts.host, port: opts.port, socketPath });
  const ttl = setInterval(() => {
    expireDocuments(engine, new Date());
    const records = engine.drainPending();
    if (records.length) commit(records, true).catch((err: unknown) => logger.error({ err }, 'store: TTL journal write failed'));
  }, opts.ttlIntervalMs ?? 60_000);
  ttl.unref();

  const host = opts.host === '0.0.0.0' ? '127.0.0.1' : opts.host;
  return {
    port: server.port,
    uri: `mongodb://${host}:${server.port}/?directConnection=true`,
    socketUri: server.socketPath && `mongodb://${encodeURIComponent(server.socketPath)}/?directConnection=true`,
    engine,
    server,
    stop: async () => {
      clearInterval(ttl);
      await server.close();
      if (compacting) await compacting;
      await closeLog(log);
    },
  };
}

async function closeLog(log: DurableLog): Promise<void> {
  await log.close();
}

/** `store.sock` in the data directory, when its absolute path fits a socket address (108 bytes on Linux) and the platform has Unix sockets. */
function localSocketPath(dataDir: string): string | undefined {
  const path = resolve(dataDir, 'store.sock');
  return process.platform !== 'win32' && Buffer.byteLength(path) < 100 ? path : undefined;
}
