import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type RunningBackend } from '../../backend/src/server.js';
import { seedDemo, type SeedSummary } from '../../seed/src/seedDemo.js';
import { freshDbUri } from '../support/db.js';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);

// What a newcomer sees after `npm start` on an empty data directory: the demo
// district seeded by seedDemo (as scripts/startPlatform.ts does), drawn on the
// command map over the offline basemap. The screenshot lands in test-output/.
describe.skipIf(!available)('the demo district in a real browser', () => {
  let backend: RunningBackend;
  let browser: Browser;
  let summary: SeedSummary;

  beforeAll(async () => {
    if (!existsSync('frontend/dist/index.html')) {
      const build = spawnSync('npm', ['run', 'build', '-w', 'frontend'], { stdio: 'inherit' });
      if (build.status !== 0) throw new Error('frontend build failed');
    }
    backend = await startBackend({
      cron: false,
      env: { DATA_DIR: mkdtempSync(join(tmpdir(), 'onegrid-demo-')), PORT: '0', HOST: '127.0.0.1', MONGODB_URI: freshDbUri('demo').uri, LOG_LEVEL: 'warn' },
      beforeListen: async (deps) => {
        summary = await seedDemo(deps.conn, { scale: 'demo', history: 3 });
        await deps.geo.reload();
      },
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await backend?.stop();
  });

  it('signs in as the demo commander and draws the grid cells, the basemap and past incidents', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(20_000);
    await page.goto(backend.url);
    await page.getByTestId('login-username').fill('commander');
    await page.getByTestId('login-password').fill('onegrid');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('command-map').waitFor();
    await expect.poll(() => page.locator('.leaflet-overlay-pane path.grid-cell').count(), { timeout: 30_000 }).toBeGreaterThan(100);
    await expect.poll(() => page.locator('.leaflet-basemap-pane path').count(), { timeout: 30_000 }).toBeGreaterThan(50);
    expect(summary.gridCells).toBeGreaterThan(1000);
    await page.waitForTimeout(1500);
    mkdirSync('test-output', { recursive: true });
    await page.screenshot({ path: 'test-output/demo-district.png' });
    await page.close();
  }, 120_000);
});
