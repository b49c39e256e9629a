import { describe, expect, it } from 'vitest';
import { initialOf, maskPhone, maskText } from './presentPublic.js';

describe('masking personal data for the public tracking page', () => {
  it('masks mobile numbers as 138****1234', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('+86 138-1234-1234')).toBe('138****1234');
    expect(maskPhone('12345')).toBe('***45');
  });

  it('reduces names to an initial', () => {
    expect(initialOf('张三')).toBe('张*');
    expect(initialOf('欧阳娜娜')).toBe('欧*');
    expect(initialOf('li wei')).toBe('L.');
    expect(initialOf('  ')).toBe('');
  });

  it('masks phone numbers, ID numbers and known names inside free text', () => {
    const text = maskText('张三 电话 138 1234 1234，座机 010-6512-3456，身份证 11010119900307123X', ['张三']);
    expect(text).toBe('张* 电话 138****1234，座机 010****3456，身份证 ******************');
    expect(maskText('井盖 3 个 缺失 20 米')).toBe('井盖 3 个 缺失 20 米');
  });
});
