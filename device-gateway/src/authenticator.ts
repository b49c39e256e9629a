import { createHash, timingSafeEqual } from 'node:crypto';
import type { ClientIdentity } from './acl.js';
import type { BackendClient, BackendResult } from './backendClient.js';
import { isValidClientId } from './topics.js';

// Decides who a CONNECT belongs to. The gateway's own forwarder proves itself
// with the service token; devices (username = deviceId, password = token) and
// workers (username, password = login JWT) are checked by the backend. A
// positive answer is cached briefly so a reconnect storm after a network blip
// does not become a storm of scrypt checks; refusals are never cached.

export type AuthVerdict =
  | { ok: true; identity: ClientIdentity }
  | { ok: false; reason: 'bad_credentials' | 'unavailable' };

export interface Authenticator {
  /** Checks one CONNECT's username/password (and client id) and says who it is, or why not. */
  authenticate(clientId: string, username: string | undefined, password: Buffer | undefined): Promise<AuthVerdict>;
}

export interface AuthenticatorOptions {
  backend: BackendClient;
  serviceToken: string;
  /** The forwarder's fixed client id and username; no other connection may use that client id. */
  gatewayClientId: string;
  cacheMs: number;
  now?: () => number;
}

function sameSecret(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

// JWTs have three dot-separated base64url parts; device tokens are free-form.
const looksLikeJwt = (s: string): boolean => /^[\w-]+\.[\w-]+\.[\w-]+$/.test(s);

/** Creates the authenticator used by the embedded broker's authenticate hook. */
export function createAuthenticator(options: AuthenticatorOptions): Authenticator {
  const now = options.now ?? Date.now;
  const cache = new Map<string, { identity: ClientIdentity; until: number }>();
  const cacheKey = (username: string, secret: string) =>
    `${username}\u0000${createHash('sha256').update(secret).digest('base64')}`;

  // The auth endpoints answer 401 for bad credentials (docs/contracts.md);
  // only a 5xx or no answer at all means "cannot tell now".
  const refusal = (res: BackendResult): AuthVerdict =>
    res.kind === 'unavailable' && !(res.status === 401 || res.status === 403)
      ? { ok: false, reason: 'unavailable' }
      : { ok: false, reason: 'bad_credentials' };

  async function askWorker(username: string, secret: string): Promise<AuthVerdict> {
    const res = await options.backend.post('/api/ingest/worker-auth', { username, token: secret });
    if (res.kind !== 'ok') return refusal(res);
    const body = (res.body ?? {}) as { userId?: unknown };
    return { ok: true, identity: { kind: 'worker', id: username, userId: String(body.userId ?? username) } };
  }

  async function askDevice(username: string, secret: string): Promise<AuthVerdict> {
    const res = await options.backend.post('/api/ingest/device-auth', { deviceId: username, token: secret });
    if (res.kind !== 'ok') return refusal(res);
    const body = (res.body ?? {}) as { type?: unknown };
    return { ok: true, identity: { kind: 'device', id: username, deviceType: typeof body.type === 'string' ? body.type : undefined } };
  }

  // A JWT-shaped password is most likely a worker's login token; a device
  // token may look like one too, so a refused worker check falls back.
  async function askBackend(username: string, secret: string): Promise<AuthVerdict> {
    if (!looksLikeJwt(secret)) return askDevice(username, secret);
    const asWorker = await askWorker(username, secret);
    return asWorker.ok || asWorker.reason === 'unavailable' ? asWorker : askDevice(username, secret);
  }

  return {
    async authenticate(clientId, username, password) {
      if (username === undefined || password === undefined) return { ok: false, reason: 'bad_credentials' };
      const secret = password.toString('utf8');
      if (username === options.gatewayClientId || clientId === options.gatewayClientId) {
        const ok = username === options.gatewayClientId && clientId === options.gatewayClientId && sameSecret(secret, options.serviceToken);
        return ok ? { ok: true, identity: { kind: 'internal' } } : { ok: false, reason: 'bad_credentials' };
      }
      if (!isValidClientId(username) || secret === '') return { ok: false, reason: 'bad_credentials' };
      const key = cacheKey(username, secret);
      const hit = cache.get(key);
      if (hit && hit.until > now()) return { ok: true, identity: hit.identity };
      cache.delete(key);
      const verdict = await askBackend(username, secret);
      if (verdict.ok && options.cacheMs > 0) {
        if (cache.size > 10_000) cache.clear();
        cache.set(key, { identity: verdict.identity, until: now() + options.cacheMs });
      }
      return verdict;
    },
  };
}
