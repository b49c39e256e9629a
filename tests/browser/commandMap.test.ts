import { mkdirSync } from 'node:fs';
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CELL, ORIGIN, pointIn } from '../support/fixtures.js';
import { login, startTestBackend } from '../support/platform.js';
import { browserAvailable, launchBrowser, signIn as signInAt } from './browserSupport.js';

const available = browserAvailable();

/** A one-feature offline basemap (a pond over the district) so the test sees the vector basemap drawn. */
const POND = {
  _id: 'water',
  order: 10,
  features: [
    {
      type: 'Feature',
      properties: { kind: 'lake' },
      geometry: { type: 'Polygon', coordinates: [[[ORIGIN.lng, ORIGIN.lat], [ORIGIN.lng + CELL.dLng, ORIGIN.lat], [ORIGIN.lng + CELL.dLng, ORIGIN.lat - CELL.dLat / 2], [ORIGIN.lng, ORIGIN.lat]]] },
    },
  ],
};

describe.skipIf(!available)('command map in a real browser', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let browser: Browser;
  let token: string;

  /** Files an incident as the command center over the API (not through the page), so only the live stream can show it; one cell per case, so fusion does not merge them. */
  async function reportOverApi(messageId: string, description: string, cell: 'A1' | 'B1'): Promise<{ id: string; code: string }> {
    const p = pointIn(cell);
    const res = await fetch(`${backend.url}/api/incidents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ messageId, categoryCode: '06010', description, lng: p.lng, lat: p.lat }),
    });
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string; code: string };
  }

  const signIn = (page: Parameters<typeof signInAt>[0]) => signInAt(page, backend.url);

  beforeAll(async () => {
    browser = await launchBrowser();
    backend = await startTestBackend({ beforeListen: async (deps) => void (await deps.models.BasemapLayer.create(POND)) });
    token = await login(backend.url, 'commander');
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await backend?.stop();
  });

  it('logs in, draws basemap and grid cells, shows a new incident live without reload, and switches to English', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page);
    await expect.poll(() => page.locator('.leaflet-overlay-pane path.grid-cell').count(), { timeout: 10_000 }).toBe(4);
    await expect.poll(() => page.locator('.leaflet-basemap-pane path').count()).toBe(1);
    expect(await page.locator('.incident-marker').count()).toBe(0);
    expect(await page.getByTestId('incident-item').count()).toBe(0);
    expect(await page.getByTestId('current-user').innerText()).toContain('王指挥');

    const created = await reportOverApi('browser-live-1', '路边暴露垃圾', 'A1');
    await expect.poll(() => page.locator('.incident-marker').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('incident-item').count(), { timeout: 10_000 }).toBe(1);
    const item = page.getByTestId('incident-item').first();
    expect(await item.innerText()).toContain(created.code);
    expect(await item.innerText()).toContain('上报');
    // The remaining-time badge comes with the case's view, fetched after the event.
    await expect.poll(() => item.getByTestId('clock-badge').count(), { timeout: 10_000 }).toBe(1);
    expect(await item.getByTestId('clock-badge').getAttribute('class')).toContain('clock-green');

    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('incident-list').innerText()).toContain('Reported');
    expect(await page.getByTestId('incident-list').innerText()).toContain('Incidents');
    mkdirSync('test-output', { recursive: true });
    await page.screenshot({ path: 'test-output/command-map.png' });
    // The choice survives a reload.
    await page.reload();
    await expect.poll(() => page.getByTestId('incident-list').innerText(), { timeout: 10_000 }).toContain('Reported');
    await page.getByTestId('lang-switch').click();
    await page.close();
  });

  it('accepts and dispatches a case from the detail panel; list and marker follow', async () => {
    const created = await reportOverApi('browser-act-1', '桥下垃圾堆积', 'B1');
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page);
    const item = page.locator(`[data-testid=incident-item][data-incident-id="${created.id}"]`);
    await item.click();
    const detail = page.getByTestId('incident-detail');
    await detail.waitFor();
    expect(await detail.innerText()).toContain(created.code);

    await page.getByTestId('action-accept').click();
    await expect.poll(() => item.locator('.status').innerText(), { timeout: 10_000 }).toBe('受理');
    await page.getByTestId('action-dispatch').click();
    await page.getByTestId('action-form-dispatch').waitFor();
    await page.getByTestId('action-confirm').click();
    await expect.poll(() => item.locator('.status').innerText(), { timeout: 10_000 }).toBe('派遣');
    await expect.poll(() => page.getByTestId('incident-timeline').locator('li').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId('action-accept').count()).toBe(0);
    // The dispatched case's marker turns the department colour (markerStyle.ts: orange).
    await expect.poll(() => page.locator('.incident-marker[fill="#f29900"]').count()).toBe(1);
    await page.screenshot({ path: 'test-output/incident-detail.png' });
    await page.close();
  });

  it('lets a resident file a complaint and follow it by tracking code', async () => {
    const page = await browser.newPage({ viewport: { width: 1024, height: 900 } });
    await page.goto(`${backend.url}/#/report`);
    // The map fits the offline basemap (a pond in cell A1): its centre is in the district.
    await page.locator('.leaflet-basemap-pane path').waitFor();
    await page.getByTestId('pin-center').click();
    await expect.poll(() => page.getByTestId('place-status').innerText(), { timeout: 10_000 }).toContain('A1');
    await page.getByTestId('report-category').selectOption('06010');
    await page.getByTestId('report-description').fill('小区门口垃圾没人清理');
    await page.getByTestId('report-submit').click();
    const code = await page.getByTestId('tracking-code').innerText({ timeout: 10_000 });
    await page.getByTestId('open-tracking').click();
    await page.getByTestId('track-result').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('track-code').inputValue()).toBe(code);
    expect(await page.getByTestId('track-result').innerText()).toContain('上报');
    await page.screenshot({ path: 'test-output/track.png', fullPage: true });
    await page.close();
  });

  it('shows a clear error for a wrong password', async () => {
    const page = await browser.newPage();
    await page.goto(backend.url);
    await page.getByTestId('login-username').fill('commander');
    await page.getByTestId('login-password').fill('wrong');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-error').waitFor();
    expect(await page.getByTestId('login-error').innerText()).toContain('用户名或密码错误');
    await page.close();
  });
});
