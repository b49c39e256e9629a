/** The face of http/: the only module other folders (and seed, bench, tests) import from it. */
export { errorHandler } from './errorHandler.js';
export { LoginRateLimit } from './loginRateLimit.js';
export { parseBody } from './parseBody.js';
export { parseQuery } from './queryParams.js';
export { WindowRateLimit } from './rateLimit.js';
export { requestContext } from './requestContext.js';
export { requireRole } from './requireRole.js';
