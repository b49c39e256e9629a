import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import reactHooks from 'eslint-plugin-react-hooks';
import { FLOORS, floorOf } from './scripts/floors.mjs';

// The floors of backend/src (scripts/floors.mjs, docs/architecture.md) as import zones:
// a folder imports its own floor's folders never (except on the top floor), higher floors never,
// and any other folder only through that folder's index.ts face.
const SRC = './backend/src';
const TOP = FLOORS.length - 1;
const entries = readdirSync(new URL('./backend/src', import.meta.url), { withFileTypes: true });
const folders = entries.filter((e) => e.isDirectory()).map((e) => e.name);
const rootFiles = entries.filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')).map((e) => e.name.replace(/\.ts$/, ''));
const pathOf = (unit) => (folders.includes(unit) ? `${SRC}/${unit}` : `${SRC}/${unit}.ts`);
const units = [...folders, ...rootFiles];

const floorZones = units
  .filter((u) => floorOf(u) < TOP)
  .map((u) => {
    const allowed = units.filter((v) => v === u || floorOf(v) < floorOf(u));
    return {
      target: pathOf(u),
      from: SRC,
      except: allowed.map((v) => (folders.includes(v) ? `./${v}` : `./${v}.ts`)),
      message: `floors: ${u}/ (floor ${floorOf(u)}) may import only lower floors (scripts/floors.mjs, docs/architecture.md)`,
    };
  });
const faceZones = folders.flatMap((f) =>
  units
    .filter((u) => u !== f)
    .map((u) => ({
      target: pathOf(u),
      from: `${SRC}/${f}`,
      except: ['./index.ts'],
      message: `faces: import ${f}/ through its face ${f}/index.ts`,
    })),
);

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'test-output/**', 'frontend/public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly', console: 'readonly', Buffer: 'readonly', setTimeout: 'readonly',
        clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', setImmediate: 'readonly',
        URL: 'readonly', fetch: 'readonly', AbortController: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly',
        window: 'readonly', document: 'readonly', localStorage: 'readonly', EventSource: 'readonly', structuredClone: 'readonly',
        queueMicrotask: 'readonly', performance: 'readonly', navigator: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    // Imports: resolved like TypeScript does (workspace package exports included).
    files: ['**/*.{ts,tsx,mts,js,mjs}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.mts', '.js', '.mjs'],
      'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.mts'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['tsconfig.json', 'frontend/tsconfig.json'], noWarnOnMultipleProjects: true })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['backend/src/**/*.ts'],
    ignores: ['backend/src/**/*.test.ts'],
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: [...floorZones, ...faceZones] }],
    },
  },
  {
    // Tests beside the code may compose higher floors, but still through faces.
    files: ['backend/src/**/*.test.ts'],
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: faceZones }],
    },
  },
  {
    // Outside backend/: the backend is the workspace package @onegrid/backend, imported by its faces only.
    files: ['seed/**', 'tests/**', 'bench/**', 'scripts/**', 'device-gateway/**', 'frontend/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/backend/src', '**/backend/src/**'], message: 'import the backend through its faces: @onegrid/backend/<folder> (backend/package.json exports)' },
          { group: ['@onegrid/backend/*/**', '!@onegrid/backend/contracts/names'], message: 'import a face, @onegrid/backend/<folder>, not a file inside it' },
        ],
      }],
    },
  },
  {
    files: ['frontend/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // The browser bundle takes the contracts as types only (no zod); values from contracts/names.
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [{ name: '@onegrid/backend/contracts', allowTypeImports: true, message: 'types only in the browser: import type { … }, or values from @onegrid/backend/contracts/names' }],
        patterns: [{ regex: '^@onegrid/backend(?!/contracts(/names)?$)', message: 'the web app reads only the wire contracts of the backend' }],
      }],
    },
  },
);
