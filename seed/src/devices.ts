import { DEVICE_TYPES, type Device, type DeviceType } from '@onegrid/backend/models';
import { GridIndex } from '@onegrid/backend/geo';
import type { Basemap } from './basemap.js';
import { DEVICE_TYPE_SPECS } from './deviceTypes.js';
import type { CellSeed, Geography } from './geography.js';
import { snap } from './planar.js';
import type { XY } from './projection.js';
import { Rng } from './random.js';
import { DEMO_DEVICE } from './secrets.js';

/** A device before its token hash is computed. */
export type DeviceSeed = Omit<Device, 'tokenHash' | 'lastSeenAt'>;

/** Where each type goes: on a road, beside a road, at an underpass, inside a building block, or anywhere in a cell. */
type Placement = 'road' | 'roadside' | 'underpass' | 'building' | 'cell';
const PLACEMENT: Record<DeviceType, Placement> = {
  'well-cover': 'road',
  'water-level': 'underpass',
  smoke: 'building',
  hydrant: 'roadside',
  noise: 'roadside',
  'bin-fill': 'roadside',
  'air-quality': 'cell',
  elevator: 'building',
};

/**
 * The sensor fleet, deterministic from the seed: `total` devices split by the
 * type shares, each placed plausibly (well covers on main roads and community
 * boundary roads, water gauges at road crossings (underpasses) and the river,
 * hydrants, noise meters and bins beside roads, smoke and elevator sensors in
 * building blocks) and kept only where it lies inside a grid cell, whose code
 * it carries. The first device is the demo well cover `demo-cover-001` in
 * `demoCell` (worker-01's first cell).
 */
export function buildDevices(geo: Geography, basemap: Basemap, total: number, demoCell: CellSeed, seed = 'onegrid'): DeviceSeed[] {
  const rng = new Rng(`${seed}:devices:${total}`);
  const index = new GridIndex(geo.cells);
  const cellAt = (p: XY): { code: string; lngLat: [number, number] } | null => {
    const lngLat = geo.frame.toLngLat(p);
    const hit = index.locate(lngLat[0], lngLat[1], 0);
    return hit && hit.distanceM === 0 ? { code: hit.gridCode, lngLat } : null;
  };
  const devices: DeviceSeed[] = [
    {
      deviceId: DEMO_DEVICE.deviceId,
      type: 'well-cover',
      name: '演示雨水井盖 demo-cover-001',
      lng: demoCell.centroid.lng,
      lat: demoCell.centroid.lat,
      gridCode: demoCell.code,
      categoryCode: '01003',
      thresholds: DEVICE_TYPE_SPECS['well-cover'].thresholds,
      status: 'unknown',
      demo: true,
    },
  ];
  const minorRoads = geo.areas.filter((a) => a.level === 'community').flatMap((a) => geo.regions.get(a.code)!.map((p) => p[0]));
  const blocks = basemap.layers.find((l) => l._id === 'blocks')!.features as { geometry: { coordinates: number[][][] } }[];
  const river = basemap.water[0]?.[0] ?? [];
  const pointOn = (line: XY[], side = 0): XY => {
    const i = rng.int(0, line.length - 2);
    const [p, q] = [line[i], line[i + 1]];
    const t = rng.next();
    const len = Math.hypot(q[0] - p[0], q[1] - p[1]) || 1;
    const off = side * (rng.chance(0.5) ? 1 : -1);
    return snap([p[0] + t * (q[0] - p[0]) - ((q[1] - p[1]) / len) * off, p[1] + t * (q[1] - p[1]) + ((q[0] - p[0]) / len) * off]);
  };
  const place = (how: Placement): XY => {
    switch (how) {
      case 'road':
        return rng.chance(0.6) && basemap.roads.length ? pointOn(rng.pick(basemap.roads).points, rng.range(0, 5)) : pointOn(rng.pick(minorRoads), rng.range(2, 6));
      case 'roadside':
        return rng.chance(0.7) && basemap.roads.length ? pointOn(rng.pick(basemap.roads).points, rng.range(8, 14)) : pointOn(rng.pick(minorRoads), rng.range(6, 12));
      case 'underpass':
        return rng.chance(0.7) && basemap.crossings.length ? snap([...jitter(rng.pick(basemap.crossings), 25)] as XY) : pointOn(river, 5);
      case 'building': {
        if (!blocks.length) return jitter(geo.frame.toXY(lngLatOf(rng.pick(geo.cells))), 30);
        const ring = rng.pick(blocks).geometry.coordinates[0].map((p) => geo.frame.toXY(p));
        const [a, , c] = ring;
        return snap([a[0] + rng.next() * (c[0] - a[0]), a[1] + rng.next() * (c[1] - a[1])]);
      }
      case 'cell':
        return jitter(geo.frame.toXY(lngLatOf(rng.pick(geo.cells))), 30);
    }
  };
  const counts = shareOut(total - 1);
  for (const type of DEVICE_TYPES) {
    const spec = DEVICE_TYPE_SPECS[type];
    const width = Math.max(4, String(counts[type]).length);
    for (let n = 1; n <= counts[type]; n++) {
      let hit: ReturnType<typeof cellAt> = null;
      for (let attempt = 0; !hit && attempt < 50; attempt++) hit = cellAt(place(PLACEMENT[type]));
      if (!hit) hit = cellAt(geo.frame.toXY(lngLatOf(rng.pick(geo.cells))))!;
      const categoryCode = rng.weighted(spec.categories);
      devices.push({
        deviceId: `${spec.prefix}-${String(n).padStart(width, '0')}`,
        type,
        name: `${spec.label} ${spec.prefix.toUpperCase()}-${String(n).padStart(width, '0')}`,
        lng: hit.lngLat[0],
        lat: hit.lngLat[1],
        gridCode: hit.code,
        categoryCode,
        thresholds: spec.thresholds,
        status: 'unknown',
        demo: true,
      });
    }
  }
  return devices;

  function jitter(p: XY, r: number): XY {
    return snap([p[0] + rng.range(-r, r), p[1] + rng.range(-r, r)]);
  }
}

function lngLatOf(cell: CellSeed): [number, number] {
  return [cell.centroid.lng, cell.centroid.lat];
}

/** Splits a total over the types by their shares (largest remainder), every type at least one. */
export function shareOut(total: number): Record<DeviceType, number> {
  const raw = DEVICE_TYPES.map((t) => total * DEVICE_TYPE_SPECS[t].share);
  const counts = raw.map((r) => Math.max(1, Math.floor(r)));
  let missing = total - counts.reduce((s, n) => s + n, 0);
  const order = raw.map((r, i) => ({ i, r: r - Math.floor(r) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; missing > 0; k++, missing--) counts[order[k % order.length].i]++;
  return Object.fromEntries(DEVICE_TYPES.map((t, i) => [t, counts[i]])) as Record<DeviceType, number>;
}
