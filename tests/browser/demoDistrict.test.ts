import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type RunningBackend } from '@onegrid/backend/server';
import { seedDemo, type SeedSummary } from '../../seed/src/seedDemo.js';
import { DEMO_DEVICE } from '../../seed/src/secrets.js';
import { freshDbUri } from '../support/db.js';
import { browserAvailable, launchBrowser, signIn } from './browserSupport.js';

const available = browserAvailable();

describe.skipIf(!available)('the seeded demo district in a real browser', () => {
  let backend: RunningBackend;
  let browser: Browser;
  let seeded: SeedSummary;

  beforeAll(async () => {
    browser = await launchBrowser();
    backend = await startBackend({
      cron: false,
      env: { DATA_DIR: mkdtempSync(join(tmpdir(), 'onegrid-web-')), PORT: '0', HOST: '127.0.0.1', MONGODB_URI: freshDbUri('web').uri, LOG_LEVEL: 'warn', DEMO_MODE: 'true' },
      beforeListen: async (deps) => {
        seeded = await seedDemo(deps.conn, { scale: 'tiny', history: 0 });
        await deps.geo.reload();
      },
    });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await backend?.stop();
  });

  it('draws every grid cell, community and basemap feature, and shows a sensor alarm live', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, backend.url, 'commander', 'onegrid');
    await expect.poll(() => page.locator('.leaflet-overlay-pane path.grid-cell').count(), { timeout: 10_000 }).toBe(seeded.gridCells);
    await expect.poll(() => page.locator('.leaflet-overlay-pane path.community-boundary').count()).toBe(seeded.communities);
    await expect.poll(() => page.locator('.leaflet-basemap-pane path').count()).toBe(seeded.basemapFeatures);
    const before = await page.locator('.incident-marker').count();

    // The gateway's path: a well-cover alarm over the ingest API with the service token.
    const res = await fetch(`${backend.url}/api/ingest/device-alarms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${backend.secrets.SERVICE_TOKEN}` },
      body: JSON.stringify({ deviceId: DEMO_DEVICE.deviceId, messageId: 'browser-alarm-1', alarmType: 'tilt', severity: 'critical', value: 25, unit: 'deg' }),
    });
    expect(res.status).toBe(201);
    const { code } = (await res.json()) as { code: string };
    await expect.poll(() => page.locator('.incident-marker').count(), { timeout: 10_000 }).toBe(before + 1);
    await expect.poll(() => page.getByTestId('incident-list').innerText(), { timeout: 10_000 }).toContain(code);
    mkdirSync('test-output', { recursive: true });
    await page.screenshot({ path: 'test-output/demo-district.png' });
    await page.close();
  });
});
