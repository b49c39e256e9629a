import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GatewayEnv } from './env.js';

/** The bearer token for /api/ingest/*: SERVICE_TOKEN, else (outside production) the demo secret in DATA_DIR/secrets.json. */
export async function resolveServiceToken(env: GatewayEnv): Promise<string> {
  if (env.SERVICE_TOKEN) return env.SERVICE_TOKEN;
  if (env.NODE_ENV === 'production') {
    throw new Error('device-gateway: SERVICE_TOKEN is required when NODE_ENV=production (the same value as the backend\'s)');
  }
  const file = join(env.DATA_DIR, 'secrets.json');
  try {
    const secrets = JSON.parse(await readFile(file, 'utf8')) as { SERVICE_TOKEN?: unknown; serviceToken?: unknown };
    const token = secrets.SERVICE_TOKEN ?? secrets.serviceToken;
    if (typeof token === 'string' && token.length > 0) return token;
  } catch {
    // fall through to the error below
  }
  throw new Error(`device-gateway: no SERVICE_TOKEN set and none found in ${file}; start the backend once (it creates the demo secrets) or set SERVICE_TOKEN`);
}
