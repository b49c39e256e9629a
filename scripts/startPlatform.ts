import { existsSync } from 'node:fs';
import { startGateway, type RunningGateway } from '../device-gateway/src/gateway.js';
import { startBackend, type RunningBackend } from '@onegrid/backend/server';
import type { AppDeps } from '@onegrid/backend/deps';

const DEMO_LOGINS = ['admin', 'commander', 'supervisor', 'dept-sz', 'worker-01'];

type SeedDemo = (conn: AppDeps['conn'], opts: { scale: string; history?: number; log?: (m: string) => void; signal?: AbortSignal }) => Promise<{ history: { reported: number; aborted?: boolean; cloned?: number } | null }>;

let firstStart = false;

async function loadSeed(deps: AppDeps): Promise<SeedDemo | null> {
  const seedModule = new URL('../seed/src/seedDemo.ts', import.meta.url);
  if (!existsSync(seedModule)) {
    deps.logger.warn('the database is empty and the demo seed is not available; run `npm run seed` later');
    return null;
  }
  return ((await import(seedModule.href)) as { seedDemo: SeedDemo }).seedDemo;
}

/** First start on an empty database: the demo district (places, people, categories, devices) before listening. */
async function seedDistrictIfEmpty(deps: AppDeps): Promise<void> {
  if (!deps.env.DEMO || (await deps.models.GridCell.estimatedDocumentCount()) > 0) return;
  const seedDemo = await loadSeed(deps);
  if (!seedDemo) return;
  console.log('Loading the demo district (first start)…');
  await seedDemo(deps.conn, { scale: 'demo', history: 0, log: (m) => console.log(`  ${m}`) });
  await deps.geo.reload();
  firstStart = true;
}

/**
 * After listening on a first start: 90 days of past cases, played through the lifecycle
 * commands in the background (about half a minute); the deadline monitor waits for it.
 * Ctrl-C stops it early and keeps what was written.
 */
async function seedHistoryAfterFirstStart(deps: AppDeps, signal: AbortSignal): Promise<void> {
  if (!firstStart) return;
  const seedDemo = await loadSeed(deps);
  if (!seedDemo) return;
  console.log('Loading 90 days of case history in the background…');
  const started = Date.now();
  const summary = await seedDemo(deps.conn, { scale: 'demo', signal });
  const h = summary.history;
  if (h?.aborted) console.log('Case history stopped early (run `npm run seed -- --empty` for the whole demo).');
  else console.log(`Case history loaded: ${(h?.reported ?? 0) + (h?.cloned ?? 0)} cases in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

let backend: RunningBackend | undefined;
let gateway: RunningGateway | undefined;
try {
  backend = await startBackend({ beforeListen: seedDistrictIfEmpty, afterListen: seedHistoryAfterFirstStart });
  gateway = await startGateway({ BACKEND_URL: backend.url, SERVICE_TOKEN: backend.secrets.SERVICE_TOKEN });
} catch (err) {
  console.error(`OneGrid could not start: ${(err as Error).message}`);
  await gateway?.stop();
  await backend?.stop();
  process.exit(1);
}

const web = backend.url.replace('127.0.0.1', 'localhost');
console.log(`
OneGrid 一网统管 is running
  Web app + API   ${web}
  MQTT            mqtt://localhost:${gateway.mqttPort ?? '(external broker)'}   (WebSocket: ws://localhost:${gateway.wsPort ?? '-'}/mqtt)
  Data            ${backend.deps.env.MONGODB_URI ? 'MongoDB (MONGODB_URI)' : `embedded store in ${backend.deps.env.DATA_DIR}/store`}
${backend.deps.env.DEMO ? `  Demo logins     ${DEMO_LOGINS.join(', ')}  (password: onegrid)\n  Demo device     demo-cover-001  (MQTT password: demo)\n` : ''}Press Ctrl-C to stop.`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping OneGrid…');
    void (async () => {
      await gateway?.stop();
      await backend?.stop();
      console.log('Stopped.');
      process.exit(0);
    })();
  });
}
