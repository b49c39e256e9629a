import type { GeoPolygon, LngLat } from '@onegrid/backend/geo';
import { cutCells, SLIVER_M2, type Lattice } from './gridCells.js';
import { NamePool } from './names.js';
import { partition, regionArea, type Region } from './partition.js';
import { densifyRing, orient, pointInPoly, polyArea, polyCentroid, ringsBBox, snap, type Poly } from './planar.js';
import { LocalFrame, type XY } from './projection.js';
import { Rng } from './random.js';
import { sineWarp } from './warp.js';

export type Scale = 'tiny' | 'demo' | 'city';

/** A district (区) of Hangzhou: real GB/T 2260 code and name, invented streets and communities. */
const DISTRICTS = [
  { code: '330106', name: '西湖区', nameEn: 'Xihu District' },
  { code: '330105', name: '拱墅区', nameEn: 'Gongshu District' },
  { code: '330102', name: '上城区', nameEn: 'Shangcheng District' },
  { code: '330108', name: '滨江区', nameEn: 'Binjiang District' },
  { code: '330110', name: '余杭区', nameEn: 'Yuhang District' },
  { code: '330113', name: '临平区', nameEn: 'Linping District' },
  { code: '330114', name: '钱塘区', nameEn: 'Qiantang District' },
  { code: '330109', name: '萧山区', nameEn: 'Xiaoshan District' },
] as const;

/** How big each scale is: the outline radius and how many districts, streets and communities it holds. */
export const LAYOUTS: Record<Scale, { radiusM: number; districts: number; streets: number[]; communitiesPerStreet: number[] }> = {
  tiny: { radiusM: 380, districts: 1, streets: [1], communitiesPerStreet: [2] },
  demo: { radiusM: 1900, districts: 1, streets: [3], communitiesPerStreet: [5, 6, 7] },
  city: { radiusM: 11_700, districts: 8, streets: [6], communitiesPerStreet: [7, 8, 9, 8, 7, 8] },
};

/** Centre of the generated place (a frame near Hangzhou; coordinates only, no map data). */
export const ORIGIN = { lng: 120.15, lat: 30.28 };
/** Side of a lattice square in metres: cells of about 10,000 m². */
export const CELL_SIZE_M = 100;

/** A district, street or community as the Area model stores it. */
export interface AreaSeed {
  code: string;
  level: 'district' | 'street' | 'community';
  name: string;
  nameEn: string;
  parentCode?: string;
  geometry: GeoPolygon;
  centroid: LngLat;
}

/** A grid cell (单元网格) as the GridCell model stores it, workers not yet assigned. */
export interface CellSeed {
  code: string;
  name: string;
  communityCode: string;
  streetCode: string;
  districtCode: string;
  geometry: GeoPolygon;
  centroid: LngLat;
  areaM2: number;
}

export interface Geography {
  frame: LocalFrame;
  lattice: Lattice;
  areas: AreaSeed[];
  cells: CellSeed[];
  /** Metric shapes of every area by code (for the basemap and device placement). */
  regions: Map<string, Region>;
  /** Metric outline of the whole generated place. */
  outline: Region;
}

/** Called after each community is cut, for progress display. */
export type GeographyProgress = (done: number, total: number) => void;

/**
 * Builds the place for a scale, purely and deterministically from `seed`:
 * an irregular outline, split into districts (city scale), streets and
 * communities (partition.ts), each community cut into lattice cells of about
 * 100 m × 100 m with 15-digit codes (gridCells.ts).
 */
export function buildGeography(scale: Scale, seed = 'onegrid', onProgress?: GeographyProgress): Geography {
  const layout = LAYOUTS[scale];
  const rng = new Rng(`${seed}:geography:${scale}`);
  const frame = new LocalFrame(ORIGIN.lng, ORIGIN.lat);
  const outline: Region = [outlinePolygon(rng.fork('outline'), layout.radiusM)];
  const [minX, , , maxY] = ringsBBox(outline[0]);
  const lattice: Lattice = { west: Math.floor(minX / CELL_SIZE_M) * CELL_SIZE_M, north: Math.ceil(maxY / CELL_SIZE_M) * CELL_SIZE_M, size: CELL_SIZE_M };
  const names = new NamePool(rng.fork('names'));
  const areas: AreaSeed[] = [];
  const cells: CellSeed[] = [];
  const regions = new Map<string, Region>();
  const toArea = (code: string, level: AreaSeed['level'], region: Region, name: string, nameEn: string, parentCode?: string): AreaSeed => {
    regions.set(code, region);
    return { code, level, name, nameEn, parentCode, geometry: toGeoJson(frame, region), centroid: lngLatOf(frame, interiorPoint(region)) };
  };

  const districtRegions = layout.districts === 1 ? [outline] : partition(outline, layout.districts, rng.fork('districts'), { warpAmplitude: 180, warpWavelength: 6000, densifyStep: 200 });
  const communityTotal = districtRegions.length * layout.streets[0] * average(layout.communitiesPerStreet);
  let communitiesDone = 0;
  districtRegions.forEach((districtRegion, d) => {
    const district = DISTRICTS[d];
    areas.push(toArea(district.code, 'district', districtRegion, district.name, district.nameEn));
    const streetCount = layout.streets[d % layout.streets.length];
    const streetRegions = streetCount === 1 ? [districtRegion] : partition(districtRegion, streetCount, rng.fork(`streets:${d}`), { warpAmplitude: 60, warpWavelength: 2000, densifyStep: 80 });
    streetRegions.forEach((streetRegion, s) => {
      const streetCode = district.code + pad3(s + 1);
      const streetName = names.next();
      areas.push(toArea(streetCode, 'street', streetRegion, `${streetName.zh}街道`, `${streetName.en} Subdistrict`, district.code));
      const count = layout.communitiesPerStreet[s % layout.communitiesPerStreet.length];
      const communityRegions = partition(streetRegion, count, rng.fork(`communities:${streetCode}`), { warpAmplitude: 25, warpWavelength: 900, densifyStep: 40 });
      communityRegions.forEach((communityRegion, c) => {
        const communityCode = streetCode + pad3(c + 1);
        const communityName = names.next();
        areas.push(toArea(communityCode, 'community', communityRegion, `${communityName.zh}社区`, `${communityName.en} Community`, streetCode));
        const pieces = cutCells(communityRegion, lattice, SLIVER_M2);
        if (pieces.length > 999) throw new RangeError(`community ${communityCode} has ${pieces.length} cells; a 3-digit grid number allows 999`);
        pieces.forEach((piece, n) => {
          const code = communityCode + pad3(n + 1);
          cells.push({
            code,
            name: `${communityName.zh}社区第${n + 1}网格`,
            communityCode,
            streetCode,
            districtCode: district.code,
            geometry: toGeoJson(frame, [piece.poly]),
            centroid: lngLatOf(frame, interiorPoint([piece.poly])),
            areaM2: Math.round(piece.areaM2),
          });
        });
        onProgress?.(++communitiesDone, communityTotal);
      });
    });
  });
  return { frame, lattice, areas, cells, regions, outline };
}

/** An irregular, roughly oval outline of about `radiusM` metres around the origin. */
function outlinePolygon(rng: Rng, radiusM: number): Poly {
  const waves = [2, 3, 5, 7].map((k, i) => ({ k, a: [0.1, 0.07, 0.04, 0.025][i], phase: rng.range(0, 2 * Math.PI) }));
  const ring: XY[] = [];
  const n = 96;
  for (let i = 0; i < n; i++) {
    const t = (2 * Math.PI * i) / n;
    const r = radiusM * (1 + waves.reduce((s, w) => s + w.a * Math.sin(w.k * t + w.phase), 0));
    ring.push(snap([1.15 * r * Math.cos(t), 0.87 * r * Math.sin(t)]));
  }
  ring.push(ring[0]);
  const warp = sineWarp(rng.fork('warp'), radiusM * 0.015, radiusM * 0.6);
  return [densifyRing(ring, radiusM / 40).map(warp)];
}

/** A point inside the region: the centroid of its largest polygon when inside, else the middle of the widest inside run of a horizontal line through it. */
export function interiorPoint(region: Region): XY {
  const poly = region.reduce((m, p) => (polyArea(p) > polyArea(m) ? p : m));
  const c = polyCentroid(poly);
  if (pointInPoly(c, poly)) return c;
  const xs: number[] = [];
  for (const ring of poly)
    for (let i = 0; i < ring.length - 1; i++) {
      const [p, q] = [ring[i], ring[i + 1]];
      if (p[1] > c[1] !== q[1] > c[1]) xs.push(p[0] + ((c[1] - p[1]) * (q[0] - p[0])) / (q[1] - p[1]));
    }
  xs.sort((a, b) => a - b);
  let best: XY = c;
  let width = -1;
  for (let i = 0; i + 1 < xs.length; i += 2)
    if (xs[i + 1] - xs[i] > width) [best, width] = [[(xs[i] + xs[i + 1]) / 2, c[1]], xs[i + 1] - xs[i]];
  return best;
}

/** GeoJSON Polygon (one part) or MultiPolygon of a metric region, in WGS84 with RFC 7946 winding. */
export function toGeoJson(frame: LocalFrame, region: Region): GeoPolygon {
  const polys = region.map((p) => orient(p).map((ring) => ring.map((pt) => frame.toLngLat(pt))));
  return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
}

function lngLatOf(frame: LocalFrame, p: XY): LngLat {
  const [lng, lat] = frame.toLngLat(p);
  return { lng, lat };
}

function pad3(n: number): string {
  return String(n).padStart(3, '0');
}

function average(xs: number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

/** Total area in m² of the metric regions of the given codes. */
export function areaOf(geo: Geography, code: string): number {
  const region = geo.regions.get(code);
  return region ? regionArea(region) : 0;
}
