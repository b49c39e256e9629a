import { describe, expect, it } from 'vitest';
import { browserAvailable } from './browserSupport.js';

describe('browser test gate', () => {
  const missing = '/nonexistent/chromium';

  it('skips with a notice when chromium is missing', () => {
    expect(browserAvailable(missing, {})).toBe(false);
  });

  it('fails with a clear message when chromium is missing under REQUIRE_E2E=1', () => {
    expect(() => browserAvailable(missing, { REQUIRE_E2E: '1' })).toThrow(/chromium.*REQUIRE_E2E=1/);
  });

  it('runs when the executable exists', () => {
    expect(browserAvailable(process.execPath, { REQUIRE_E2E: '1' })).toBe(true);
  });
});
