import type { GeoService } from '../deps.js';
import { GridIndex, type BBox, type GridIndexInput, type IndexedCell, type Location } from '../geo/index.js';
import type { Models } from '../models/index.js';

/** Default for how far (metres) outside every cell a point may lie and still go to the nearest cell. */
export const DEFAULT_LOCATE_MAX_DISTANCE_M = 200;

/** The GeoService of deps.ts plus read access to the current index (for routes and commands). */
export interface GridGeoService extends GeoService {
  /** The index as of the last (re)load; replaced atomically by reload(). */
  readonly index: GridIndex;
  /** Cells whose bounding box meets `bbox`. */
  cellsInBBox(bbox: BBox): IndexedCell[];
}

/**
 * The configuration accepted: the backend Env (its `LOCATE_MAX_DISTANCE_M`, when
 * present, is the default distance) or that distance as a plain number.
 */
export type GeoServiceConfig = number | object;

/**
 * Loads every grid cell from the database into a GridIndex and returns a GeoService
 * whose `locate` is synchronous and DB-free; `reload()` rebuilds and swaps the index.
 */
export async function createGeoService(models: Pick<Models, 'GridCell'>, env: GeoServiceConfig = DEFAULT_LOCATE_MAX_DISTANCE_M): Promise<GridGeoService> {
  const defaultMaxDistanceM = readMaxDistance(env);
  let index = await loadGridIndex(models);
  // Two overlapping reloads: only the one started last may swap its index in.
  let started = 0;
  return {
    get index() {
      return index;
    },
    locate(lng: number, lat: number, maxDistanceM?: number): Location | null {
      return index.locate(lng, lat, maxDistanceM ?? defaultMaxDistanceM);
    },
    cellsInBBox(bbox: BBox): IndexedCell[] {
      return index.cellsInBBox(bbox);
    },
    async reload(): Promise<void> {
      const ticket = ++started;
      const next = await loadGridIndex(models);
      if (ticket === started) index = next;
    },
  };
}

/** Reads every grid cell's identity and geometry and builds a fresh index. */
export async function loadGridIndex(models: Pick<Models, 'GridCell'>): Promise<GridIndex> {
  const cells = await models.GridCell.find({}, { code: 1, communityCode: 1, streetCode: 1, geometry: 1, _id: 0 }).lean<GridIndexInput[]>();
  return new GridIndex(cells);
}

function readMaxDistance(env: GeoServiceConfig): number {
  const value = typeof env === 'number' ? env : (env as Record<string, unknown>).LOCATE_MAX_DISTANCE_M;
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : DEFAULT_LOCATE_MAX_DISTANCE_M;
}
