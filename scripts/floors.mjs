// The floors of backend/src, lowest first. A folder (or a root file, named
// without .ts) may import its own folder, lower floors, and nothing above.
// Folders on one floor are siblings and may not import each other, except on
// the top floor (outer channels and jobs), where only cycles are forbidden.
// A folder not listed here is on the top floor: a new area (photos, statistics,
// Open311, telemetry, admin...) is a new room there; list it lower only when
// other domain modules must use it.
// Read by eslint.config.js (import-x/no-restricted-paths zones) and by
// scripts/importGraph.mjs (counts and cycle check). See docs/architecture.md.
export const FLOORS = [
  // the wire contracts (zod only; also imported by the gateway and the web app)
  ['contracts'],
  // kernel: errors, clock, principal, domain event types, env; the embedded store
  ['kernel', 'store'],
  // HTTP helpers and pure domain maths
  ['http', 'geo', 'deadlines'],
  // persistence schemas
  ['models'],
  // the dependency bundle type (AppDeps)
  ['deps'],
  // domain modules
  ['auth', 'bus', 'reference', 'places'],
  ['incidents'],
  // outer channels and jobs; app.ts, server.ts and index.ts compose everything
  ['ingest', 'downlinks', 'stream', 'jobs', 'open311', 'residents', 'app', 'server', 'index'],
];

/** Floor index of a folder or root file; unknown names are on the top floor. */
export function floorOf(unit) {
  const i = FLOORS.findIndex((f) => f.includes(unit));
  return i < 0 ? FLOORS.length - 1 : i;
}
