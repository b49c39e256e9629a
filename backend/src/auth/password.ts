import { randomBytes, scrypt as scryptCb, timingSafeEqual, createHash, type ScryptOptions } from 'node:crypto';

function scrypt(secret: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scryptCb(secret, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))));
}

const N = 16384;
const R = 8;
const P = 1;
const KEYLEN = 32;

/**
 * Hashes a password or device token with scrypt (memory-hard) as
 * `scrypt$N$r$p$salt$hash`. `saltSeed` makes the salt deterministic (the seed
 * uses it so re-seeding writes identical documents); otherwise the salt is random.
 */
export async function hashSecret(secret: string, saltSeed?: string): Promise<string> {
  const salt = saltSeed === undefined ? randomBytes(16) : createHash('sha256').update(`onegrid-salt:${saltSeed}`).digest().subarray(0, 16);
  const key = await scrypt(secret, salt, KEYLEN, { N, r: R, p: P, maxmem: 64 * 1024 * 1024 });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** Checks a secret against a stored hash in constant time; false for a malformed hash. */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, saltB64, keyB64] = parts;
  const expected = Buffer.from(keyB64, 'base64url');
  const key = await scrypt(secret, Buffer.from(saltB64, 'base64url'), expected.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: 64 * 1024 * 1024 });
  return key.length === expected.length && timingSafeEqual(key, expected);
}
