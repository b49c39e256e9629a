import type { BasemapLayer } from '@onegrid/backend/models';
import type { Geography } from './geography.js';
import { NamePool } from './names.js';
import { pointInPoly, ringsBBox, snap, type Poly } from './planar.js';
import type { XY } from './projection.js';
import { Rng } from './random.js';
import { sineWarp } from './warp.js';

/** A main road in the metric frame (for placing well covers, hydrants and underpass water gauges). */
export interface Road {
  name: string;
  kind: 'avenue' | 'road';
  points: XY[];
}

export interface Basemap {
  layers: BasemapLayer[];
  roads: Road[];
  /** Metric water polygons (rivers, lakes). */
  water: Poly[];
  /** Where two main roads cross: candidate underpasses (下穿通道). */
  crossings: XY[];
}

/** Most building blocks drawn (one document must stay far below MongoDB's 16 MB). */
const MAX_BLOCKS = 6000;

/**
 * An offline basemap for the generated place, deterministic from the seed:
 * main roads (gently curved arterials about 800 m apart), minor roads along
 * community boundaries, a river and lakes, and building blocks inside the
 * cells away from roads and water. Returned as the BasemapLayer documents plus
 * the metric shapes device placement needs.
 */
export function buildBasemap(geo: Geography, seed = 'onegrid'): Basemap {
  const rng = new Rng(`${seed}:basemap:${geo.cells.length}`);
  const [minX, minY, maxX, maxY] = ringsBBox(geo.outline.flatMap((p) => p));
  const margin = 400;
  const warp = sineWarp(rng.fork('roads'), 35, 1800);
  const names = new NamePool(rng.fork('road-names'));
  const roads: Road[] = [];
  const line = (a: XY, b: XY): XY[] => densifyLine(a, b, 50).map(warp);
  for (let y = minY + rng.range(300, 700); y < maxY - 200; y += rng.range(650, 950)) {
    const n = names.next();
    roads.push({ name: `${n.zh}路`, kind: roads.length % 3 === 0 ? 'avenue' : 'road', points: line(snap([minX - margin, y]), snap([maxX + margin, y])) });
  }
  for (let x = minX + rng.range(300, 700); x < maxX - 200; x += rng.range(650, 950)) {
    const n = names.next();
    roads.push({ name: `${n.zh}${roads.length % 3 === 0 ? '大道' : '路'}`, kind: roads.length % 3 === 0 ? 'avenue' : 'road', points: line(snap([x, maxY + margin]), snap([x, minY - margin])) });
  }
  const water = buildWater(rng.fork('water'), geo, [minX, minY, maxX, maxY]);
  const crossings = roadCrossings(roads).filter((p) => geo.outline.some((poly) => pointInPoly(p, poly)));
  const blocks = buildBlocks(rng.fork('blocks'), geo, roads, water);
  const toLngLat = (pts: XY[]) => pts.map((p) => geo.frame.toLngLat(p));
  const feature = (geometry: unknown, properties: Record<string, unknown>) => ({ type: 'Feature', properties, geometry });
  const polygon = (poly: Poly) => ({ type: 'Polygon', coordinates: poly.map(toLngLat) });
  return {
    roads,
    water,
    crossings,
    layers: [
      { _id: 'water', order: 10, features: water.map((w, i) => feature(polygon(w), { kind: i === 0 ? 'river' : 'lake', name: i === 0 ? '运河' : `${names.next().zh}湖` })) },
      { _id: 'blocks', order: 20, features: blocks.map((b) => feature(polygon(b), { kind: 'block' })) },
      {
        _id: 'minor-roads',
        order: 30,
        features: geo.areas.filter((a) => a.level === 'community').flatMap((a) => geo.regions.get(a.code)!.map((p) => feature({ type: 'LineString', coordinates: toLngLat(p[0]) }, { kind: 'minor' }))),
      },
      { _id: 'main-roads', order: 40, features: roads.map((r) => feature({ type: 'LineString', coordinates: toLngLat(r.points) }, { kind: r.kind, name: r.name })) },
    ],
  };
}

/** A river of ~60 m crossing the place diagonally, and a few lakes. */
function buildWater(rng: Rng, geo: Geography, [minX, minY, maxX, maxY]: number[]): Poly[] {
  const warp = sineWarp(rng.fork('river'), 60, 1500);
  const axis: XY[] = [];
  const steps = Math.ceil(Math.hypot(maxX - minX, maxY - minY) / 60);
  const y0 = rng.range(minY, (minY + maxY) / 2);
  const y1 = rng.range((minY + maxY) / 2, maxY);
  for (let i = 0; i <= steps; i++) axis.push(warp([minX - 300 + ((maxX - minX + 600) * i) / steps, y0 + ((y1 - y0) * i) / steps]));
  const half = 30;
  const left: XY[] = [];
  const right: XY[] = [];
  axis.forEach((p, i) => {
    const q = axis[Math.min(i + 1, axis.length - 1)];
    const o = axis[Math.max(i - 1, 0)];
    const len = Math.hypot(q[0] - o[0], q[1] - o[1]) || 1;
    const nx = -(q[1] - o[1]) / len;
    const ny = (q[0] - o[0]) / len;
    left.push(snap([p[0] + nx * half, p[1] + ny * half]));
    right.push(snap([p[0] - nx * half, p[1] - ny * half]));
  });
  const river: Poly = [[...left, ...right.reverse(), left[0]]];
  const lakes: Poly[] = [];
  const count = Math.max(1, Math.round(((maxX - minX) * (maxY - minY)) / 12e6));
  for (let k = 0; k < count * 4 && lakes.length < count; k++) {
    const c: XY = [rng.range(minX, maxX), rng.range(minY, maxY)];
    if (!geo.outline.some((poly) => pointInPoly(c, poly))) continue;
    const r = rng.range(120, 260);
    const ring: XY[] = [];
    for (let i = 0; i < 36; i++) {
      const t = (2 * Math.PI * i) / 36;
      const rr = r * (1 + 0.18 * Math.sin(3 * t + k) + 0.1 * Math.sin(5 * t + 2 * k));
      ring.push(snap([c[0] + 1.3 * rr * Math.cos(t), c[1] + rr * Math.sin(t)]));
    }
    ring.push(ring[0]);
    lakes.push([ring]);
  }
  return [river, ...lakes];
}

/** Building blocks: one to three rectangles inside whole cells at least 30 m from a main road and clear of water. */
function buildBlocks(rng: Rng, geo: Geography, roads: Road[], water: Poly[]): Poly[] {
  const nearRoad = spatialHash(roads.flatMap((r) => r.points), 100);
  const blocks: Poly[] = [];
  const every = Math.max(1, Math.ceil(geo.cells.length / (MAX_BLOCKS / 2)));
  geo.cells.forEach((cell, i) => {
    if (i % every !== 0 || cell.areaM2 < 9900 || blocks.length >= MAX_BLOCKS) return;
    const [x0, y0, x1, y1] = ringsBBox((cell.geometry.coordinates as number[][][]).map((r) => r.map((p) => geo.frame.toXY(p))));
    const centre: XY = [(x0 + x1) / 2, (y0 + y1) / 2];
    if (nearRoad(centre, 80) || water.some((w) => pointInPoly(centre, w) || w[0].some((p) => Math.abs(p[0] - centre[0]) < 90 && Math.abs(p[1] - centre[1]) < 90))) return;
    const parts = rng.int(1, 3);
    const w = (x1 - x0 - 24) / parts;
    for (let k = 0; k < parts; k++) {
      const bx = x0 + 12 + k * w;
      const inset = rng.range(3, 10);
      const [south, north] = [y0 + rng.range(12, 25), y1 - rng.range(12, 25)];
      const [west, east] = [bx + inset, bx + w - inset];
      const ring: XY[] = [snap([west, south]), snap([east, south]), snap([east, north]), snap([west, north])];
      blocks.push([[...ring, ring[0]]]);
    }
  });
  return blocks;
}

/** Points every `step` metres from a to b, both included. */
function densifyLine(a: XY, b: XY, step: number): XY[] {
  const n = Math.max(1, Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / step));
  return Array.from({ length: n + 1 }, (_, i) => snap([a[0] + ((b[0] - a[0]) * i) / n, a[1] + ((b[1] - a[1]) * i) / n]));
}

/** Where two roads cross (segment intersections, segments pre-filtered by bounding box). */
function roadCrossings(roads: Road[]): XY[] {
  const out: XY[] = [];
  const boxes = roads.map((r) => ringsBBox([r.points]));
  for (let i = 0; i < roads.length; i++)
    for (let j = i + 1; j < roads.length; j++) {
      const [bi, bj] = [boxes[i], boxes[j]];
      if (bi[0] > bj[2] || bj[0] > bi[2] || bi[1] > bj[3] || bj[1] > bi[3]) continue;
      const near = (pts: XY[], b: number[]) => pts.slice(0, -1).map((p, k) => [p, pts[k + 1]] as [XY, XY]).filter(([p, q]) => Math.max(p[0], q[0]) >= b[0] && Math.min(p[0], q[0]) <= b[2] && Math.max(p[1], q[1]) >= b[1] && Math.min(p[1], q[1]) <= b[3]);
      for (const [p, q] of near(roads[i].points, bj))
        for (const [r, s] of near(roads[j].points, bi)) {
          const x = segmentIntersection(p, q, r, s);
          if (x) out.push(snap(x));
        }
    }
  return out;
}

function segmentIntersection(p: XY, q: XY, r: XY, s: XY): XY | null {
  const d = (q[0] - p[0]) * (s[1] - r[1]) - (q[1] - p[1]) * (s[0] - r[0]);
  if (d === 0) return null;
  const t = ((r[0] - p[0]) * (s[1] - r[1]) - (r[1] - p[1]) * (s[0] - r[0])) / d;
  const u = ((r[0] - p[0]) * (q[1] - p[1]) - (r[1] - p[1]) * (q[0] - p[0])) / d;
  return t >= 0 && t <= 1 && u >= 0 && u <= 1 ? [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])] : null;
}

/** A "is any point within d of this one" test over a bucketed point set. */
export function spatialHash(points: XY[], bucket: number): (p: XY, d: number) => boolean {
  const map = new Map<string, XY[]>();
  for (const p of points) {
    const k = `${Math.floor(p[0] / bucket)},${Math.floor(p[1] / bucket)}`;
    map.set(k, [...(map.get(k) ?? []), p]);
  }
  return (p, d) => {
    const span = Math.ceil(d / bucket);
    const bx = Math.floor(p[0] / bucket);
    const by = Math.floor(p[1] / bucket);
    for (let i = -span; i <= span; i++)
      for (let j = -span; j <= span; j++) for (const q of map.get(`${bx + i},${by + j}`) ?? []) if (Math.hypot(q[0] - p[0], q[1] - p[1]) <= d) return true;
    return false;
  };
}
