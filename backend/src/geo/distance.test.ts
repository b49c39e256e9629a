import { describe, expect, it } from 'vitest';
import type { GeoPolygon } from '../geo/geometry.js';
import { haversineM, METRES_PER_DEGREE, pointToPolygonDistanceM } from './distance.js';
import { rectangle } from './syntheticGrid.js';

describe('haversineM', () => {
  it('is zero for the same point and symmetric', () => {
    expect(haversineM(116.4, 39.9, 116.4, 39.9)).toBe(0);
    expect(haversineM(116.4, 39.9, 121.47, 31.23)).toBeCloseTo(haversineM(121.47, 31.23, 116.4, 39.9), 6);
  });

  it('gives one degree of latitude as about 111.2 km', () => {
    expect(haversineM(116, 39, 116, 40)).toBeCloseTo(METRES_PER_DEGREE, 3);
    expect(METRES_PER_DEGREE).toBeGreaterThan(111_190);
    expect(METRES_PER_DEGREE).toBeLessThan(111_200);
  });

  it('gives Beijing (Tiananmen) to Shanghai (People’s Square) as about 1,067 km', () => {
    const d = haversineM(116.3975, 39.9087, 121.4737, 31.2304);
    expect(d).toBeGreaterThan(1_060_000);
    expect(d).toBeLessThan(1_075_000);
  });

  it('shrinks a degree of longitude with the cosine of latitude', () => {
    expect(haversineM(0, 60, 0.001, 60)).toBeCloseTo(0.001 * METRES_PER_DEGREE * 0.5, 1);
  });
});

describe('pointToPolygonDistanceM', () => {
  const lat0 = 39.9;
  const dLng100 = 100 / (METRES_PER_DEGREE * Math.cos((lat0 * Math.PI) / 180));
  const dLat100 = 100 / METRES_PER_DEGREE;
  const cell = rectangle(116.4, lat0, 116.4 + dLng100, lat0 + dLat100);

  it('is 0 inside', () => {
    expect(pointToPolygonDistanceM(116.4 + dLng100 / 2, lat0 + dLat100 / 2, cell)).toBe(0);
  });

  it('measures to the nearest edge east, south and to a corner', () => {
    expect(pointToPolygonDistanceM(116.4 + dLng100 * 1.5, lat0 + dLat100 / 2, cell)).toBeCloseTo(50, 0);
    expect(pointToPolygonDistanceM(116.4 + dLng100 / 2, lat0 - dLat100 * 0.3, cell)).toBeCloseTo(30, 1);
    expect(pointToPolygonDistanceM(116.4 - dLng100 * 0.3, lat0 - dLat100 * 0.4, cell)).toBeCloseTo(50, 0);
  });

  it('agrees with haversine for a point straight north of an edge', () => {
    const lat = lat0 + dLat100 * 2.5;
    const d = pointToPolygonDistanceM(116.4 + dLng100 / 2, lat, cell);
    expect(d).toBeCloseTo(haversineM(116.4 + dLng100 / 2, lat, 116.4 + dLng100 / 2, lat0 + dLat100), 3);
  });

  it('measures from inside a hole to the hole’s edge', () => {
    const donut: GeoPolygon = {
      type: 'Polygon',
      coordinates: [
        [[0, 0], [0.01, 0], [0.01, 0.01], [0, 0.01], [0, 0]],
        [[0.004, 0.004], [0.006, 0.004], [0.006, 0.006], [0.004, 0.006], [0.004, 0.004]],
      ],
    };
    expect(pointToPolygonDistanceM(0.005, 0.005, donut)).toBeCloseTo(0.001 * METRES_PER_DEGREE, 0);
  });
});
