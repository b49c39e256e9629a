/**
 * Who is acting. Every authenticated request carries one in `ctx.state.user`,
 * and every command receives it as its first argument.
 *
 * Roles (see reference/governance.md):
 * - admin: everything, including user and configuration management
 * - commander: 指挥中心 — accept, reject, dispatch, merge, close
 * - supervisor: 值班长 — approve postponements, supervise (督办), acknowledge escalations, plus commander rights
 * - department: 专业部门 staff, scoped to `departmentCode`
 * - worker: 网格员, scoped to `gridCodes`
 * - service: another OneGrid process (the device gateway) using the service token
 */
export type Role = 'admin' | 'commander' | 'supervisor' | 'department' | 'worker' | 'service';

export const ROLES: readonly Role[] = ['admin', 'commander', 'supervisor', 'department', 'worker', 'service'];

export interface Principal {
  id: string;
  username: string;
  role: Role;
  displayName: string;
  /** Set for role 'department'. */
  departmentCode?: string;
  /** Set for role 'worker': the grid cells (15-digit codes) this worker is responsible for. */
  gridCodes?: string[];
}

/** The principal used by background jobs (deadline monitor, relay) when they write. */
export const SYSTEM_PRINCIPAL: Principal = { id: 'system', username: 'system', role: 'admin', displayName: 'OneGrid' };
