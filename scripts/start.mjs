#!/usr/bin/env node
// `npm start`: builds the web app when it has not been built, then runs the
// whole platform in this process (embedded store in its own child process,
// backend, device gateway) on embedded defaults with the demo data.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(`${root}/frontend/dist/index.html`) && existsSync(`${root}/frontend/index.html`)) {
  console.log('Building the web app (first start)…');
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('The web app did not build; the API still starts. Run `npm run build` to see why.');
  }
}
register();
await import('./startPlatform.ts');
