import type { XY } from './projection.js';
import type { Rng } from './random.js';
import { clipToCloser, densifyRing, intersect, pointInPoly, polyArea, polyCentroid, rectPoly, ringsBBox, snap, unite, type Poly } from './planar.js';
import { sineWarp } from './warp.js';

/** A region as one or more polygons (a MultiPolygon when a piece could not be joined to a neighbour). */
export type Region = Poly[];

export interface PartitionOptions {
  /** Typical bend of boundaries in metres (see sineWarp). */
  warpAmplitude: number;
  /** Typical length of one bend in metres. */
  warpWavelength: number;
  /** Spacing of the points inserted along boundaries before they are bent. */
  densifyStep: number;
}

/** The total area of a region in m². */
export function regionArea(region: Region): number {
  return region.reduce((s, p) => s + polyArea(p), 0);
}

/** The centroid of a region's largest polygon. */
export function regionCentroid(region: Region): XY {
  return polyCentroid(region.reduce((m, p) => (polyArea(p) > polyArea(m) ? p : m)));
}

/**
 * Splits a region into `count` irregular parts with no gaps and no overlaps:
 * evenly spread seeds (best candidate + Lloyd relaxation), their Voronoi cells,
 * boundaries densified and bent by a smooth warp shared by both sides, then
 * clipped to the region. A stray piece is joined to a neighbour it touches.
 * Parts come numbered north → south, west → east.
 */
export function partition(region: Region, count: number, rng: Rng, opts: PartitionOptions): Region[] {
  const bbox = ringsBBox(region.flatMap((p) => p));
  const margin = 4 * opts.warpAmplitude + 200;
  const frame = rectPoly(bbox[0] - margin, bbox[1] - margin, bbox[2] + margin, bbox[3] + margin)[0];
  let seeds = spreadSeeds(region, count, rng, bbox);
  for (let iteration = 0; iteration < 2; iteration++) {
    seeds = voronoi(seeds, frame).map((cell, i) => {
      const parts = region.flatMap((p) => intersect([cell], p));
      return parts.length ? regionCentroid(parts) : seeds[i];
    });
  }
  const warp = sineWarp(rng.fork('warp'), opts.warpAmplitude, opts.warpWavelength);
  const rough = voronoi(seeds, frame).map((cell) => densifyRing(cell.map(snap), opts.densifyStep).map(warp));
  const pieces = rough.map((ring) => region.flatMap((p) => intersect([ring], p)));
  const parts = pieces.map((ps) => (ps.length ? [ps.reduce((m, p) => (polyArea(p) > polyArea(m) ? p : m))] : []));
  const strays = pieces.flatMap((ps, i) => ps.filter((p) => p !== parts[i][0]));
  for (const stray of strays) joinStray(parts, stray);
  const nonEmpty = parts.filter((p) => p.length > 0);
  return sortNorthWest(nonEmpty, Math.sqrt(regionArea(region) / count));
}

/** Joins a stray piece to the first part it merges with into one polygon; otherwise to the largest, as a MultiPolygon. */
function joinStray(parts: Region[], stray: Poly): void {
  for (const part of parts) {
    if (part.length !== 1) continue;
    const merged = unite(part[0], stray);
    if (merged?.length === 1) {
      part[0] = merged[0];
      return;
    }
  }
  const largest = parts.reduce((m, p) => (regionArea(p) > regionArea(m) ? p : m));
  largest.push(stray);
}

/** Orders regions in bands from north to south, west to east within a band. */
export function sortNorthWest(regions: Region[], band: number): Region[] {
  const keyed = regions.map((r) => ({ r, c: regionCentroid(r) }));
  keyed.sort((a, b) => Math.round(-a.c[1] / band) - Math.round(-b.c[1] / band) || a.c[0] - b.c[0]);
  return keyed.map((k) => k.r);
}

/** Voronoi cells of the seeds inside a convex frame ring (half-plane clipping; seeds are few). */
export function voronoi(seeds: readonly XY[], frame: readonly XY[]): XY[][] {
  return seeds.map((s, i) => {
    let cell = [...frame];
    seeds.forEach((o, j) => {
      if (j !== i && cell.length) cell = clipToCloser(cell, s, o);
    });
    return cell;
  });
}

/** Best-candidate sampling inside the region: each seed is the candidate farthest from the seeds so far. */
function spreadSeeds(region: Region, count: number, rng: Rng, bbox: [number, number, number, number]): XY[] {
  const seeds: XY[] = [];
  const inside = (p: XY) => region.some((poly) => pointInPoly(p, poly));
  for (let n = 0; n < count; n++) {
    let best: XY | null = null;
    let bestScore = -1;
    for (let tries = 0, found = 0; found < 12 && tries < 2000; tries++) {
      const p: XY = [rng.range(bbox[0], bbox[2]), rng.range(bbox[1], bbox[3])];
      if (!inside(p)) continue;
      found++;
      const score = seeds.length ? Math.min(...seeds.map((s) => Math.hypot(s[0] - p[0], s[1] - p[1]))) : 1;
      if (score > bestScore) [best, bestScore] = [p, score];
    }
    if (best) seeds.push(best);
  }
  return seeds;
}
