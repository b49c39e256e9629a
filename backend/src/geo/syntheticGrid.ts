import type { GeoPolygon } from '../geo/geometry.js';
import { METRES_PER_DEGREE } from './distance.js';
import type { GridIndexInput } from './gridIndex.js';

export interface SyntheticGridOptions {
  /** South-west corner. */
  originLng: number;
  originLat: number;
  columns: number;
  rows: number;
  /** Side of each square cell in metres (default 100, i.e. 10,000 m²). */
  cellM?: number;
  /** Cells per community along each axis (default 10). */
  communitySpan?: number;
}

/**
 * A rectangle of square grid cells with valid 15-digit codes, numbered west→east,
 * north→south as the standard asks; for tests and benches, not for the demo seed.
 */
export function syntheticGrid(o: SyntheticGridOptions): GridIndexInput[] {
  const cellM = o.cellM ?? 100;
  const span = o.communitySpan ?? 10;
  if (span > 31) throw new RangeError('communitySpan must keep a community under 1,000 cells');
  const dLat = cellM / METRES_PER_DEGREE;
  const dLng = cellM / (METRES_PER_DEGREE * Math.cos((o.originLat * Math.PI) / 180));
  const cells: GridIndexInput[] = [];
  for (let row = 0; row < o.rows; row++) {
    for (let col = 0; col < o.columns; col++) {
      const west = o.originLng + col * dLng;
      const north = o.originLat + (o.rows - row) * dLat;
      const community = Math.floor(row / span) * Math.ceil(o.columns / span) + Math.floor(col / span);
      const street = Math.floor(community / 100);
      const streetCode = `110101${String(street + 1).padStart(3, '0')}`;
      const communityCode = `${streetCode}${String((community % 100) + 1).padStart(3, '0')}`;
      const number = (row % span) * span + (col % span) + 1;
      cells.push({
        code: `${communityCode}${String(number).padStart(3, '0')}`,
        communityCode,
        streetCode,
        geometry: rectangle(west, north - dLat, west + dLng, north),
      });
    }
  }
  return cells;
}

/** A closed, counter-clockwise rectangular Polygon. */
export function rectangle(minLng: number, minLat: number, maxLng: number, maxLat: number): GeoPolygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [minLng, minLat],
        [maxLng, minLat],
        [maxLng, maxLat],
        [minLng, maxLat],
        [minLng, minLat],
      ],
    ],
  };
}
