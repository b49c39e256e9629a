import { describe, expect, it } from 'vitest';
import type { Models } from '../models/index.js';
import { METRES_PER_DEGREE, syntheticGrid, type GridIndexInput } from '../geo/index.js';
import { createGeoService } from './geoService.js';

/** A GridCell model stand-in whose `find().lean()` returns the current rows, optionally after a delay. */
function fakeGridCells(rows: GridIndexInput[][]) {
  let call = 0;
  const delays: number[] = [];
  const GridCell = {
    find: () => {
      const snapshot = rows[Math.min(call, rows.length - 1)];
      const delay = delays[call] ?? 0;
      call++;
      return { lean: () => new Promise((resolve) => setTimeout(() => resolve(snapshot), delay)) };
    },
  };
  return { models: { GridCell } as unknown as Pick<Models, 'GridCell'>, delays };
}

const cells = syntheticGrid({ originLng: 116.4, originLat: 39.9, columns: 4, rows: 4 });
const dLng = 100 / (METRES_PER_DEGREE * Math.cos((39.9 * Math.PI) / 180));
const inside = [116.4 + dLng * 0.5, 39.9 + 0.5 / METRES_PER_DEGREE * 100] as const;
const outside150m = [116.4 + dLng * 5.5, 39.9 + (0.5 * 100) / METRES_PER_DEGREE] as const; // 150 m east of the grid

describe('createGeoService', () => {
  it('loads the cells and locates synchronously', async () => {
    const geo = await createGeoService(fakeGridCells([cells]).models);
    expect(geo.index.size).toBe(16);
    expect(geo.locate(...inside)?.distanceM).toBe(0);
  });

  it('defaults the nearest-cell distance to 200 m, and lets a call override it', async () => {
    const geo = await createGeoService(fakeGridCells([cells]).models);
    expect(geo.locate(...outside150m)?.distanceM).toBeCloseTo(150, 0);
    expect(geo.locate(...outside150m, 100)).toBeNull();
  });

  it('takes the default from a number or from env.LOCATE_MAX_DISTANCE_M', async () => {
    expect((await createGeoService(fakeGridCells([cells]).models, 100)).locate(...outside150m)).toBeNull();
    expect((await createGeoService(fakeGridCells([cells]).models, { LOCATE_MAX_DISTANCE_M: 100, PORT: 3000 })).locate(...outside150m)).toBeNull();
    expect((await createGeoService(fakeGridCells([cells]).models, { PORT: 3000 })).locate(...outside150m)).not.toBeNull();
  });

  it('swaps in a fresh index on reload', async () => {
    const geo = await createGeoService(fakeGridCells([[], cells]).models);
    expect(geo.locate(...inside)).toBeNull();
    await geo.reload();
    expect(geo.locate(...inside)?.gridCode).toBe(cells[12].code);
  });

  it('keeps the newest data when two reloads overlap and the older one finishes last', async () => {
    const fake = fakeGridCells([[], cells.slice(0, 1), cells]);
    const geo = await createGeoService(fake.models);
    fake.delays[1] = 30; // the first reload reads the old snapshot slowly
    const slow = geo.reload();
    const fast = geo.reload();
    await Promise.all([slow, fast]);
    expect(geo.index.size).toBe(16);
  });
});
