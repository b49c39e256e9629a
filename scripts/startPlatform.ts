import { existsSync } from 'node:fs';
import { startGateway, type RunningGateway } from '../device-gateway/src/gateway.js';
import { startBackend, type RunningBackend } from '../backend/src/server.js';
import type { AppDeps } from '../backend/src/deps.js';

const DEMO_LOGINS = ['admin', 'commander', 'supervisor', 'dept-sz', 'worker-01'];

/** Loads the demo district into an empty database (first start), through the seed's own entry point. */
async function seedIfEmpty(deps: AppDeps): Promise<void> {
  if (!deps.env.DEMO || (await deps.models.GridCell.estimatedDocumentCount()) > 0) return;
  const seedModule = new URL('../seed/src/seedDemo.ts', import.meta.url);
  if (!existsSync(seedModule)) {
    deps.logger.warn('the database is empty and the demo seed is not available; run `npm run seed` later');
    return;
  }
  const { seedDemo } = (await import(seedModule.href)) as { seedDemo: (conn: AppDeps['conn'], opts: { scale: string; log?: (m: string) => void }) => Promise<unknown> };
  console.log('Loading the demo district (first start)…');
  await seedDemo(deps.conn, { scale: 'demo', log: (m) => console.log(`  ${m}`) });
  await deps.geo.reload();
}

let backend: RunningBackend | undefined;
let gateway: RunningGateway | undefined;
try {
  backend = await startBackend({ beforeListen: seedIfEmpty });
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
