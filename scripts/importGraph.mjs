#!/usr/bin/env node
// Counts the folder graph of backend/src: folder cycles (strongly connected
// groups of top-level folders) and upward ("back-up") imports, i.e. a file on a
// lower floor importing a file on a higher floor. Also counts relative imports
// of backend/src from outside backend/. Usage: node scripts/importGraph.mjs [--json]
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = process.env.IMPORT_GRAPH_ROOT ? resolve(process.env.IMPORT_GRAPH_ROOT) : resolve(dirname(new URL(import.meta.url).pathname), '..');
const src = join(root, 'backend/src');

// The floors, lowest first. A folder (or a root file, by name without .ts) on
// floor n may import floors <= n only. Unknown folders count as the top floor.
export const FLOORS = [
  // 0 kernel: errors, clock, principal, domain event types, env; the embedded store; the wire contracts
  ['kernel', 'store', 'contracts', 'errors', 'clock', 'env'],
  // 1 HTTP helpers and pure domain maths
  ['http', 'geo', 'deadlines'],
  // 2 persistence schemas and the dependency bundle type
  ['models', 'deps'],
  // 3 domain modules
  ['auth', 'bus', 'reference', 'places'],
  ['incidents'],
  // 5 outer channels and jobs (and anything not listed)
  ['ingest', 'downlinks', 'stream', 'jobs', 'app', 'server', 'index'],
];
const floorOf = (unit) => {
  const i = FLOORS.findIndex((f) => f.includes(unit));
  return i < 0 ? FLOORS.length - 1 : i;
};

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const p = join(dir, name);
    const s = statSync(p);
    if (s.isDirectory()) walk(p, out);
    else if (/\.(ts|tsx|mts|mjs)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const IMPORT_RE = /(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;
function specifiers(file) {
  const text = readFileSync(file, 'utf8');
  const out = [];
  for (const m of text.matchAll(IMPORT_RE)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}
function resolveRel(from, spec) {
  const base = resolve(dirname(from), spec.replace(/\.js$/, ''));
  for (const c of [base + '.ts', base + '.tsx', join(base, 'index.ts'), base]) if (existsSync(c) && statSync(c).isFile()) return c;
  return base + '.ts';
}
const unitOf = (file) => {
  const rel = relative(src, file).split(sep);
  return rel.length === 1 ? rel[0].replace(/\.(ts|tsx)$/, '') : rel[0];
};

export function analyse() {
  const files = walk(src).filter((f) => !/\.test\.ts$/.test(f));
  const edges = new Map(); // unit -> Map(unit -> count)
  const upward = [];
  for (const f of files) {
    for (const spec of specifiers(f)) {
      let target;
      if (spec.startsWith('.')) target = resolveRel(f, spec);
      else if (spec.startsWith('@onegrid/backend/')) target = join(src, spec.slice('@onegrid/backend/'.length).replace(/^src\//, ''));
      else continue;
      if (!target.startsWith(src)) continue;
      const a = unitOf(f), b = unitOf(target);
      if (a === b) continue;
      if (!edges.has(a)) edges.set(a, new Map());
      edges.get(a).set(b, (edges.get(a).get(b) ?? 0) + 1);
      if (floorOf(b) > floorOf(a)) upward.push(`${relative(root, f)} -> ${relative(root, target)}`);
    }
  }
  // Tarjan's strongly connected components over folders.
  const units = [...new Set([...edges.keys(), ...[...edges.values()].flatMap((m) => [...m.keys()])])];
  let index = 0; const idx = new Map(), low = new Map(), stack = [], on = new Set(), sccs = [];
  const strong = (v) => {
    idx.set(v, index); low.set(v, index); index++; stack.push(v); on.add(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!idx.has(w)) { strong(w); low.set(v, Math.min(low.get(v), low.get(w))); }
      else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const c = []; let w; do { w = stack.pop(); on.delete(w); c.push(w); } while (w !== v);
      if (c.length > 1) sccs.push(c);
    }
  };
  for (const u of units) if (!idx.has(u)) strong(u);
  // Elementary two-folder cycles (a imports b and b imports a) as a readable list.
  const pairs = [];
  for (const [a, m] of edges) for (const b of m.keys()) if (a < b && edges.get(b)?.has(a)) pairs.push(`${a}<->${b}`);

  // Relative imports of backend/src from outside backend/.
  const outside = [];
  for (const dir of ['seed', 'tests', 'bench', 'scripts', 'device-gateway', 'frontend/src']) {
    const d = join(root, dir);
    if (!existsSync(d)) continue;
    for (const f of walk(d)) for (const spec of specifiers(f)) {
      if (spec.startsWith('.') && resolveRel(f, spec).startsWith(src)) outside.push(`${relative(root, f)} -> ${spec}`);
    }
  }
  return { edges, sccs, pairs, upward, outside };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const { sccs, pairs, upward, outside } = analyse();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ cycles: sccs, pairs, upward, outside }, null, 2));
  } else {
    console.log(`folder cycle groups (SCC): ${sccs.length} ${sccs.map((c) => '[' + c.join(' ') + ']').join(' ')}`);
    console.log(`two-folder cycles: ${pairs.length} ${pairs.join(' ')}`);
    console.log(`upward imports: ${upward.length}`);
    if (process.argv.includes('-v')) for (const u of upward) console.log('  ' + u);
    console.log(`relative imports of backend/src from outside backend/: ${outside.length}`);
  }
  process.exitCode = sccs.length || upward.length || outside.length ? 1 : 0;
}
