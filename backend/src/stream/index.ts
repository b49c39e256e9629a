/** The face of stream/: the only module other folders (and seed, bench, tests) import from it. */
export { streamRoutes } from './routes.js';
