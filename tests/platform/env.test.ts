import { describe, expect, it } from 'vitest';
import { EnvError, loadEnv } from '@onegrid/backend/kernel';

describe('backend configuration', () => {
  it('applies defaults in demo mode', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({ PORT: 3000, DATA_DIR: './data', DEMO: true, TILE_URL: '' });
  });

  it('names every invalid variable', () => {
    expect(() => loadEnv({ PORT: 'abc', MONGODB_URI: 'http://x', MAP_CENTER: 'north' })).toThrowError(/PORT[\s\S]*MONGODB_URI[\s\S]*MAP_CENTER/);
  });

  it('requires secrets and refuses demo mode in production', () => {
    expect(() => loadEnv({ NODE_ENV: 'production' })).toThrow(EnvError);
    expect(() => loadEnv({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET, SERVICE_TOKEN/);
    expect(() => loadEnv({ NODE_ENV: 'production', DEMO_MODE: 'true', JWT_SECRET: 'x'.repeat(32), SERVICE_TOKEN: 'y'.repeat(16) })).toThrow(/DEMO_MODE/);
    expect(loadEnv({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), SERVICE_TOKEN: 'y'.repeat(16) }).DEMO).toBe(false);
  });
});
