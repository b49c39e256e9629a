import type { Principal } from '../../kernel/index.js';
import type { Assignment, Incident } from '../../models/index.js';
import { ACTIVE_ASSIGNMENT } from './summary.js';

/** Roles that see every incident (指挥中心, 值班长, administrators). */
export const SEE_ALL_ROLES: readonly string[] = ['admin', 'commander', 'supervisor'];

/**
 * The MongoDB filter restricting reads to what a principal may see: everything
 * for the command roles, a department's cases (ever assigned to it) for
 * department staff, the cases in their grid cells for a worker, nothing else.
 * `null` means no restriction.
 */
export function scopeFilter(p: Principal): Record<string, unknown> | null {
  if (SEE_ALL_ROLES.includes(p.role)) return null;
  if (p.role === 'department' && p.departmentCode) return { departmentCodes: p.departmentCode };
  if (p.role === 'worker' && p.gridCodes?.length) return { gridCode: { $in: p.gridCodes } };
  return { _id: { $exists: false } };
}

/** True when the principal may see this incident (the same rule as scopeFilter, for one document). */
export function canSee(p: Principal, i: Pick<Incident, 'departmentCodes' | 'gridCode'>): boolean {
  if (SEE_ALL_ROLES.includes(p.role)) return true;
  if (p.role === 'department') return !!p.departmentCode && (i.departmentCodes ?? []).includes(p.departmentCode);
  if (p.role === 'worker') return !!i.gridCode && (p.gridCodes ?? []).includes(i.gridCode);
  return false;
}

/**
 * The assignment a principal acts through: a department's own active
 * assignment; for an administrator, the named department's or else the lead's.
 * Undefined when there is none.
 */
export function actingAssignment(p: Principal, i: Pick<Incident, 'assignments'>, departmentCode?: string): Assignment | undefined {
  const active = i.assignments.filter((a) => ACTIVE_ASSIGNMENT.includes(a.status));
  if (p.role === 'department') return active.find((a) => a.departmentCode === p.departmentCode);
  if (departmentCode) return active.find((a) => a.departmentCode === departmentCode);
  return active.find((a) => a.role === 'lead') ?? active[0];
}
