/** Metres per degree of latitude (mean Earth radius 6,371,008.8 m, as backend/src/geo/distance.ts). */
export const METRES_PER_DEGREE = (Math.PI / 180) * 6_371_008.8;

/** A point in a local metric frame: x metres east, y metres north of the frame's origin. */
export type XY = [number, number];

/**
 * A local equirectangular projection around an origin: exact enough (far below
 * a metre) over a district of a few tens of kilometres, and invertible.
 */
export class LocalFrame {
  readonly kx: number;
  readonly ky = METRES_PER_DEGREE;

  constructor(
    readonly originLng: number,
    readonly originLat: number,
  ) {
    this.kx = METRES_PER_DEGREE * Math.cos((originLat * Math.PI) / 180);
  }

  /** WGS84 [lng, lat] of a metric point, rounded to 7 decimals (≈1 cm) so documents stay small and stable. */
  toLngLat([x, y]: XY): [number, number] {
    return [round7(this.originLng + x / this.kx), round7(this.originLat + y / this.ky)];
  }

  /** The metric point of a WGS84 [lng, lat]. */
  toXY([lng, lat]: readonly number[]): XY {
    return [(lng - this.originLng) * this.kx, (lat - this.originLat) * this.ky];
  }
}

/** Rounds to 7 decimal places. */
export function round7(v: number): number {
  return Math.round(v * 1e7) / 1e7;
}
