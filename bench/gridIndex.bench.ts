// Prints how fast GridIndex builds and locates over a city-sized grid:
// 40,000 synthetic 100 m cells (200 × 200, ≈ 400 km²) around Beijing.
// Run: npx tsx bench/gridIndex.bench.ts
import { performance } from 'node:perf_hooks';
import { GridIndex, METRES_PER_DEGREE, syntheticGrid } from '@onegrid/backend/geo';

const SIDE = 200;
const ORIGIN = { lng: 116.3, lat: 39.85 };
const dLat = 100 / METRES_PER_DEGREE;
const dLng = 100 / (METRES_PER_DEGREE * Math.cos((ORIGIN.lat * Math.PI) / 180));

let seed = 1;
const rnd = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);

const cells = syntheticGrid({ originLng: ORIGIN.lng, originLat: ORIGIN.lat, columns: SIDE, rows: SIDE });
let t = performance.now();
const index = new GridIndex(cells);
const buildMs = performance.now() - t;

/** Points spread over the grid plus a `margin` of cells around it (outside points take the nearest-cell path). */
function points(n: number, margin: number): Float64Array {
  const out = new Float64Array(n * 2);
  for (let i = 0; i < n; i++) {
    out[i * 2] = ORIGIN.lng + (rnd() * (SIDE + 2 * margin) - margin) * dLng;
    out[i * 2 + 1] = ORIGIN.lat + (rnd() * (SIDE + 2 * margin) - margin) * dLat;
  }
  return out;
}

function run(label: string, pts: Float64Array, maxM: number): void {
  const n = pts.length / 2;
  for (let i = 0; i < Math.min(n, 20_000); i++) index.locate(pts[i * 2], pts[i * 2 + 1], maxM); // warm-up
  let found = 0;
  t = performance.now();
  for (let i = 0; i < n; i++) if (index.locate(pts[i * 2], pts[i * 2 + 1], maxM)) found++;
  const ms = performance.now() - t;
  const perSec = Math.round((n / ms) * 1000);
  console.log(`${label.padEnd(44)} ${perSec.toLocaleString('en-US').padStart(12)} locate/s  (${n.toLocaleString('en-US')} in ${ms.toFixed(0)} ms, ${found.toLocaleString('en-US')} located)`);
}

console.log(`GridIndex: ${index.size.toLocaleString('en-US')} cells built in ${buildMs.toFixed(0)} ms (node ${process.version})`);
run('inside the grid', points(500_000, 0), 200);
run('grid + 5 km margin, nearest within 200 m', points(500_000, 50), 200);
run('just outside the edges (nearest within 200 m)', edgePoints(200_000), 200);

function edgePoints(n: number): Float64Array {
  const out = new Float64Array(n * 2);
  for (let i = 0; i < n; i++) {
    const along = rnd() * SIDE;
    const off = -rnd() * 2; // up to 200 m outside the west edge
    out[i * 2] = ORIGIN.lng + off * dLng;
    out[i * 2 + 1] = ORIGIN.lat + along * dLat;
  }
  return out;
}
