import { describe, expect, it } from 'vitest';
import { parseRoute } from './route';

describe('hash routes', () => {
  it('reads the page from the hash', () => {
    expect(parseRoute('#/login')).toEqual({ page: 'login' });
    expect(parseRoute('#/map')).toEqual({ page: 'map' });
    expect(parseRoute('#/track')).toEqual({ page: 'track' });
    expect(parseRoute('#/report')).toEqual({ page: 'report' });
    expect(parseRoute('#/public')).toEqual({ page: 'public' });
  });

  it('reads a tracking code from the track route', () => {
    expect(parseRoute('#/track/AB12CD')).toEqual({ page: 'track', code: 'AB12CD' });
  });

  it('opens the map for an empty or unknown hash', () => {
    expect(parseRoute('')).toEqual({ page: 'map' });
    expect(parseRoute('#/nowhere')).toEqual({ page: 'map' });
  });
});
