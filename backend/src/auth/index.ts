/** The face of auth/: the only module other folders (and seed, bench, tests) import from it. */
export { authenticate } from './authenticate.js';
export { hashSecret, verifySecret } from './password.js';
export { principalOf } from './principalOf.js';
export { authRoutes } from './routes.js';
export { resolveSecrets } from './secrets.js';
export type { Secrets } from './secrets.js';
export { verifyToken } from './tokens.js';
