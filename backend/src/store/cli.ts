import { parseArgs } from 'node:util';
import pino from 'pino';
import { runStore } from './server/storeRuntime.js';

/**
 * `npm run store -- --dbpath DIR --port N [--bind_ip HOST] [--view-cache-mb N]`: runs the embedded
 * store standalone in this process, so mongosh, Compass or any driver can connect.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dbpath: { type: 'string', default: './data/store' },
      port: { type: 'string', default: '27017' },
      bind_ip: { type: 'string', default: '127.0.0.1' },
      'log-level': { type: 'string', default: 'info' },
      'compact-after-bytes': { type: 'string' },
      'view-cache-mb': { type: 'string' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, got '${values.port}'`);
  const logger = pino({ level: values['log-level'] });
  const compactAfterBytes = values['compact-after-bytes'] === undefined ? undefined : Number(values['compact-after-bytes']);
  if (compactAfterBytes !== undefined && !(compactAfterBytes > 0)) throw new Error('--compact-after-bytes must be a positive number');
  const viewCacheMB = values['view-cache-mb'] === undefined ? undefined : Number(values['view-cache-mb']);
  if (viewCacheMB !== undefined && !(viewCacheMB >= 0)) throw new Error('--view-cache-mb must be a number of megabytes (0 or more)');
  const store = await runStore({ dataDir: values.dbpath!, host: values.bind_ip!, port, logger, compactAfterBytes, viewCacheMB });
  console.log(`OneGrid embedded store listening on ${store.uri} (data: ${values.dbpath})`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await store.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'EADDRINUSE') console.error(`store: port already in use (${e.message}); choose another with --port`);
  else console.error(`store: ${e.message}`);
  process.exit(1);
});
