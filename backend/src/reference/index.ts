/** The face of reference/: the only module other folders (and seed, bench, tests) import from it. */
export { departmentCalendar } from './departmentCalendars.js';
export { resolveRouting } from './resolveRouting.js';
export { referenceRoutes } from './routes.js';
