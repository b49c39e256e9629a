import { describe, expect, it } from 'vitest';
import type { GeoPolygon } from '../geo/geometry.js';
import { pointInPolygon } from './pointInPolygon.js';
import { rectangle } from './syntheticGrid.js';

const square = rectangle(0, 0, 10, 10);
const withHole: GeoPolygon = {
  type: 'Polygon',
  coordinates: [
    [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
    [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]],
  ],
};
// An L shape (concave), clockwise on purpose: orientation must not matter.
const lShape: GeoPolygon = { type: 'Polygon', coordinates: [[[0, 0], [0, 10], [4, 10], [4, 4], [10, 4], [10, 0], [0, 0]]] };
const multi: GeoPolygon = {
  type: 'MultiPolygon',
  coordinates: [
    [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]],
    [
      [[5, 5], [9, 5], [9, 9], [5, 9], [5, 5]],
      [[6, 6], [8, 6], [8, 8], [6, 8], [6, 6]],
    ],
  ],
};

describe('pointInPolygon', () => {
  it('finds points inside and outside a simple polygon', () => {
    expect(pointInPolygon(5, 5, square)).toBe(true);
    expect(pointInPolygon(11, 5, square)).toBe(false);
    expect(pointInPolygon(5, -0.1, square)).toBe(false);
  });

  it('excludes points inside a hole but keeps points between hole and outer ring', () => {
    expect(pointInPolygon(5, 5, withHole)).toBe(false);
    expect(pointInPolygon(2, 2, withHole)).toBe(true);
    expect(pointInPolygon(7, 5, withHole)).toBe(true);
  });

  it('handles concave polygons in either orientation', () => {
    expect(pointInPolygon(2, 8, lShape)).toBe(true);
    expect(pointInPolygon(8, 2, lShape)).toBe(true);
    expect(pointInPolygon(8, 8, lShape)).toBe(false);
  });

  it('tests every part of a MultiPolygon, with each part’s own holes', () => {
    expect(pointInPolygon(1, 1, multi)).toBe(true);
    expect(pointInPolygon(5.5, 5.5, multi)).toBe(true);
    expect(pointInPolygon(7, 7, multi)).toBe(false);
    expect(pointInPolygon(3.5, 3.5, multi)).toBe(false);
  });

  it('puts a point on the shared edge of two adjacent cells in exactly one of them', () => {
    const west = rectangle(0, 0, 1, 1);
    const east = rectangle(1, 0, 2, 1);
    for (const y of [0.1, 0.5, 0.9]) {
      const hits = [pointInPolygon(1, y, west), pointInPolygon(1, y, east)].filter(Boolean);
      expect(hits).toHaveLength(1);
    }
  });

  it('accepts rings without the closing vertex', () => {
    const open: GeoPolygon = { type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 10], [0, 10]]] };
    expect(pointInPolygon(5, 5, open)).toBe(true);
    expect(pointInPolygon(5, 11, open)).toBe(false);
  });

  it('rejects geometry types other than Polygon and MultiPolygon', () => {
    expect(() => pointInPolygon(0, 0, { type: 'Point', coordinates: [0, 0] } as unknown as GeoPolygon)).toThrow(TypeError);
  });
});
