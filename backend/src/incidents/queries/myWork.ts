import type { Principal } from '../../kernel/index.js';

/**
 * The "my work" queue of a role (我的待办), as a filter added to the list:
 * - commander/admin: reports to accept or dispatch, returned cases, the unlocated queue, checked cases to close;
 * - supervisor: postponement requests, escalations not yet acknowledged, the pending register;
 * - department: its own active shares and supervision awaiting its reply;
 * - worker: verification tasks (核查) in its cells.
 */
export function myWorkFilter(p: Principal): Record<string, unknown> {
  switch (p.role) {
    case 'admin':
    case 'commander':
      return {
        $or: [
          { status: { $in: ['reported', 'accepted', 'returned'] } },
          { status: 'verifying', 'verification.result': { $exists: true } },
          { open: true, unlocated: true },
        ],
      };
    case 'supervisor':
      return {
        $or: [
          { status: { $in: ['postponement_requested', 'suspended'] } },
          { open: true, 'clock.escalationLevel': { $gte: 1 }, 'clock.acknowledgedAt': { $exists: false } },
        ],
      };
    case 'department':
      return {
        open: true,
        $or: [
          { assignments: { $elemMatch: { departmentCode: p.departmentCode, status: { $in: ['assigned', 'in_progress', 'postponement_requested'] } } } },
          { 'supervision.departmentCodes': p.departmentCode, 'supervision.repliedAt': { $exists: false } },
        ],
      };
    case 'worker':
      return { status: 'verifying', 'verification.result': { $exists: false } };
    default:
      return { _id: { $exists: false } };
  }
}

/** The default order of a role's queue: most urgent first where every item has a running clock (departments, workers), else newest first. */
export function myWorkSort(p: Principal): 'dueAt' | '-reportedAt' {
  return p.role === 'department' || p.role === 'worker' ? 'dueAt' : '-reportedAt';
}
