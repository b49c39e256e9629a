/** An input an action asks for before it is sent. */
export interface ActionField {
  name: string;
  kind: 'text' | 'number' | 'department' | 'choice';
  required: boolean;
  /** For `choice`: the allowed values (labels come from i18n `choice.<value>`). */
  choices?: readonly string[];
}

const reason: ActionField = { name: 'reason', kind: 'text', required: true };

/**
 * The inputs each action of the state machine needs beyond `version`
 * (backend/src/incidents/commands/actionSchemas.ts). Actions not listed need none and
 * run on a click.
 */
export const ACTION_FIELDS: Readonly<Record<string, readonly ActionField[]>> = {
  reject: [reason],
  return: [reason],
  suspend: [reason],
  reopen: [reason],
  'deny-postpone': [reason],
  postpone: [reason, { name: 'extraMinutes', kind: 'number', required: true }],
  dispatch: [{ name: 'leadDepartmentCode', kind: 'department', required: false }],
  resolve: [{ name: 'note', kind: 'text', required: true }],
  verify: [
    { name: 'result', kind: 'choice', required: true, choices: ['passed', 'failed'] },
    { name: 'note', kind: 'text', required: false },
  ],
  evaluate: [
    { name: 'rating', kind: 'choice', required: true, choices: ['satisfied', 'basically', 'dissatisfied'] },
    { name: 'comment', kind: 'text', required: false },
  ],
  merge: [{ name: 'targetId', kind: 'text', required: true }],
  supervise: [{ name: 'message', kind: 'text', required: true }],
  reply: [{ name: 'message', kind: 'text', required: true }],
  acknowledge: [{ name: 'note', kind: 'text', required: false }],
};

/** The fields an action asks for (none for a plain click). */
export function fieldsFor(action: string): readonly ActionField[] {
  return ACTION_FIELDS[action] ?? [];
}

export type ActionBodyResult = { ok: true; body: Record<string, unknown> } | { ok: false; missing: string[] };

/**
 * The request body for `POST /api/incidents/:id/:action`: the version the
 * operator saw plus the filled fields (trimmed; empty optional ones left out,
 * numbers parsed). Lists the required fields still empty instead.
 */
export function buildActionBody(action: string, version: number, values: Readonly<Record<string, string>>): ActionBodyResult {
  const body: Record<string, unknown> = { version };
  const missing: string[] = [];
  for (const field of fieldsFor(action)) {
    const raw = (values[field.name] ?? '').trim();
    if (!raw) {
      if (field.required) missing.push(field.name);
      continue;
    }
    if (field.kind === 'number') {
      const n = Number(raw);
      if (!Number.isInteger(n) || n <= 0) missing.push(field.name);
      else body[field.name] = n;
    } else if (field.kind === 'choice' && field.choices && !field.choices.includes(raw)) {
      missing.push(field.name);
    } else {
      body[field.name] = raw;
    }
  }
  return missing.length ? { ok: false, missing } : { ok: true, body };
}
