import { z } from 'zod';
import type { IncidentAction } from '../rules/stateMachine.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const photos = z.array(text(500)).max(20).default([]);
const departmentCode = text(64).optional();

/** Every action body carries the version the caller saw, and may carry a reason (required where the state machine says so). */
const Base = z.object({ version: z.number().int().min(0), reason: text(2000).optional() });

/** The body of each `POST /api/incidents/:id/:action`, as zod schemas (the runner parses with them, so every caller is checked). */
export const ACTION_BODIES = {
  accept: Base,
  reject: Base,
  dispatch: Base.extend({ leadDepartmentCode: text(64).optional(), coDepartmentCodes: z.array(text(64)).max(10).optional() }),
  start: Base.extend({ departmentCode }),
  return: Base.extend({ departmentCode }),
  postpone: Base.extend({ departmentCode, extraMinutes: z.number().int().positive() }),
  'approve-postpone': Base,
  'deny-postpone': Base,
  suspend: Base,
  resolve: Base.extend({ departmentCode, note: text(4000), photos }),
  verify: Base.extend({ result: z.enum(['passed', 'failed']), note: text(2000).optional(), photos }),
  close: Base,
  reopen: Base,
  evaluate: Base.extend({ rating: z.enum(['satisfied', 'basically', 'dissatisfied']), comment: text(1000).optional() }),
  merge: Base.extend({ targetId: z.string().regex(/^[0-9a-f]{24}$/i) }),
  unmerge: Base,
  supervise: Base.extend({ message: text(2000), minutes: z.number().int().positive().max(60 * 24 * 30).optional() }),
  reply: Base.extend({ departmentCode, message: text(4000) }),
  acknowledge: Base.extend({ departmentCode, note: text(2000).optional() }),
} satisfies Record<IncidentAction, z.ZodType>;

export type ActionBody<A extends IncidentAction> = z.output<(typeof ACTION_BODIES)[A]>;
