import { describe, expect, it } from 'vitest';
import { buildGeography, type Geography } from './geography.js';
import { geometryAreaM2, overlapAreaM2, polygonProblem } from './geometryChecks.js';

function bbox(coords: unknown): [number, number, number, number] {
  const pts = (coords as number[][][]).flat(2) as unknown as number[];
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < pts.length; i += 2) {
    b[0] = Math.min(b[0], pts[i]);
    b[1] = Math.min(b[1], pts[i + 1]);
    b[2] = Math.max(b[2], pts[i]);
    b[3] = Math.max(b[3], pts[i + 1]);
  }
  return b;
}
const meets = (a: number[], b: number[]) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

describe.each(['tiny', 'demo'] as const)('the %s geography', (scale) => {
  const geo: Geography = buildGeography(scale);
  const communities = geo.areas.filter((a) => a.level === 'community');
  const streets = geo.areas.filter((a) => a.level === 'street');

  it('has the promised streets and communities per street', () => {
    if (scale === 'tiny') expect([streets.length, communities.length]).toEqual([1, 2]);
    else {
      expect(streets.length).toBeGreaterThanOrEqual(2);
      for (const s of streets) expect(communities.filter((c) => c.parentCode === s.code).length).toBeGreaterThanOrEqual(4);
      for (const s of streets) expect(communities.filter((c) => c.parentCode === s.code).length).toBeLessThanOrEqual(8);
    }
  });

  it('builds exactly the same place from the same seed', () => {
    expect(JSON.stringify(buildGeography(scale))).toBe(JSON.stringify(geo));
  });

  it('gives every cell a unique, well-formed 15-digit code under its community', () => {
    const codes = geo.cells.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of geo.cells) {
      expect(c.code).toMatch(/^\d{15}$/);
      expect(c.code.startsWith(c.communityCode)).toBe(true);
      expect(c.communityCode.startsWith(c.streetCode)).toBe(true);
      expect(c.streetCode.startsWith(c.districtCode)).toBe(true);
      expect(c.code.slice(12)).not.toBe('000');
    }
    for (const a of geo.areas) expect(a.code).toMatch(a.level === 'district' ? /^\d{6}$/ : a.level === 'street' ? /^\d{9}$/ : /^\d{12}$/);
  });

  it('makes every area and cell a valid polygon of about 10,000 m² for cells', () => {
    for (const a of [...geo.areas, ...geo.cells]) expect(polygonProblem(a.geometry), a.code).toBeNull();
    const sizes = geo.cells.map((c) => c.areaM2).sort((a, b) => a - b);
    expect(sizes[Math.floor(sizes.length / 2)]).toBeGreaterThan(9000);
    expect(sizes[sizes.length - 1]).toBeLessThan(13_000);
    expect(sizes.filter((s) => s < 1500).length).toBeLessThanOrEqual(Math.ceil(sizes.length / 500));
  });

  it('covers each community with its cells, each inside it, without overlaps', () => {
    for (const community of communities) {
      const cells = geo.cells.filter((c) => c.communityCode === community.code);
      const communityArea = geometryAreaM2(geo.frame, community.geometry);
      const cellSum = cells.reduce((s, c) => s + geometryAreaM2(geo.frame, c.geometry), 0);
      expect(Math.abs(cellSum - communityArea) / communityArea, community.code).toBeLessThan(1e-4);
      for (const cell of cells) {
        const own = geometryAreaM2(geo.frame, cell.geometry);
        expect(own - overlapAreaM2(geo.frame, cell.geometry, community.geometry), cell.code).toBeLessThan(1);
      }
    }
  });

  it('never lets two cells overlap, across communities too', () => {
    const boxes = geo.cells.map((c) => bbox(c.geometry.coordinates));
    let pairs = 0;
    for (let i = 0; i < geo.cells.length; i++)
      for (let j = i + 1; j < geo.cells.length; j++) {
        if (!meets(boxes[i], boxes[j])) continue;
        pairs++;
        expect(overlapAreaM2(geo.frame, geo.cells[i].geometry, geo.cells[j].geometry), `${geo.cells[i].code} × ${geo.cells[j].code}`).toBeLessThan(0.5);
      }
    expect(pairs).toBeGreaterThan(0);
  });

  it('tiles each street with its communities and the district with its streets', () => {
    for (const parent of geo.areas.filter((a) => a.level !== 'community')) {
      const children = geo.areas.filter((a) => a.parentCode === parent.code);
      const parentArea = geometryAreaM2(geo.frame, parent.geometry);
      const sum = children.reduce((s, c) => s + geometryAreaM2(geo.frame, c.geometry), 0);
      expect(Math.abs(sum - parentArea) / parentArea).toBeLessThan(1e-4);
      for (let i = 0; i < children.length; i++)
        for (let j = i + 1; j < children.length; j++) expect(overlapAreaM2(geo.frame, children[i].geometry, children[j].geometry)).toBeLessThan(1);
    }
  });
});
