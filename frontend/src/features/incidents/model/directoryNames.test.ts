import { describe, expect, it } from 'vitest';
import { categoryName, departmentName } from './directoryNames';

describe('directory names', () => {
  const categories = new Map([['06010', { code: '06010', name: '暴露垃圾', nameEn: 'Exposed rubbish' }]]);

  it('names a category in the UI language and falls back to the code', () => {
    expect(categoryName(categories, '06010', 'zh-CN')).toBe('暴露垃圾');
    expect(categoryName(categories, '06010', 'en')).toBe('Exposed rubbish');
    expect(categoryName(categories, '99999', 'en')).toBe('99999');
    expect(categoryName(undefined, '06010', 'zh-CN')).toBe('06010');
  });

  it('names a department the same way, Chinese when it has no English name', () => {
    expect(departmentName([{ code: 'CG', name: '城管局' }], 'CG', 'en')).toBe('城管局');
    expect(departmentName([], 'CG', 'zh-CN')).toBe('CG');
  });
});
