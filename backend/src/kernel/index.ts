/** The face of kernel/: the only module other folders (and seed, bench, tests) import from it. */
export { ManualClock, systemClock } from './clock.js';
export type { Clock } from './clock.js';
export { EnvError, loadEnv } from './env.js';
export type { Env } from './env.js';
export { AppError, BadRequest, Conflict, Forbidden, NotFound, TooManyRequests, Unauthorized, Unprocessable } from './errors.js';
export { newEvent } from './events.js';
export type { DomainEvent, StoredEvent } from './events.js';
export { ROLES, SYSTEM_PRINCIPAL } from './principal.js';
export type { Principal, Role } from './principal.js';
