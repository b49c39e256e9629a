import type { Department, User } from '@onegrid/backend/models';
import type { CellSeed } from './geography.js';
import { personName } from './names.js';
import type { Rng } from './random.js';

/** The password of every seeded account (demo data only: accounts are `demo: true`, refused in production). */
export const DEMO_PASSWORD = 'onegrid';

/** The fixed demo accounts (foundation issue): username → role and department. */
export const DEMO_ACCOUNTS = {
  admin: { role: 'admin', displayName: '系统管理员' },
  commander: { role: 'commander', displayName: '王指挥' },
  supervisor: { role: 'supervisor', displayName: '李值班' },
  'dept-sz': { role: 'department', displayName: '市政张工', departmentCode: 'SZ' },
  'worker-01': { role: 'worker', displayName: '孙网格' },
} as const;

/** A user before its password hash is computed. */
export type UserSeed = Omit<User, 'passwordHash'>;

/** How grid cells are shared among workers: a random 3–5 cells each, or a fixed number of workers spread evenly. */
export type WorkerPlan = { cellsPerWorker: [number, number] } | { workers: number };

/**
 * Users for every role: the fixed demo accounts, a second commander and
 * supervisor, one or two staff per department, and grid workers (网格员)
 * `worker-01`… each responsible for a run of neighbouring cells of one
 * community. Returns the users and, per cell code, its workers' usernames.
 */
export function buildStaff(cells: readonly CellSeed[], departments: readonly Department[], rng: Rng, plan: WorkerPlan): { users: UserSeed[]; cellWorkers: Map<string, string[]> } {
  const users: UserSeed[] = [];
  const phone = () => `1${rng.pick(['35', '37', '38', '39', '58', '59', '86', '88'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
  const user = (username: string, role: User['role'], displayName: string, extra: Partial<UserSeed> = {}): UserSeed => ({
    username,
    role,
    displayName,
    gridCodes: [],
    phone: phone(),
    active: true,
    demo: true,
    ...extra,
  });
  for (const [username, a] of Object.entries(DEMO_ACCOUNTS)) {
    if (a.role === 'worker') continue;
    users.push(user(username, a.role, a.displayName, 'departmentCode' in a ? { departmentCode: a.departmentCode } : {}));
  }
  users.push(user('commander-02', 'commander', personName(rng)), user('supervisor-02', 'supervisor', personName(rng)));
  for (const d of departments) {
    const base = `dept-${d.code.toLowerCase()}`;
    if (base !== 'dept-sz') users.push(user(base, 'department', `${d.name}${personName(rng)}`, { departmentCode: d.code }));
    if (d.level !== 'street') users.push(user(`${base}-2`, 'department', `${d.name}${personName(rng)}`, { departmentCode: d.code }));
  }

  const groups = groupCells(cells, rng, plan);
  const cellWorkers = new Map<string, string[]>();
  groups.forEach((codes, i) => {
    const username = `worker-${String(i + 1).padStart(2, '0')}`;
    const displayName = i === 0 ? DEMO_ACCOUNTS['worker-01'].displayName : personName(rng);
    users.push(user(username, 'worker', displayName, { gridCodes: codes }));
    for (const code of codes) cellWorkers.set(code, [username]);
  });
  return { users, cellWorkers };
}

/** Splits each community's cells (in code order, so runs are neighbours) into groups, one per worker. */
function groupCells(cells: readonly CellSeed[], rng: Rng, plan: WorkerPlan): string[][] {
  const byCommunity = new Map<string, string[]>();
  for (const c of cells) byCommunity.set(c.communityCode, [...(byCommunity.get(c.communityCode) ?? []), c.code]);
  const groups: string[][] = [];
  if ('cellsPerWorker' in plan) {
    const [min, max] = plan.cellsPerWorker;
    for (const codes of byCommunity.values()) {
      for (let i = 0; i < codes.length; ) {
        let size = rng.int(min, max);
        if (codes.length - (i + size) < min) size = codes.length - i; // no tiny last group
        groups.push(codes.slice(i, i + size));
        i += size;
      }
    }
    return groups;
  }
  // A fixed head count: quotas by largest remainder, then each community split evenly.
  const entries = [...byCommunity.entries()];
  const quotas = entries.map(([, codes]) => (codes.length * plan.workers) / cells.length);
  const counts = quotas.map((q, i) => Math.max(1, Math.min(Math.floor(q), entries[i][1].length)));
  const order = quotas.map((q, i) => ({ i, r: q - Math.floor(q) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0, missing = plan.workers - counts.reduce((s, n) => s + n, 0); missing > 0 && k < order.length * 4; k++) {
    const { i } = order[k % order.length];
    if (counts[i] < entries[i][1].length) {
      counts[i]++;
      missing--;
    }
  }
  entries.forEach(([, codes], i) => {
    for (let g = 0; g < counts[i]; g++) groups.push(codes.slice(Math.floor((g * codes.length) / counts[i]), Math.floor(((g + 1) * codes.length) / counts[i])));
  });
  return groups;
}
