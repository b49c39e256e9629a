/** The face of places/: the only module other folders (and seed, bench, tests) import from it. */
export { createGeoService } from './geoService.js';
export { geoRoutes } from './routes.js';
