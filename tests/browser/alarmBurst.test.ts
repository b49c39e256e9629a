import { mkdirSync } from 'node:fs';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../device-gateway/src/gateway.js';
import { connectClient, openInbox } from '../../device-gateway/src/testSupport/mqttClients.js';
import { startTestGateway } from '../e2e/support/embeddedGateway.js';
import { CAT_COVER, CELL, ORIGIN } from '../support/fixtures.js';
import { startTestBackend } from '../support/platform.js';
import { browserAvailable, launchBrowser, signIn } from './browserSupport.js';

const available = browserAvailable();
const BURST = 50;

/** Every request a page makes to the backend's API, by method and path (the SSE connection included). */
function recordRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.pathname.startsWith('/api/')) seen.push(`${req.method()} ${url.pathname}${url.search}`);
  });
  return seen;
}

// Acceptance of issue 15: a burst of alarms while two operators watch the map
// costs no request per event: each live event carries the case's list view.
describe.skipIf(!available)('a burst of alarms on two operator screens', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let gateway: RunningGateway;
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
    // No fusion for this category, so the burst makes 50 cases (not one case and 49 duplicates).
    backend = await startTestBackend({ beforeListen: async (deps) => void (await deps.models.Category.updateOne({ code: CAT_COVER }, { $set: { fusion: { distanceM: 0, windowHours: 0 } } })) });
    gateway = await startTestGateway(backend, 'onegrid-gateway-burst');
  }, 180_000);
  afterAll(async () => {
    await gateway?.stop();
    await browser?.close();
    await backend?.stop();
  });

  it(`shows all ${BURST} cases on both screens without a GET /api/incidents/:id per event`, async () => {
    const screens = await Promise.all(
      (['commander', 'supervisor'] as const).map(async (username) => {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const page = await context.newPage();
        const requests = recordRequests(page);
        await signIn(page, backend.url, username);
        await expect.poll(() => page.locator('.leaflet-overlay-pane path.grid-cell').count(), { timeout: 10_000 }).toBe(4);
        return { username, page, requests };
      }),
    );
    for (const s of screens) {
      // Reference data is cached and de-duplicated: one request each for the whole page.
      const count = (path: string) => s.requests.filter((r) => r === `GET ${path}`).length;
      expect({ config: count('/api/config'), categories: count('/api/categories'), grids: count('/api/geo/grids') }).toEqual({ config: 1, categories: 1, grids: 1 });
    }
    const before = screens.map((s) => s.requests.length);

    const device = await connectClient(`mqtt://127.0.0.1:${gateway.mqttPort}`, { username: 'cover-a1', password: 'tok-a1', clientId: 'cover-a1' });
    const acks = await openInbox(device, 'devices/cover-a1/ack');
    await Promise.all(
      Array.from({ length: BURST }, (_, n) => {
        // Spread over the district's four cells so the markers are told apart.
        const lng = ORIGIN.lng + ((n % 10) + 0.5) * (CELL.dLng * 0.2);
        const lat = ORIGIN.lat - (Math.floor(n / 10) + 0.5) * (CELL.dLat * 0.4);
        return device.publishAsync('devices/cover-a1/alarm', JSON.stringify({ messageId: `burst-${n}`, alarmType: 'tilt', severity: 'major', lng, lat }), { qos: 1 });
      }),
    );
    for (let n = 0; n < BURST; n++) await acks.waitFor((b) => b.messageId === `burst-${n}`);
    expect(await backend.deps.models.Incident.countDocuments({})).toBe(BURST);

    for (const s of screens) {
      await expect.poll(() => s.page.getByTestId('incident-item').count(), { timeout: 20_000 }).toBe(BURST);
      await expect.poll(() => s.page.locator('.incident-marker').count(), { timeout: 10_000 }).toBe(BURST);
      // The view carried by the event brings the deadline badge and the status after dispatch.
      await expect.poll(() => s.page.getByTestId('incident-item').getByTestId('clock-badge').count(), { timeout: 10_000 }).toBe(BURST);
    }
    // Let anything a late event would trigger arrive before counting.
    await new Promise((r) => setTimeout(r, 1_000));
    const events = await backend.deps.models.Event.countDocuments({ type: /^incident\./ });
    mkdirSync('test-output', { recursive: true });
    await screens[0]!.page.screenshot({ path: 'test-output/alarm-burst.png' });

    const figures = screens.map((s, i) => {
      const during = s.requests.slice(before[i]);
      return { screen: s.username, events, requestsDuringBurst: during.length, perCaseGets: during.filter((r) => /^GET \/api\/incidents\/[^/?]+$/.test(r)).length, during };
    });
    console.log(`alarm burst: ${BURST} alarms, ${events} incident events; ` + figures.map((f) => `${f.screen}: ${f.requestsDuringBurst} API requests during the burst, ${f.perCaseGets} GET /api/incidents/:id`).join('; '));
    for (const f of figures) {
      expect(f.perCaseGets).toBe(0);
      expect(f.during).toEqual([]);
    }
    await device.endAsync();
    for (const s of screens) await s.page.context().close();
  }, 120_000);
});
