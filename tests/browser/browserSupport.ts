import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium by default; CHROMIUM_PATH names another Chromium or Chrome (e.g. on GitHub's Ubuntu runners). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

/** True when chromium is installed. Without it the tests are skipped with a notice, or fail under REQUIRE_E2E=1. */
export function browserAvailable(executable = CHROMIUM, env: Record<string, string | undefined> = process.env): boolean {
  const available = existsSync(executable);
  if (!available && env.REQUIRE_E2E === '1') {
    throw new Error(`browser tests need Debian's chromium at ${executable} (apt-get install -y chromium); REQUIRE_E2E=1 makes this a failure`);
  }
  if (!available) console.warn(`[skip] browser tests: ${executable} not found (apt-get install -y chromium to run them)`);
  return available;
}

/** True when frontend/dist is missing or older than any source of the web app (the backend serves dist as built). */
function distIsStale(): boolean {
  const built = 'frontend/dist/index.html';
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  const newest = (path: string): number =>
    statSync(path).isDirectory() ? Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name)))) : statSync(path).mtimeMs;
  return ['frontend/src', 'frontend/index.html', 'frontend/vite.config.ts', 'frontend/package.json'].some((p) => existsSync(p) && newest(p) > builtAt);
}

const BUILD_LOCK = 'frontend/.build-lock';

/** Rebuilds frontend/dist when stale, one test file at a time (browser test files run in parallel; a build empties dist first). */
async function ensureWebAppBuilt(): Promise<void> {
  for (let waited = 0; ; waited += 250) {
    try {
      mkdirSync(BUILD_LOCK);
      break;
    } catch {
      // A lock older than five minutes belongs to a run that died.
      if (waited > 300_000 || Date.now() - statSync(BUILD_LOCK, { throwIfNoEntry: false })!.mtimeMs > 300_000) rmSync(BUILD_LOCK, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    if (!distIsStale()) return;
    const build = spawnSync('npm', ['run', 'build', '-w', 'frontend'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('frontend build failed');
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

/** Builds the web app when needed (CI builds it first; a local run after an edit rebuilds here) and launches chromium. */
export async function launchBrowser(): Promise<Browser> {
  await ensureWebAppBuilt();
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Signs in on the login page and waits for the map and a connected live stream. */
export async function signIn(page: Page, baseUrl: string, username = 'commander', password = 'onegrid'): Promise<void> {
  page.setDefaultTimeout(10_000);
  await page.goto(baseUrl);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('command-map').waitFor();
  await page.locator('[data-testid=live-badge].on').waitFor();
}
