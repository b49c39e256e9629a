import type { Principal, StoredEvent } from '../kernel/index.js';

/** Whether a principal may see an event on the live stream: command roles see all, departments and workers only their own. */
export function canSeeEvent(user: Principal, event: StoredEvent): boolean {
  switch (user.role) {
    case 'admin':
    case 'commander':
    case 'supervisor':
      return true;
    case 'department':
      return !!user.departmentCode && (event.scope?.departmentCodes ?? []).includes(user.departmentCode);
    case 'worker': {
      const mine = new Set(user.gridCodes ?? []);
      return (event.scope?.gridCodes ?? []).some((g) => mine.has(g));
    }
    default:
      return false;
  }
}
