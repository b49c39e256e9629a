import Flatbush from 'flatbush';
import type { GeoPolygon } from '../geo/geometry.js';
import { METRES_PER_DEGREE, pointToFlatGeometryDistanceM } from './distance.js';
import { flatBBox, flattenGeometry, type BBox, type FlatGeometry } from './flatGeometry.js';
import { pointInFlatGeometry } from './pointInPolygon.js';

/** Where a point is: the grid cell from the in-memory spatial index (implemented in geo/). */
export interface Location {
  gridCode: string;
  communityCode: string;
  streetCode: string;
  /** 0 when inside the cell; otherwise the distance to the nearest cell within the configured limit. */
  distanceM: number;
}

/** What the index needs of a grid cell (单元网格); a GridCell document fits. */
export interface GridIndexInput {
  code: string;
  communityCode: string;
  streetCode: string;
  geometry: GeoPolygon;
}

/** A cell as the index keeps it: identity plus its bounding box. */
export interface IndexedCell {
  code: string;
  communityCode: string;
  streetCode: string;
  bbox: BBox;
}

const RAD = Math.PI / 180;

/**
 * An immutable in-memory spatial index of grid cells: a flatbush R-tree over
 * their bounding boxes, then exact point-in-polygon / point-to-polygon tests.
 *
 * Boxes are stored with x = lng · cos(lat₀) (lat₀ = the middle latitude of the
 * data), so flatbush's planar neighbour order is close to true ground distance;
 * every candidate is then measured exactly in metres.
 */
export class GridIndex {
  private readonly cells: IndexedCell[];
  private readonly geometries: FlatGeometry[];
  private readonly byCode = new Map<string, number>();
  private readonly tree: Flatbush | null;
  /** cos(lat₀): the x scale of the stored boxes. */
  private readonly kx: number;

  /** Codes of input cells left out because their geometry is unusable (wrong type, no finite vertices). */
  readonly invalidCodes: string[] = [];

  /** Builds the index; a cell with unusable geometry is skipped and listed in `invalidCodes`, so one bad cell never blinds the city. */
  constructor(input: readonly GridIndexInput[]) {
    this.cells = [];
    this.geometries = [];
    for (const c of input) {
      const geometry = tryFlatten(c.geometry);
      const bbox = geometry && flatBBox(geometry);
      if (!geometry || !bbox || !bbox.every(Number.isFinite)) {
        this.invalidCodes.push(c.code);
        continue;
      }
      this.byCode.set(c.code, this.cells.length);
      this.cells.push({ code: c.code, communityCode: c.communityCode, streetCode: c.streetCode, bbox });
      this.geometries.push(geometry);
    }
    let minLat = Infinity;
    let maxLat = -Infinity;
    for (const c of this.cells) {
      minLat = Math.min(minLat, c.bbox[1]);
      maxLat = Math.max(maxLat, c.bbox[3]);
    }
    this.kx = this.cells.length ? Math.cos(((minLat + maxLat) / 2) * RAD) : 1;
    if (this.cells.length === 0) {
      this.tree = null;
      return;
    }
    const tree = new Flatbush(this.cells.length);
    for (const { bbox } of this.cells) tree.add(bbox[0] * this.kx, bbox[1], bbox[2] * this.kx, bbox[3]);
    tree.finish();
    this.tree = tree;
  }

  /** How many cells the index holds. */
  get size(): number {
    return this.cells.length;
  }

  /** The indexed cell with this code, or undefined. */
  get(code: string): IndexedCell | undefined {
    const i = this.byCode.get(code);
    return i === undefined ? undefined : this.cells[i];
  }

  /**
   * The cell containing the point (distanceM 0); else the nearest cell whose edge
   * is within `maxDistanceM` metres (ties go to the smaller code); else null.
   */
  locate(lng: number, lat: number, maxDistanceM = 0): Location | null {
    const tree = this.tree;
    if (!tree || !Number.isFinite(lng) || !Number.isFinite(lat)) return null;
    const x = lng * this.kx;
    const inside = tree.search(x, lat, x, lat);
    let hit = -1;
    for (const i of inside) {
      if ((hit === -1 || this.cells[i].code < this.cells[hit].code) && pointInFlatGeometry(lng, lat, this.geometries[i])) hit = i;
    }
    if (hit !== -1) return this.location(hit, 0);
    if (!(maxDistanceM >= 0)) return null;

    // A box within d metres of the point lies within d / (f · m/°) in stored units,
    // where f ≤ 1 corrects for the point's latitude differing from lat₀.
    const f = Math.min(1, Math.cos(lat * RAD) / this.kx);
    const radius = maxDistanceM / (METRES_PER_DEGREE * f) + 1e-12;
    let best = -1;
    let bestD = Infinity;
    for (const i of tree.neighbors(x, lat, Infinity, radius)) {
      const d = pointToFlatGeometryDistanceM(lng, lat, this.geometries[i]);
      if (d < bestD || (d === bestD && best !== -1 && this.cells[i].code < this.cells[best].code)) {
        best = i;
        bestD = d;
      }
    }
    return best !== -1 && bestD <= maxDistanceM ? this.location(best, bestD) : null;
  }

  /** Every cell whose bounding box intersects or touches `bbox` (a prefilter: edges are not tested). */
  cellsInBBox(bbox: BBox): IndexedCell[] {
    if (!this.tree) return [];
    const [minLng, minLat, maxLng, maxLat] = bbox;
    return this.tree.search(minLng * this.kx, minLat, maxLng * this.kx, maxLat).map((i) => this.cells[i]);
  }

  private location(i: number, distanceM: number): Location {
    const c = this.cells[i];
    return { gridCode: c.code, communityCode: c.communityCode, streetCode: c.streetCode, distanceM };
  }
}

function tryFlatten(geometry: GeoPolygon | undefined): FlatGeometry | null {
  try {
    return geometry ? flattenGeometry(geometry) : null;
  } catch {
    return null;
  }
}
