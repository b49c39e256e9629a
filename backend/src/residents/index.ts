/** The face of residents/: the only module other folders (and seed, bench, tests) import from it. */
export { followerModel } from './Follower.js';
export type { Follower } from './Follower.js';
export { DEFAULT_RESIDENT_POLICY, invalidateResidentPolicy, residentPolicy } from './residentPolicy.js';
export type { ResidentPolicy } from './residentPolicy.js';
export { residentRoutes } from './routes.js';
