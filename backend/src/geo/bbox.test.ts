import { describe, expect, it } from 'vitest';
import { bboxAround, bboxIntersects, parseBBox } from './bbox.js';
import { haversineM } from './distance.js';

describe('parseBBox', () => {
  it('parses minLng,minLat,maxLng,maxLat', () => {
    expect(parseBBox('116.3,39.8,116.5,40')).toEqual([116.3, 39.8, 116.5, 40]);
    expect(parseBBox(' 116.3 , 39.8 ,116.5, 40 ')).toEqual([116.3, 39.8, 116.5, 40]);
  });

  it('rejects wrong counts, non-numbers, out-of-range and inverted boxes', () => {
    for (const bad of ['', '1,2,3', '1,2,3,4,5', 'a,2,3,4', '1,,3,4', '-181,0,0,1', '0,-91,1,1', '2,0,1,1', '0,2,1,1', 'Infinity,0,1,1']) {
      expect(parseBBox(bad), bad).toBeNull();
    }
  });
});

describe('bboxIntersects', () => {
  it('is true for overlapping or touching boxes and false otherwise', () => {
    expect(bboxIntersects([0, 0, 1, 1], [0.5, 0.5, 2, 2])).toBe(true);
    expect(bboxIntersects([0, 0, 1, 1], [1, 0, 2, 1])).toBe(true);
    expect(bboxIntersects([0, 0, 1, 1], [1.1, 0, 2, 1])).toBe(false);
  });
});

describe('bboxAround', () => {
  it('contains every point within the radius, in all directions', () => {
    for (const lat of [0, 39.9, 60]) {
      const box = bboxAround(116.4, lat, 50);
      for (let a = 0; a < 360; a += 15) {
        // Step outward along bearing a until just past 50 m; the last point inside must be in the box.
        const rad = (a * Math.PI) / 180;
        let k = 0;
        while (haversineM(116.4, lat, 116.4 + Math.sin(rad) * k * 1e-6, lat + Math.cos(rad) * k * 1e-6) <= 50) k++;
        const lng = 116.4 + Math.sin(rad) * (k - 1) * 1e-6;
        const pLat = lat + Math.cos(rad) * (k - 1) * 1e-6;
        expect(lng >= box[0] && lng <= box[2] && pLat >= box[1] && pLat <= box[3], `lat ${lat} bearing ${a}`).toBe(true);
      }
    }
  });

  it('is tight: about 100 m tall for a 50 m radius', () => {
    const box = bboxAround(116.4, 39.9, 50);
    expect(haversineM(116.4, box[1], 116.4, box[3])).toBeCloseTo(100, 3);
  });
});
