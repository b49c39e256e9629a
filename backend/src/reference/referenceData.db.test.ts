import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDbUri } from '../../../tests/support/db.js';
import { createGeoService } from '../places/index.js';
import { rectangle } from '../geo/index.js';
import { createModels, type Models } from '../models/index.js';
import { departmentCalendar } from './departmentCalendars.js';
import { invalidateRouting, resolveRouting } from './resolveRouting.js';

// The same modules as the unit tests, against the real store (embedded, or MongoDB via MONGODB_URI).
let conn: Connection;
let models: Models;

beforeAll(async () => {
  conn = await mongoose.createConnection(freshDbUri('ref').uri).asPromise();
  models = createModels(conn);
  await Promise.all(Object.values(models).map((m) => m.init()));
  await models.Department.insertMany([
    { code: 'SZ', name: '市政', level: 'district' },
    { code: 'WY', name: '物业', level: 'street', calendar: { hours: [{ start: '00:00', end: '24:00' }], workdays: [1, 2, 3, 4, 5, 6, 7] } },
  ]);
  await models.Category.create({ code: '01003', kind: 'component', major: '01', level: 'minor', parentCode: '01', name: '雨水井盖', nameEn: 'Storm-drain cover', leadDepartmentCode: 'SZ', coDepartmentCodes: ['CG'] });
  await models.RoutingRule.insertMany([
    { categoryCode: '01003', scope: 'community', areaCode: '110101001001', leadDepartmentCode: 'WY', coDepartmentCodes: [] },
    { categoryCode: '01003', scope: 'grid', areaCode: '110101001001007', leadDepartmentCode: 'SW', coDepartmentCodes: ['SZ'] },
  ]);
  await models.GridCell.create({
    code: '110101001001007',
    communityCode: '110101001001',
    streetCode: '110101001',
    districtCode: '110101',
    geometry: rectangle(116.4, 39.9, 116.401, 39.901),
    centroid: { lng: 116.4005, lat: 39.9005 },
    areaM2: 9_500,
  });
});

afterAll(async () => {
  await conn?.dropDatabase();
  await conn?.close();
});

describe('reference data against the store', () => {
  it('routes grid rule > community rule > category default', async () => {
    expect(await resolveRouting(models, '01003', { gridCode: '110101001001007', communityCode: '110101001001' })).toEqual({ leadDepartmentCode: 'SW', coDepartmentCodes: ['SZ'] });
    expect(await resolveRouting(models, '01003', { gridCode: '110101001001008', communityCode: '110101001001' })).toEqual({ leadDepartmentCode: 'WY', coDepartmentCodes: [] });
    expect(await resolveRouting(models, '01003', { communityCode: '110101001002' })).toEqual({ leadDepartmentCode: 'SZ', coDepartmentCodes: ['CG'] });
    await expect(resolveRouting(models, '99999')).rejects.toMatchObject({ status: 422, code: 'category_unknown' });
  });

  it('sees a new rule after invalidate', async () => {
    await models.RoutingRule.create({ categoryCode: '01003', scope: 'community', areaCode: '110101001002', leadDepartmentCode: 'WY', coDepartmentCodes: [] });
    expect((await resolveRouting(models, '01003', { communityCode: '110101001002' })).leadDepartmentCode).toBe('SZ');
    invalidateRouting(models);
    expect((await resolveRouting(models, '01003', { communityCode: '110101001002' })).leadDepartmentCode).toBe('WY');
  });

  it('reads department calendars with schema defaults filled in', async () => {
    expect(await departmentCalendar(models, 'SZ')).toMatchObject({ timeZone: 'Asia/Shanghai', workdays: [1, 2, 3, 4, 5], hours: [{ start: '09:00', end: '12:00' }, { start: '13:30', end: '17:30' }] });
    expect((await departmentCalendar(models, 'WY')).hours).toEqual([{ start: '00:00', end: '24:00' }]);
  });

  it('locates through a GeoService loaded from the gridcells collection', async () => {
    const geo = await createGeoService(models, { LOCATE_MAX_DISTANCE_M: 100 });
    expect(geo.locate(116.4005, 39.9005)).toEqual({ gridCode: '110101001001007', communityCode: '110101001001', streetCode: '110101001', distanceM: 0 });
    expect(geo.locate(116.4005, 39.9015)?.distanceM).toBeCloseTo(55.6, 0);
    expect(geo.locate(116.4005, 39.903)).toBeNull();
  });
});
