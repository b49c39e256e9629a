import type { XY } from './projection.js';
import type { Region } from './partition.js';
import { intersect, pointInPoly, polyArea, polyCentroid, rectPoly, ringsBBox, unite, type Poly } from './planar.js';

/** The district-wide lattice grid cells are cut from: squares of `size` metres, rows counted southwards from `north`. */
export interface Lattice {
  west: number;
  north: number;
  size: number;
}

/** One grid cell of a community before it gets its code. */
export interface CellPiece {
  poly: Poly;
  row: number;
  col: number;
  areaM2: number;
}

/** Default smallest piece kept as a cell of its own (m²); smaller ones join a neighbour of the same community. */
export const SLIVER_M2 = 1500;

/**
 * Cuts a community into grid cells: every lattice square meeting it, clipped to
 * it (squares wholly inside are kept as they are), then pieces under `sliverM2`
 * joined to an adjacent cell of the same community. The cells cover the
 * community exactly, without overlaps, and come ordered north → south, west → east.
 */
export function cutCells(community: Region, lattice: Lattice, sliverM2 = SLIVER_M2): CellPiece[] {
  const rings = community.flatMap((p) => p);
  const [minX, minY, maxX, maxY] = ringsBBox(rings);
  const { west, north, size } = lattice;
  const edges = rings.flatMap((ring) => ring.slice(0, -1).map((p, i) => [p, ring[i + 1]] as [XY, XY]));
  const pieces: CellPiece[] = [];
  for (let row = Math.floor((north - maxY) / size); row <= Math.floor((north - minY) / size); row++) {
    const y1 = north - row * size;
    const y0 = y1 - size;
    const rowEdges = edges.filter(([p, q]) => Math.max(p[1], q[1]) >= y0 && Math.min(p[1], q[1]) <= y1);
    for (let col = Math.floor((minX - west) / size); col <= Math.floor((maxX - west) / size); col++) {
      const x0 = west + col * size;
      const x1 = x0 + size;
      const square = rectPoly(x0, y0, x1, y1);
      const crossed = rowEdges.some(([p, q]) => segmentMeetsBox(p, q, x0, y0, x1, y1));
      if (!crossed) {
        const centre: XY = [(x0 + x1) / 2, (y0 + y1) / 2];
        if (community.some((poly) => pointInPoly(centre, poly))) pieces.push({ poly: square, row, col, areaM2: size * size });
        continue;
      }
      for (const part of community.flatMap((poly) => intersect(square, poly))) {
        const areaM2 = polyArea(part);
        if (areaM2 > 0.01) pieces.push({ poly: part, row, col, areaM2 });
      }
    }
  }
  return orderCells(mergeSlivers(pieces, sliverM2));
}

/** Joins every piece under the limit to the largest adjacent piece it forms one polygon with. */
function mergeSlivers(pieces: CellPiece[], sliverM2: number): CellPiece[] {
  const cells = [...pieces];
  const slivers = cells.filter((c) => c.areaM2 < sliverM2).sort((a, b) => a.areaM2 - b.areaM2 || a.row - b.row || a.col - b.col);
  for (const sliver of slivers) {
    if (!cells.includes(sliver)) continue;
    const near = cells
      .filter((c) => c !== sliver && Math.max(Math.abs(c.row - sliver.row), Math.abs(c.col - sliver.col)) <= 1)
      .sort((a, b) => b.areaM2 - a.areaM2 || a.row - b.row || a.col - b.col);
    for (const target of near) {
      const merged = unite(target.poly, sliver.poly);
      if (merged?.length !== 1) continue;
      const index = cells.indexOf(target);
      cells[index] = { ...target, poly: merged[0], areaM2: polyArea(merged[0]) };
      cells.splice(cells.indexOf(sliver), 1);
      break;
    }
  }
  return cells;
}

function orderCells(cells: CellPiece[]): CellPiece[] {
  return cells
    .map((c) => ({ c, x: polyCentroid(c.poly)[0] }))
    .sort((a, b) => a.c.row - b.c.row || a.c.col - b.c.col || a.x - b.x)
    .map((k) => k.c);
}

/** True when the segment pq meets the closed box (Liang–Barsky). */
export function segmentMeetsBox(p: XY, q: XY, x0: number, y0: number, x1: number, y1: number): boolean {
  const dx = q[0] - p[0];
  const dy = q[1] - p[1];
  let t0 = 0;
  let t1 = 1;
  const checks: [number, number][] = [
    [-dx, p[0] - x0],
    [dx, x1 - p[0]],
    [-dy, p[1] - y0],
    [dy, y1 - p[1]],
  ];
  for (const [pk, qk] of checks) {
    if (pk === 0) {
      if (qk < 0) return false;
      continue;
    }
    const t = qk / pk;
    if (pk < 0) {
      if (t > t1) return false;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return false;
      if (t < t1) t1 = t;
    }
  }
  return true;
}
