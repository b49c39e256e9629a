import { join } from 'node:path';
import mongoose from 'mongoose';
import { loadEnv } from '../kernel/index.js';
import { createModels } from '../models/index.js';
import { type EmbeddedStore, startEmbeddedStore } from '../store/index.js';
import { runKeysCommand } from './keysCommand.js';

/**
 * `npm run open311:keys -- create NAME | list | revoke NAME` against
 * MONGODB_URI, or the embedded store in DATA_DIR (which only one process can
 * open: while OneGrid runs on it, use MONGODB_URI=mongodb://127.0.0.1:STORE_PORT/onegrid).
 */
async function main(): Promise<number> {
  const env = loadEnv();
  let store: EmbeddedStore | null = null;
  let uri = env.MONGODB_URI;
  if (!uri) {
    const dataDir = join(env.DATA_DIR, 'store');
    store = await startEmbeddedStore({ dataDir, host: '127.0.0.1', port: 0 }).catch((err: Error) => {
      throw new Error(`${err.message} (is OneGrid running on it? start OneGrid with STORE_PORT=N and use MONGODB_URI=mongodb://127.0.0.1:N/onegrid, or stop it first)`);
    });
    const u = new URL(store.uri);
    u.pathname = '/onegrid';
    uri = u.toString();
  }
  const conn = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 30_000 }).asPromise();
  try {
    const models = createModels(conn);
    await models.Open311Client.init();
    const outcome = await runKeysCommand(models, process.argv.slice(2), new Date());
    for (const line of outcome.out) console.log(line);
    for (const line of outcome.err) console.error(line);
    return outcome.code;
  } finally {
    await conn.close();
    await store?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`open311:keys failed: ${err.message}`);
    process.exit(1);
  },
);
