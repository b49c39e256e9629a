import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, signIn } from './browserSupport.js';

// `npm start` as a newcomer runs it: scripts/start.mjs on an empty data directory
// (embedded store, backend, gateway, demo seed on first start), then the commander
// signs in in a real browser and sees the demo district; Ctrl-C stops it cleanly.

const available = browserAvailable();

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Resolves with everything printed once `pattern` appears; rejects when the process exits first. */
function waitForOutput(child: ChildProcess, output: () => string, pattern: RegExp, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (pattern.test(output())) done(() => resolve(output()));
      else if (child.exitCode !== null) done(() => reject(new Error(`npm start exited with ${child.exitCode}:\n${output()}`)));
    }, 100);
    const limit = setTimeout(() => done(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${output()}`))), timeoutMs);
    const done = (then: () => void) => {
      clearInterval(timer);
      clearTimeout(limit);
      then();
    };
  });
}

describe.skipIf(!available)('npm start on an empty data directory', () => {
  let child: ChildProcess;
  let browser: Browser;
  let out = '';
  let url: string;

  beforeAll(async () => {
    browser = await launchBrowser(); // builds the web app first when it is stale
    const port = await freePort();
    url = `http://localhost:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'onegrid-first-start-')),
      PORT: String(port),
      HOST: '127.0.0.1',
      MQTT_HOST: '127.0.0.1',
      MQTT_PORT: String(await freePort()),
      MQTT_WS_PORT: String(await freePort()),
      STORE_PORT: '0',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
    };
    delete env.MONGODB_URI; // the embedded defaults, whatever the test run uses
    delete env.MQTT_URL;
    child = spawn(process.execPath, ['scripts/start.mjs'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
    await waitForOutput(child, () => out, /is running/, 120_000);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  it('prints the URL and demo logins, is ready, and shows the demo district to the commander', async () => {
    expect(out).toContain(url);
    expect(out).toMatch(/Demo logins\s+admin, commander, supervisor, dept-sz, worker-01/);
    expect(out).toContain('Loading the demo district (first start)');
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ok: true });

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, url, 'commander', 'onegrid');
    // Every grid cell of the demo district and the whole offline basemap are drawn.
    const auth = { authorization: `Bearer ${await loginToken(url)}` };
    const grids = (await (await fetch(`${url}/api/geo/grids`, { headers: auth })).json()) as { features: unknown[] };
    const basemap = (await (await fetch(`${url}/api/geo/basemap`)).json()) as { layers: { features: { features: unknown[] } }[] };
    const basemapFeatures = basemap.layers.reduce((n, l) => n + l.features.features.length, 0);
    expect(grids.features.length).toBeGreaterThan(1000);
    expect(basemapFeatures).toBeGreaterThan(100);
    await expect.poll(() => page.locator('.leaflet-overlay-pane path.grid-cell').count(), { timeout: 20_000 }).toBe(grids.features.length);
    await expect.poll(() => page.locator('.leaflet-basemap-pane path').count(), { timeout: 20_000 }).toBe(basemapFeatures);
    mkdirSync('test-output', { recursive: true });
    await page.screenshot({ path: 'test-output/first-start.png' });
    await page.close();
  }, 60_000);

  it('stops cleanly on Ctrl-C (SIGINT), even while the history is still loading', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(out).toContain('Stopped.');
  }, 60_000);
});

async function loginToken(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'commander', password: 'onegrid' }) });
  return ((await res.json()) as { token: string }).token;
}
