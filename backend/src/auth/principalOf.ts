import type { User } from '../models/index.js';
import type { Principal } from '../kernel/index.js';

/** The principal a user document acts as. */
export function principalOf(user: User & { _id: unknown }): Principal {
  const p: Principal = { id: String(user._id), username: user.username, role: user.role, displayName: user.displayName };
  if (user.departmentCode) p.departmentCode = user.departmentCode;
  if (user.role === 'worker') p.gridCodes = user.gridCodes ?? [];
  return p;
}
