import type { CategoryAttribute } from '../models/index.js';
import { parseW3C } from './datetime.js';

export type Answers = Record<string, string | string[]>;

/** Longest answer kept per datatype (`text` is the long free-text one). */
const MAX_LENGTH = { text: 4000, other: 500 } as const;

function asList(v: unknown): string[] | null {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  // qs reads `attribute[x][0]=a&attribute[x][1]=b` as an array but `attribute[x][5]=a` (sparse) as an object.
  if (v && typeof v === 'object' && Object.values(v).every((x) => typeof x === 'string')) return Object.values(v) as string[];
  return null;
}

/**
 * Checks `attribute[code]=…` answers against a category's questions and
 * returns the ones to keep and every problem found (the specification's 400
 * lists them all). Required questions must be answered; list answers must be
 * among the keys; numbers and datetimes must parse. Answers to questions the
 * category does not ask are dropped, as are answers to informational lines.
 */
export function checkAnswers(questions: CategoryAttribute[], given: unknown): { answers: Answers; problems: string[] } {
  const answers: Answers = {};
  const problems: string[] = [];
  if (given !== undefined && (typeof given !== 'object' || given === null || Array.isArray(given))) {
    return { answers, problems: ['attribute must be sent as attribute[code]=value'] };
  }
  const raw = (given ?? {}) as Record<string, unknown>;
  for (const q of questions) {
    if (!q.variable) continue;
    const name = `attribute[${q.code}]`;
    const list = raw[q.code] === undefined ? [] : asList(raw[q.code]);
    if (list === null) {
      problems.push(`${name} must be text`);
      continue;
    }
    const values = list.map((s) => s.trim()).filter(Boolean);
    if (values.length === 0) {
      if (q.required) problems.push(`${name} is required`);
      continue;
    }
    if (q.datatype !== 'multivaluelist' && values.length > 1) {
      problems.push(`${name} takes one value`);
      continue;
    }
    const keys = new Set((q.values ?? []).map((v) => v.key));
    const bad = values.filter((v) => {
      switch (q.datatype) {
        case 'singlevaluelist':
        case 'multivaluelist':
          return !keys.has(v);
        case 'number':
          return !/^-?\d+(\.\d+)?$/.test(v);
        case 'datetime':
          return parseW3C(v) === null;
        default:
          return v.length > (q.datatype === 'text' ? MAX_LENGTH.text : MAX_LENGTH.other);
      }
    });
    if (bad.length) {
      problems.push(
        q.datatype.endsWith('valuelist')
          ? `${name}: ${bad.join(', ')} is not one of ${[...keys].join(', ')}`
          : q.datatype === 'number' || q.datatype === 'datetime'
            ? `${name} must be a ${q.datatype === 'number' ? 'number' : 'W3C datetime'}`
            : `${name} is too long`,
      );
      continue;
    }
    answers[q.code] = q.datatype === 'multivaluelist' ? values : values[0];
  }
  return { answers, problems };
}
