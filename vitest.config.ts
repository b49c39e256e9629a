import { defineConfig } from 'vitest/config';

// One test run for the whole workspace. The global setup starts one embedded
// store (unless MONGODB_URI points at a real MongoDB) and each test file works
// in its own database, so files can run in parallel.
export default defineConfig({
  test: {
    include: [
      'backend/src/**/*.test.ts',
      'device-gateway/src/**/*.test.ts',
      'seed/src/**/*.test.ts',
      'tests/**/*.test.ts',
      'frontend/src/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**', '**/dist/**'],
    globalSetup: ['tests/support/globalSetup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
