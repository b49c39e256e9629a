import { describe, expect, it } from 'vitest';
import { AppError } from '../kernel/index.js';
import type { Models } from '../models/index.js';
import { RoutingResolver, invalidateRouting, resolveRouting } from './resolveRouting.js';

interface Row {
  code?: string;
  categoryCode?: string;
  scope?: 'grid' | 'community';
  areaCode?: string;
  leadDepartmentCode: string;
  coDepartmentCodes: string[];
}

/** Just enough of the two mongoose models for the resolver, counting reads. */
function fakeModels(categories: Row[], rules: Row[]) {
  const reads = { count: 0 };
  const query = <T>(value: () => T) => ({ lean: async () => (reads.count++, structuredClone(value())) });
  const models = {
    Category: { findOne: (f: { code: string }) => query(() => categories.find((c) => c.code === f.code) ?? null) },
    RoutingRule: { find: (f: { categoryCode: string }) => query(() => rules.filter((r) => r.categoryCode === f.categoryCode)) },
  } as unknown as Pick<Models, 'Category' | 'RoutingRule'>;
  return { models, reads, categories, rules };
}

const GRID = '110101001001007';
const COMMUNITY = '110101001001';

function setup() {
  return fakeModels(
    [
      { code: '01003', leadDepartmentCode: 'SZ', coDepartmentCodes: ['CG'] },
      { code: '06010', leadDepartmentCode: 'HW', coDepartmentCodes: [] },
    ],
    [
      { categoryCode: '01003', scope: 'community', areaCode: COMMUNITY, leadDepartmentCode: 'WY', coDepartmentCodes: ['SZ'] },
      { categoryCode: '01003', scope: 'grid', areaCode: GRID, leadDepartmentCode: 'SW', coDepartmentCodes: ['SZ', 'SW', 'SZ'] },
    ],
  );
}

describe('resolveRouting', () => {
  it('uses the category default when no rule matches', async () => {
    const { models } = setup();
    expect(await resolveRouting(models, '01003')).toEqual({ leadDepartmentCode: 'SZ', coDepartmentCodes: ['CG'] });
    expect(await resolveRouting(models, '01003', { gridCode: '110101001002001', communityCode: '110101001002' })).toEqual({ leadDepartmentCode: 'SZ', coDepartmentCodes: ['CG'] });
  });

  it('lets a community rule override the default', async () => {
    const { models } = setup();
    expect(await resolveRouting(models, '01003', { communityCode: COMMUNITY, gridCode: '110101001001001' })).toEqual({ leadDepartmentCode: 'WY', coDepartmentCodes: ['SZ'] });
  });

  it('lets a grid rule beat the community rule, without repeating the lead among co-handlers', async () => {
    const { models } = setup();
    expect(await resolveRouting(models, '01003', { communityCode: COMMUNITY, gridCode: GRID })).toEqual({ leadDepartmentCode: 'SW', coDepartmentCodes: ['SZ'] });
  });

  it('throws Unprocessable category_unknown for an unknown category', async () => {
    const { models } = setup();
    const err = await resolveRouting(models, '99999').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ status: 422, code: 'category_unknown', details: { categoryCode: '99999' } });
  });

  it('reads each category once until invalidated, then sees the change', async () => {
    const { models, reads, rules } = setup();
    await resolveRouting(models, '06010');
    await resolveRouting(models, '06010', { gridCode: GRID });
    expect(reads.count).toBe(2); // one category read + one rules read
    rules.push({ categoryCode: '06010', scope: 'grid', areaCode: GRID, leadDepartmentCode: 'JD', coDepartmentCodes: [] });
    expect((await resolveRouting(models, '06010', { gridCode: GRID })).leadDepartmentCode).toBe('HW');
    invalidateRouting(models, '06010');
    expect((await resolveRouting(models, '06010', { gridCode: GRID })).leadDepartmentCode).toBe('JD');
  });

  it('does not remember an unknown category, so a category added later resolves', async () => {
    const { models, categories } = setup();
    await expect(resolveRouting(models, '08001')).rejects.toMatchObject({ code: 'category_unknown' });
    categories.push({ code: '08001', leadDepartmentCode: 'ZJ', coDepartmentCodes: [] });
    expect((await resolveRouting(models, '08001')).leadDepartmentCode).toBe('ZJ');
  });

  it('re-reads after the cache TTL', async () => {
    const { models, reads } = setup();
    let now = 0;
    const resolver = new RoutingResolver(models, 1000, () => now);
    await resolver.resolve('01003');
    now = 999;
    await resolver.resolve('01003');
    expect(reads.count).toBe(2);
    now = 1000;
    await resolver.resolve('01003');
    expect(reads.count).toBe(4);
  });

  it('returns copies, so a caller cannot corrupt the cache', async () => {
    const { models } = setup();
    const first = await resolveRouting(models, '01003');
    first.coDepartmentCodes.push('XX');
    expect((await resolveRouting(models, '01003')).coDepartmentCodes).toEqual(['CG']);
  });
});
