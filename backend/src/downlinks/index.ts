/** The face of downlinks/: the only module other folders (and seed, bench, tests) import from it. */
export { downlinkRoutes } from './routes.js';
