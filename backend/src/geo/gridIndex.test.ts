import { describe, expect, it } from 'vitest';
import type { GeoPolygon } from '../geo/geometry.js';
import { METRES_PER_DEGREE, pointToFlatGeometryDistanceM, pointToPolygonDistanceM } from './distance.js';
import { flattenGeometry, type FlatGeometry } from './flatGeometry.js';
import { GridIndex, type GridIndexInput } from './gridIndex.js';
import { rectangle, syntheticGrid } from './syntheticGrid.js';

const LNG0 = 116.4;
const LAT0 = 39.9;
const dLat = 100 / METRES_PER_DEGREE;
const dLng = 100 / (METRES_PER_DEGREE * Math.cos((LAT0 * Math.PI) / 180));

/** A seeded PRNG so failures reproduce. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** The answer by brute force over every cell: contained first, then nearest within the limit. */
const flat = new WeakMap<GridIndexInput, FlatGeometry>();
function bruteForce(cells: GridIndexInput[], lng: number, lat: number, maxM: number) {
  let best: { code: string; d: number } | null = null;
  for (const c of cells) {
    if (!flat.has(c)) flat.set(c, flattenGeometry(c.geometry));
    const d = pointToFlatGeometryDistanceM(lng, lat, flat.get(c)!);
    if (d <= maxM && (!best || d < best.d || (d === best.d && c.code < best.code))) best = { code: c.code, d };
  }
  return best;
}

describe('GridIndex', () => {
  const cells = syntheticGrid({ originLng: LNG0, originLat: LAT0, columns: 20, rows: 20 });
  const index = new GridIndex(cells);

  it('locates a point inside a cell with distance 0 and the cell’s community and street', () => {
    const lng = LNG0 + dLng * 3.5;
    const lat = LAT0 + dLat * 17.5; // row 2 from the north
    const loc = index.locate(lng, lat, 200);
    const expected = cells.find((c) => pointToPolygonDistanceM(lng, lat, c.geometry) === 0)!;
    expect(loc).toEqual({ gridCode: expected.code, communityCode: expected.communityCode, streetCode: expected.streetCode, distanceM: 0 });
  });

  it('sends a point just outside the grid to the nearest cell within the limit', () => {
    const loc = index.locate(LNG0 + dLng * 20.5, LAT0 + dLat * 10.5, 200);
    expect(loc?.distanceM).toBeCloseTo(50, 0);
    expect(loc?.gridCode).toBe(bruteForce(cells, LNG0 + dLng * 20.5, LAT0 + dLat * 10.5, 200)?.code);
  });

  it('returns null beyond the limit, and with limit 0 for any point outside', () => {
    expect(index.locate(LNG0 + dLng * 23, LAT0 + dLat * 10.5, 200)).toBeNull();
    expect(index.locate(LNG0 + dLng * 20.5, LAT0 + dLat * 10.5, 0)).toBeNull();
    expect(index.locate(LNG0 + dLng * 20.5, LAT0 + dLat * 10.5)).toBeNull();
  });

  it('locates a point exactly on the outer boundary with distance 0', () => {
    const loc = index.locate(LNG0 + dLng * 20, LAT0 + dLat * 10.5, 0);
    expect(loc?.distanceM).toBe(0);
  });

  it('returns null for non-finite coordinates and for an empty index', () => {
    expect(index.locate(NaN, LAT0, 200)).toBeNull();
    expect(new GridIndex([]).locate(LNG0, LAT0, 1e6)).toBeNull();
    expect(new GridIndex([]).cellsInBBox([0, 0, 180, 90])).toEqual([]);
  });

  it('agrees with brute force on 2,000 random points in and around the grid', () => {
    const rnd = random(42);
    for (let i = 0; i < 2000; i++) {
      const lng = LNG0 + (rnd() * 26 - 3) * dLng;
      const lat = LAT0 + (rnd() * 26 - 3) * dLat;
      const expected = bruteForce(cells, lng, lat, 200);
      const loc = index.locate(lng, lat, 200);
      expect(loc?.gridCode ?? null, `point ${lng},${lat}`).toBe(expected?.code ?? null);
      if (expected) expect(loc!.distanceM).toBeCloseTo(expected.d, 6);
    }
  });

  it('stays exact for cells far from the data’s middle latitude', () => {
    const spread = [
      ...syntheticGrid({ originLng: 100, originLat: 20, columns: 3, rows: 3 }),
      ...syntheticGrid({ originLng: 100, originLat: 55, columns: 3, rows: 3, communitySpan: 1 }).map((c, i) => ({ ...c, code: `9${c.code.slice(1, 12)}${String(i).padStart(3, '0')}` })),
    ];
    const wide = new GridIndex(spread);
    const rnd = random(7);
    for (const lat0 of [20, 55]) {
      const k = 100 / (METRES_PER_DEGREE * Math.cos((lat0 * Math.PI) / 180));
      for (let i = 0; i < 300; i++) {
        const lng = 100 + (rnd() * 9 - 3) * k;
        const lat = lat0 + (rnd() * 9 - 3) * dLat;
        expect(wide.locate(lng, lat, 250)?.gridCode ?? null).toBe(bruteForce(spread, lng, lat, 250)?.code ?? null);
      }
    }
  });

  it('does not locate a point in a cell’s hole inside that cell', () => {
    const ring = rectangle(0, 0, 0.01, 0.01).coordinates[0] as number[][];
    const hole = rectangle(0.004, 0.004, 0.006, 0.006).coordinates[0] as number[][];
    const donut: GridIndexInput = { code: '110101001001001', communityCode: '110101001001', streetCode: '110101001', geometry: { type: 'Polygon', coordinates: [ring, hole] } };
    const plug: GridIndexInput = { code: '110101001001002', communityCode: '110101001001', streetCode: '110101001', geometry: { type: 'Polygon', coordinates: [hole] } };
    expect(new GridIndex([donut, plug]).locate(0.005, 0.005, 0)?.gridCode).toBe(plug.code);
    expect(new GridIndex([donut]).locate(0.005, 0.005, 0)).toBeNull();
    expect(new GridIndex([donut]).locate(0.005, 0.005, 200)?.distanceM).toBeCloseTo(0.001 * METRES_PER_DEGREE, 0);
  });

  it('indexes MultiPolygon cells by every part', () => {
    const geometry: GeoPolygon = {
      type: 'MultiPolygon',
      coordinates: [rectangle(0, 0, 0.001, 0.001).coordinates as number[][][], rectangle(0.01, 0.01, 0.011, 0.011).coordinates as number[][][]],
    };
    const multi = new GridIndex([{ code: '110101001001003', communityCode: '110101001001', streetCode: '110101001', geometry }]);
    expect(multi.locate(0.0105, 0.0105)?.gridCode).toBe('110101001001003');
    expect(multi.locate(0.005, 0.005)).toBeNull();
  });

  it('skips cells with unusable geometry, lists them, and still indexes the rest', () => {
    const broken = [
      { code: '110101001001901', communityCode: '110101001001', streetCode: '110101001', geometry: { type: 'Point', coordinates: [0, 0] } as unknown as GeoPolygon },
      { code: '110101001001902', communityCode: '110101001001', streetCode: '110101001', geometry: { type: 'Polygon', coordinates: [] } as GeoPolygon },
      { code: '110101001001903', communityCode: '110101001001', streetCode: '110101001', geometry: { type: 'Polygon', coordinates: 'x' } as unknown as GeoPolygon },
    ];
    const mixed = new GridIndex([...broken, ...cells]);
    expect(mixed.invalidCodes).toEqual(broken.map((b) => b.code));
    expect(mixed.size).toBe(cells.length);
    expect(mixed.locate(LNG0 + dLng * 0.5, LAT0 + dLat * 0.5)?.gridCode).toBe(cells[cells.length - 20].code);
  });

  it('lists the cells whose boxes meet a bbox', () => {
    const bbox: [number, number, number, number] = [LNG0 + dLng * 0.5, LAT0 + dLat * 0.5, LNG0 + dLng * 2.5, LAT0 + dLat * 1.5];
    expect(index.cellsInBBox(bbox)).toHaveLength(6);
    expect(index.get(cells[0].code)?.code).toBe(cells[0].code);
    expect(index.size).toBe(400);
  });
});
