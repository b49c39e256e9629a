import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { analyse } from '../../scripts/importGraph.mjs';

// The lint holds the floors (docs/architecture.md): these fixtures are linted
// with the repository's own eslint.config.js and must fail; the tree must pass.
const root = join(import.meta.dirname, '../..');

async function lint(filePath: string, code: string): Promise<{ ruleId: string | null; message: string }[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return result.messages.map((m) => ({ ruleId: m.ruleId, message: m.message }));
}

describe('lint holds the floors', () => {
  it('fails on an upward import (kernel importing incidents)', async () => {
    const messages = await lint('backend/src/kernel/lintFixture.ts', "import { incidentRoutes } from '../incidents/index.js';\nexport const x = incidentRoutes;\n");
    expect(messages).toContainEqual({ ruleId: 'import-x/no-restricted-paths', message: expect.stringContaining('floors: kernel/') });
  });

  it('fails on a sideways import between siblings of a lower floor (geo importing deadlines)', async () => {
    const messages = await lint('backend/src/geo/lintFixture.ts', "import { addWorkingMinutes } from '../deadlines/index.js';\nexport const x = addWorkingMinutes;\n");
    expect(messages.map((m) => m.ruleId)).toContain('import-x/no-restricted-paths');
  });

  it('fails when another folder reaches behind a face', async () => {
    const messages = await lint('backend/src/jobs/lintFixture.ts', "import { applyAction } from '../incidents/commands/applyAction.js';\nexport const x = applyAction;\n");
    expect(messages).toContainEqual({ ruleId: 'import-x/no-restricted-paths', message: expect.stringContaining('faces: import incidents/ through its face') });
  });

  it('passes a downward import through a face', async () => {
    const messages = await lint('backend/src/jobs/lintFixture.ts', "import { applyAction } from '../incidents/index.js';\nexport const x = applyAction;\n");
    expect(messages).toEqual([]);
  });

  it('fails on a relative import of backend/src from outside backend/, and on a deep package import', async () => {
    const relative = await lint('seed/src/lintFixture.ts', "import { NotFound } from '../../backend/src/kernel/errors.js';\nexport const x = NotFound;\n");
    expect(relative.map((m) => m.ruleId)).toContain('no-restricted-imports');
    const deep = await lint('bench/lintFixture.ts', "import { applyAction } from '@onegrid/backend/incidents/commands/applyAction.js';\nexport const x = applyAction;\n");
    expect(deep.map((m) => m.ruleId)).toContain('no-restricted-imports');
    const face = await lint('bench/lintFixture.ts', "import { applyAction } from '@onegrid/backend/incidents';\nexport const x = applyAction;\n");
    expect(face).toEqual([]);
  });

  it('fails on a cycle between two folders (eslint no-cycle and the folder graph)', async () => {
    const a = `lintCycleA${process.pid}`;
    const b = `lintCycleB${process.pid}`;
    const dirA = join(root, 'backend/src', a);
    const dirB = join(root, 'backend/src', b);
    try {
      mkdirSync(dirA);
      mkdirSync(dirB);
      writeFileSync(join(dirA, 'index.ts'), `import { b } from '../${b}/index.js';\nexport const a = (): number => b() + 1;\n`);
      writeFileSync(join(dirB, 'index.ts'), `import { a } from '../${a}/index.js';\nexport const b = (): number => a() - 1;\n`);
      const eslint = new ESLint({ cwd: root });
      const results = await eslint.lintFiles([join(dirA, 'index.ts'), join(dirB, 'index.ts')]);
      const rules = results.flatMap((r) => r.messages.map((m) => m.ruleId));
      expect(rules).toContain('import-x/no-cycle');
      const graph = analyse();
      expect(graph.sccs).toContainEqual(expect.arrayContaining([a, b]));
    } finally {
      rmSync(dirA, { recursive: true, force: true });
      rmSync(dirB, { recursive: true, force: true });
    }
  });

  it('the tree itself has no folder cycle, no upward import and no relative import of backend/src from outside', () => {
    const { sccs, upward, outside } = analyse();
    expect({ sccs, upward, outside }).toEqual({ sccs: [], upward: [], outside: [] });
  });
});
