/** The face of ingest/: the only module other folders (and seed, bench, tests) import from it. */
export { ingestDeviceAlarm, ingestDeviceStatus, ingestWorkerLocation, ingestWorkerReport } from './ingestCommands.js';
export { ingestRoutes } from './routes.js';
