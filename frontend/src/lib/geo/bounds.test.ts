import { describe, expect, it } from 'vitest';
import { bboxCenter, collectionBBox } from './bounds';

describe('bounds', () => {
  it('spans points, lines and polygons of any depth', () => {
    const fc = {
      features: [
        { geometry: { type: 'Point', coordinates: [116.4, 39.9] } },
        { geometry: { type: 'LineString', coordinates: [[116.3, 39.95], [116.5, 39.85]] } },
        { geometry: { type: 'MultiPolygon', coordinates: [[[[116.35, 39.8], [116.36, 39.8], [116.36, 39.81], [116.35, 39.8]]]] } },
      ],
    };
    expect(collectionBBox(fc)).toEqual([116.3, 39.8, 116.5, 39.95]);
  });

  it('is null for nothing to span', () => {
    expect(collectionBBox({ features: [] })).toBeNull();
    expect(collectionBBox({ features: [{ geometry: null }] })).toBeNull();
    expect(collectionBBox(undefined)).toBeNull();
  });

  it('gives the centre as [lat, lng]', () => {
    expect(bboxCenter([116, 39, 117, 40])).toEqual([39.5, 116.5]);
  });
});
