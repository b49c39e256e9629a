/** The face of geo/: the only module other folders (and seed, bench, tests) import from it. */
export { bboxAround, bboxIntersects, parseBBox } from './bbox.js';
export { METRES_PER_DEGREE, haversineM } from './distance.js';
export { geometryBBox } from './flatGeometry.js';
export type { BBox } from './flatGeometry.js';
export type { GeoPolygon, LngLat } from './geometry.js';
export { GridIndex } from './gridIndex.js';
export type { GridIndexInput, IndexedCell, Location } from './gridIndex.js';
export { rectangle, syntheticGrid } from './syntheticGrid.js';
