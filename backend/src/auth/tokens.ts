import { SignJWT, jwtVerify } from 'jose';
import type { Principal } from '../kernel/index.js';

export interface TokenConfig {
  secret: string;
  ttlHours: number;
}

/** Issues a session token (JWT, HS256) carrying the principal. */
export async function issueToken(config: TokenConfig, principal: Principal): Promise<string> {
  return new SignJWT({ p: principal })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(principal.id)
    .setIssuedAt()
    .setExpirationTime(`${config.ttlHours}h`)
    .sign(new TextEncoder().encode(config.secret));
}

/** The principal of a valid, unexpired token; null otherwise. */
export async function verifyToken(config: Pick<TokenConfig, 'secret'>, token: string): Promise<Principal | null> {
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(config.secret), { algorithms: ['HS256'] });
    const p = payload.p as Principal | undefined;
    return p && typeof p.id === 'string' && typeof p.role === 'string' ? p : null;
  } catch {
    return null;
  }
}
