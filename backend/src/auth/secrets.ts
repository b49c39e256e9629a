import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Env } from '../kernel/index.js';

export interface Secrets {
  JWT_SECRET: string;
  SERVICE_TOKEN: string;
}

/**
 * The JWT secret and the gateway's service token: from the environment when
 * set; otherwise (demo mode only) generated on first start into
 * DATA_DIR/secrets.json with mode 0600, which the gateway reads too.
 */
export function resolveSecrets(env: Env): Secrets {
  if (env.JWT_SECRET && env.SERVICE_TOKEN) return { JWT_SECRET: env.JWT_SECRET, SERVICE_TOKEN: env.SERVICE_TOKEN };
  if (!env.DEMO) throw new Error('backend: JWT_SECRET and SERVICE_TOKEN must be set outside demo mode');
  mkdirSync(env.DATA_DIR, { recursive: true });
  const file = join(env.DATA_DIR, 'secrets.json');
  let stored: Partial<Secrets> = {};
  if (existsSync(file)) {
    try {
      stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<Secrets>;
    } catch {
      throw new Error(`backend: ${file} is not valid JSON; fix or delete it (new secrets log every user out)`);
    }
  }
  const secrets: Secrets = {
    JWT_SECRET: env.JWT_SECRET ?? stored.JWT_SECRET ?? randomBytes(32).toString('base64url'),
    SERVICE_TOKEN: env.SERVICE_TOKEN ?? stored.SERVICE_TOKEN ?? randomBytes(24).toString('base64url'),
  };
  if (stored.JWT_SECRET !== secrets.JWT_SECRET || stored.SERVICE_TOKEN !== secrets.SERVICE_TOKEN) {
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return secrets;
}
