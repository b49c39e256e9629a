import { describe, expect, it } from 'vitest';
import en from './en.json';
import zhCN from './zh-CN.json';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('translations', () => {
  it('English has every key Chinese has, and no others', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });

  it('uses the governance terms for the closed loop', () => {
    expect(zhCN.status).toMatchObject({ reported: '上报', accepted: '受理', dispatched: '派遣', in_progress: '处置', verifying: '核查', closed: '结案' });
  });

  it('translates every status the backend has', () => {
    const statuses = ['reported', 'accepted', 'rejected', 'merged', 'dispatched', 'in_progress', 'returned', 'postponement_requested', 'suspended', 'resolved', 'verifying', 'closed', 'reopened', 'evaluated'];
    for (const s of statuses) {
      expect(zhCN.status).toHaveProperty(s);
      expect(en.status).toHaveProperty(s);
    }
  });
});
