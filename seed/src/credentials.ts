import { createHash, scrypt as scryptCb } from 'node:crypto';
import { promisify } from 'node:util';
import { hashSecret } from '@onegrid/backend/auth';

const scrypt = promisify(scryptCb) as (secret: string, salt: Buffer, keylen: number, options: { N: number; r: number; p: number; maxmem: number }) => Promise<Buffer>;

/**
 * scrypt cost for device tokens. Tokens are 144 random bits, so a slow hash
 * buys nothing against guessing; N = 1024 keeps seeding hundreds of devices
 * fast. The stored form `scrypt$N$r$p$salt$hash` is the backend's, and its
 * verifySecret reads N from it.
 */
const TOKEN_N = 1024;

/** How many hashes run at once (libuv runs four at a time by default). */
const CONCURRENCY = 8;

/**
 * The salt seed of a secret: the owner plus a fingerprint of the secret, so the
 * salt (hence the stored hash) changes exactly when the secret does and a
 * re-seed can keep a stored hash whose salt already matches.
 */
export function saltSeedFor(owner: string, secret: string): string {
  return `${owner}:${createHash('sha256').update(secret).digest('hex').slice(0, 12)}`;
}

/** The salt segment hashSecret writes for a salt seed (backend/src/auth/password.ts derives it the same way). */
export function saltOf(saltSeed: string): string {
  return createHash('sha256').update(`onegrid-salt:${saltSeed}`).digest().subarray(0, 16).toString('base64url');
}

/** A password hash with the backend's hashSecret and a deterministic salt. */
export function hashPassword(password: string, saltSeed: string): Promise<string> {
  return hashSecret(password, saltSeed);
}

/** A device-token hash in the backend's format with a deterministic salt and a cheaper cost (see TOKEN_N). */
export async function hashToken(token: string, saltSeed: string): Promise<string> {
  const salt = Buffer.from(saltOf(saltSeed), 'base64url');
  const key = await scrypt(token, salt, 32, { N: TOKEN_N, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  return `scrypt$${TOKEN_N}$8$1$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export interface HashJob {
  key: string;
  secret: string;
  saltSeed: string;
  kind: 'password' | 'token';
}

/**
 * Hashes many secrets, a few at a time: a job whose stored hash already has the
 * expected salt and cost is kept as stored (re-seeding recomputes nothing),
 * and identical (secret, salt seed) jobs are hashed once.
 */
export async function hashAll(jobs: readonly HashJob[], stored: ReadonlyMap<string, string>, onProgress?: (done: number) => void): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const pending = new Map<string, Promise<string>>();
  let done = 0;
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      const previous = stored.get(job.key);
      if (previous && matches(previous, job)) out.set(job.key, previous);
      else {
        const id = `${job.kind}|${job.saltSeed}|${job.secret}`;
        if (!pending.has(id)) pending.set(id, job.kind === 'password' ? hashPassword(job.secret, job.saltSeed) : hashToken(job.secret, job.saltSeed));
        out.set(job.key, await pending.get(id)!);
      }
      onProgress?.(++done);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return out;
}

function matches(storedHash: string, job: HashJob): boolean {
  const parts = storedHash.split('$');
  return parts.length === 6 && parts[4] === saltOf(job.saltSeed) && (job.kind === 'password' ? parts[1] !== String(TOKEN_N) : parts[1] === String(TOKEN_N));
}
