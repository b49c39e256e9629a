/**
 * The face of contracts/: the wire contracts, defined once with zod, imported by
 * the backend, the device gateway (`@onegrid/backend/contracts`) and the web app
 * (types only). Imports nothing but zod.
 */
export * from './common.js';
export * from './events.js';
export * from './ingest.js';
export * from './mqtt.js';
export * from './names.js';
export * from './views.js';
export type * from './wire.js';
