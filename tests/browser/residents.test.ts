import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMUNITY_A, COMMUNITY_B, pointIn } from '../support/fixtures.js';
import { call, closeOverApi, complain, incidentIdOf, staffTokens, startResidentBackend, type Backend } from '../residents/residentSupport.js';
import { browserAvailable, launchBrowser } from './browserSupport.js';

const available = browserAvailable();
const PHONE_VIEWPORT = { width: 390, height: 844 };
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core's WCAG 2.0/2.1 A and AA rules on the page; returns the violations as "rule: target" lines. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const result = await page.evaluate(() =>
    (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; nodes: { target: string[]; failureSummary?: string }[] }[] }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }),
  );
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${(n.failureSummary ?? '').replace(/\s+/g, ' ')})`));
}

/** Taps the map at a fraction of a community's drawn outline (0,0 its north-west corner, 1,1 its south-east). */
async function tapInCommunity(page: Page, communityCode: string, fx: number, fy: number): Promise<void> {
  const area = page.locator(`path.area-${communityCode}`);
  await area.waitFor();
  const box = (await area.boundingBox())!;
  await page.mouse.click(box.x + box.width * fx, box.y + box.height * fy);
}

describe.skipIf(!available)('residents in a real browser, on a phone (390×844)', () => {
  let backend: Backend;
  let browser: Browser;
  let tokens: Awaited<ReturnType<typeof staffTokens>>;

  beforeAll(async () => {
    browser = await launchBrowser();
    backend = await startResidentBackend();
    tokens = await staffTokens(backend);
    mkdirSync('test-output', { recursive: true });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await backend?.stop();
  });

  async function phonePage(path: string): Promise<Page> {
    const page = await browser.newPage({ viewport: PHONE_VIEWPORT, deviceScaleFactor: 1, hasTouch: false });
    page.setDefaultTimeout(10_000);
    await page.goto(`${backend.url}/${path}`);
    return page;
  }

  it('places a pin by tapping the map and names the cell; an out-of-district tap is refused in the page and by the API (422)', async () => {
    const page = await phonePage('#/report');
    await tapInCommunity(page, COMMUNITY_B, 0.25, 0.5); // the middle of cell B1
    await expect.poll(() => page.getByTestId('place-status').innerText()).toContain('网格 B1 · 南池子社区 · 东华门街道');
    expect(await page.locator('.resident-pin').count()).toBe(1);
    await page.screenshot({ path: 'test-output/residents-report-pinned.png' });

    // Zoom out until the map shows land far outside the district, then tap its corner.
    for (let n = 0; n < 4; n++) {
      await page.locator('.leaflet-control-zoom-out').click();
      await page.waitForTimeout(300);
    }
    const map = (await page.getByTestId('resident-map').boundingBox())!;
    await page.mouse.click(map.x + 12, map.y + map.height - 12);
    await expect.poll(() => page.getByTestId('place-status').innerText()).toContain('不在本辖区内');
    expect(await page.getByTestId('place-status').getAttribute('role')).toBe('alert');
    expect(await page.locator('.resident-pin.refused').count()).toBe(1);
    expect(await page.getByTestId('report-submit').isDisabled()).toBe(true);
    await page.screenshot({ path: 'test-output/residents-report-outside.png' });

    const direct = await complain(backend, { lng: 116.3, lat: 39.8 });
    expect(direct.status).toBe(422);
    expect(direct.body.error.code).toBe('outside_district');
    await page.close();
  });

  it('places the pin at the device location', async () => {
    const context = await browser.newContext({ viewport: PHONE_VIEWPORT, geolocation: { latitude: pointIn('A2').lat, longitude: pointIn('A2').lng }, permissions: ['geolocation'] });
    const page = await context.newPage();
    await page.goto(`${backend.url}/#/report`);
    await page.locator(`path.area-${COMMUNITY_A}`).waitFor();
    await page.getByTestId('use-location').click();
    await expect.poll(() => page.getByTestId('place-status').innerText(), { timeout: 10_000 }).toContain('网格 A2 · 北河沿社区');
    await context.close();
  });

  it('lists an existing case of the same category nearby and "follow this one" gives a code on it', async () => {
    const existing = await complain(backend, { ...pointIn('A2', 10, 0), description: '垃圾桶旁堆满垃圾' }, '10.1.0.1');
    expect(existing.status).toBe(201);
    const page = await phonePage('#/report');
    await tapInCommunity(page, COMMUNITY_A, 0.75, 0.5); // the middle of A2, about 10 m from the case
    await expect.poll(() => page.getByTestId('place-status').innerText()).toContain('A2');
    await page.getByTestId('report-category').selectOption('06010');
    await page.getByTestId('nearby-case').first().waitFor();
    expect(await page.getByTestId('nearby-case').count()).toBe(1);
    const item = await page.getByTestId('nearby-case').innerText();
    expect(item).toContain('暴露垃圾');
    expect(item).toContain('上报');
    expect(item).toMatch(/相距 \d+ 米/);
    expect(await page.locator('.report-dot').count()).toBe(1);
    await page.getByTestId('nearby-step').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-output/residents-report-nearby.png' });
    expect(await axeViolations(page)).toEqual([]);

    await page.getByTestId('follow-case').click();
    const code = await page.getByTestId('tracking-code').innerText();
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    expect(code).not.toBe(existing.body.trackingCode);
    await page.screenshot({ path: 'test-output/residents-followed.png' });
    expect(await axeViolations(page)).toEqual([]);
    const tracked = await call(backend, 'GET', `/api/public/track/${code}`);
    expect(tracked.body).toMatchObject({ following: true, status: 'reported' });
    const follower = await backend.deps.conn.collection('followers').findOne({ trackingCode: code });
    expect(String(follower?.incidentId)).toBe(await incidentIdOf(backend, existing.body.trackingCode));
    await page.close();
  });

  it('runs the full loop: report with contact and consent, staff close it, the resident rates it with a comment', async () => {
    const page = await phonePage('#/report');
    await tapInCommunity(page, COMMUNITY_B, 0.75, 0.5); // B2
    await expect.poll(() => page.getByTestId('place-status').innerText()).toContain('B2');
    await page.getByTestId('report-category').selectOption('06010');
    await page.getByTestId('nearby-none').waitFor();
    await page.getByTestId('report-description').fill('路口垃圾堆了三天，气味很大');
    await page.getByTestId('contact-named').check();
    await page.getByTestId('contact-name').fill('赵六');
    await page.getByTestId('contact-phone').fill('13700001111');
    await page.getByTestId('report-submit').click();
    expect(await page.getByTestId('report-invalid').innerText()).toContain('请勾选同意');
    await page.locator('.resident-page').screenshot({ path: 'test-output/residents-report-form.png' });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('contact-consent').check();
    await page.getByTestId('report-submit').click();
    const code = await page.getByTestId('tracking-code').innerText();

    await page.getByTestId('open-tracking').click();
    await page.getByTestId('track-result').waitFor();
    expect(await page.getByTestId('track-deadline').innerText()).toMatch(/应于 .+ 前受理 — 按时办理中/);
    const filed = await page.getByTestId('track-result').innerText();
    expect(filed).toContain('路口垃圾堆了三天');
    expect(filed).toContain('B2 · 南池子社区');
    await page.screenshot({ path: 'test-output/residents-track-open.png', fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    await closeOverApi(backend, tokens, await incidentIdOf(backend, code));
    await page.reload();
    await page.getByTestId('rating-form').waitFor();
    expect(await page.getByTestId('track-result').innerText()).toContain('结案');
    await page.getByTestId('rating-basically').check();
    await page.getByTestId('rating-comment').fill('清理了，但还有异味');
    await page.locator('.track-page').screenshot({ path: 'test-output/residents-track-rating.png' });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('rating-submit').click();
    await expect.poll(() => page.getByTestId('track-rating').innerText()).toContain('基本满意 — “清理了，但还有异味”');
    expect(await page.getByTestId('rating-form').count()).toBe(0);
    const stored = await backend.deps.models.Incident.findOne({ trackingCode: code }).lean();
    expect(stored).toMatchObject({ status: 'evaluated', rating: { value: 'basically', comment: '清理了，但还有异味' }, reporter: { name: '赵六', phone: '13700001111' } });

    // English: the case title and category are translated.
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('track-result').innerText()).toContain('Exposed rubbish');
    expect(await page.getByTestId('track-result').innerText()).toContain('Basically satisfied');
    await page.screenshot({ path: 'test-output/residents-track-rated-en.png', fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('lang-switch').click();
    await page.close();
  });

  it('a merged complaint has its own rating', async () => {
    const main = await complain(backend, { ...pointIn('B1', 0, -35), name: '钱七', phone: '13600002222' }, '10.1.0.2');
    const dup = await complain(backend, { ...pointIn('B1', 5, -35), description: '同一处垃圾，我也看到了' }, '10.1.0.3');
    expect(dup.body.merged).toBe(true);
    await closeOverApi(backend, tokens, await incidentIdOf(backend, main.body.trackingCode));
    expect((await call(backend, 'POST', `/api/public/track/${main.body.trackingCode}/rating`, { value: 'satisfied' })).body.status).toBe('evaluated');

    const page = await phonePage(`#/track/${dup.body.trackingCode}`);
    await page.getByTestId('rating-form').waitFor();
    const view = await page.getByTestId('track-result').innerText();
    expect(view).toContain('同一处垃圾，我也看到了');
    expect(view).not.toContain('您的评价'); // the main reporter's "satisfied" is not shown as this resident's
    await page.getByTestId('rating-dissatisfied').check();
    await page.getByTestId('rating-comment').fill('边上还有没清的');
    await page.getByTestId('rating-submit').click();
    await expect.poll(() => page.getByTestId('track-rating').innerText()).toContain('不满意 — “边上还有没清的”');
    await page.screenshot({ path: 'test-output/residents-merged-rated.png', fullPage: true });
    const mainView = await call(backend, 'GET', `/api/public/track/${main.body.trackingCode}`);
    expect(mainView.body.rating).toMatchObject({ value: 'satisfied' });
    await page.close();
  });

  it('shows the public map of reports with category and community filters, and no personal data', async () => {
    const page = await phonePage('#/public');
    const reports = page.waitForResponse((r) => r.url().includes('/api/public/reports'));
    const json = await (await reports).text();
    expect(json).not.toMatch(/1[3-9]\d(?:[\s-]?\d){8}/);
    for (const name of ['赵六', '钱七']) expect(json).not.toContain(name);
    const all = (JSON.parse(json) as { reports: unknown[] }).reports.length;
    expect(all).toBeGreaterThanOrEqual(2);
    await expect.poll(() => page.locator('.report-dot').count()).toBe(all);
    expect(await page.getByTestId('public-summary').innerText()).toMatch(/办理中 \d+ 件，近 30 天已办结 \d+ 件/);
    await page.screenshot({ path: 'test-output/residents-public-map.png', fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    await page.getByTestId('public-community').selectOption(COMMUNITY_A);
    await expect.poll(() => page.locator('.report-dot').count()).toBeLessThan(all);
    const inA = await page.locator('.report-dot').count();
    expect(inA).toBeGreaterThan(0);
    await page.getByTestId('public-category').selectOption('08004');
    await expect.poll(() => page.locator('.report-dot').count()).toBe(0);
    await page.getByTestId('public-category').selectOption('06010');
    await expect.poll(() => page.locator('.report-dot').count()).toBe(inA);

    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('public-list').innerText()).toContain('Exposed rubbish');
    expect(await page.getByTestId('public-community').innerText()).toContain('Beiheyan Community');
    await page.screenshot({ path: 'test-output/residents-public-map-en.png', fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('lang-switch').click();
    await page.close();
  });

  it('every public page passes axe-core WCAG 2 A/AA with no violations, in both languages', async () => {
    const code = (await complain(backend, { ...pointIn('A1', -30, 30), messageId: randomUUID() }, '10.1.0.4')).body.trackingCode;
    for (const lang of ['zh-CN', 'en']) {
      for (const path of ['#/report', '#/track', `#/track/${code}`, '#/public', '#/login']) {
        const page = await phonePage(path);
        await page.evaluate((l) => localStorage.setItem('onegrid.lang', l), lang);
        await page.reload();
        await page.waitForLoadState('networkidle');
        if (path === '#/report') await tapInCommunity(page, COMMUNITY_A, 0.25, 0.5);
        if (path.startsWith('#/track/')) await page.getByTestId('track-result').waitFor();
        if (path === '#/public') await page.locator('.report-dot').first().waitFor();
        await page.screenshot({ path: `test-output/residents-${lang}-${path.replace(/[#/]+/g, '-').replace(/^-|-$/g, '').replace(code, 'code')}.png`, fullPage: true });
        expect(await axeViolations(page), `${lang} ${path}`).toEqual([]);
        await page.close();
      }
    }
  }, 180_000);
});
