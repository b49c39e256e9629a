import { KeyInterner } from './keyInterner.js';
import { Query } from './mongoQuery.js';
import type { RawElements } from './rawFields.js';
import type { IndexKey, IndexSpec } from './storeIndex.js';
import { valueKey, valuesAtPath, type Doc } from './values.js';

type KeyPart = unknown;

/**
 * Makes an index's entries for a document: one value per indexed field (an
 * array value yields one entry per element: multikey), then the document's id
 * key; from the document's bytes where the fields allow, else from its decoded
 * view. Sparse and partial indexes skip the documents they exclude.
 */
export class IndexKeyMaker {
  /** Positions of fields that have held an array (never cleared: a conservative answer for isMultikey). */
  readonly multikey = new Set<number>();
  /** Whether every field is top-level (no dotted path). */
  private readonly topLevel: boolean;
  /** Each field's path steps as UTF-8 bytes (for keys read from a document's bytes). */
  private readonly rawPaths: Buffer[][];
  private readonly partial?: Query;
  /** One per field: equal string values share one string across the index's entries. */
  private readonly interners: KeyInterner[];

  constructor(
    private readonly spec: IndexSpec,
    private readonly fields: string[],
  ) {
    this.topLevel = !fields.some((f) => f.includes('.'));
    this.rawPaths = fields.map((f) => f.split('.').map((step) => Buffer.from(step, 'utf8')));
    this.interners = fields.map(() => new KeyInterner());
    if (spec.partialFilterExpression) this.partial = new Query(spec.partialFilterExpression);
  }

  /** The index keys a document contributes (none when sparse/partial exclude it). */
  keysFor(doc: Doc, id: string): IndexKey[] {
    if (this.partial && !this.partial.test(doc)) return [];
    return this.singleKey(doc, id) ?? this.combine(this.fields.map((f) => valuesAtPath(doc, f)), id);
  }

  /**
   * The document's keys read from its bytes, the same as keysFor would give;
   * null when a field needs the decoded document (see RawElements.valuesAt)
   * or a partial filter must be tested.
   */
  keysForRaw(elements: RawElements, id: string): IndexKey[] | null {
    if (this.partial) return null;
    const perField: unknown[][] = new Array(this.rawPaths.length);
    for (let i = 0; i < this.rawPaths.length; i++) {
      const values = elements.valuesAt(this.rawPaths[i]);
      if (!values) return null;
      perField[i] = values;
    }
    return this.combine(perField, id);
  }

  /** The keys from each field's values along its path (an array value yields one key per element: multikey). */
  private combine(perFieldValues: unknown[][], id: string): IndexKey[] {
    if (perFieldValues.every((vs) => vs.length === 1 && !Array.isArray(vs[0]))) return this.keyOf(perFieldValues.map((vs) => vs[0]), id);
    const perField = perFieldValues.map((values, i) => {
      const flat = values.flatMap((v) => (Array.isArray(v) ? (this.multikey.add(i), v.length ? v : [undefined]) : [v]));
      return flat.length ? flat : [undefined];
    });
    if (this.spec.sparse && perField.every((vs) => vs.every((v) => v === undefined))) return [];
    let prefixes: KeyPart[][] = [[]];
    for (const vs of perField) {
      const unique = dedupe(vs.map((v) => (v === undefined ? null : v)));
      prefixes = prefixes.flatMap((k) => unique.map((v) => k.concat([v])));
    }
    // Each key at its exact size: an index holds a million documents' keys, and a spread literal grown by one
    // more element would reserve 17 spare slots (136 bytes) in every one of them.
    const n = perField.length;
    return prefixes.map((prefix) => {
      const key: KeyPart[] = new Array(n + 1);
      for (let i = 0; i < n; i++) key[i] = this.part(i, prefix[i]);
      key[n] = id;
      return key;
    });
  }

  /** The one key of a document whose indexed fields are plain top-level values (no arrays, no dotted paths): the common case. */
  private singleKey(doc: Doc, id: string): IndexKey[] | null {
    if (!this.topLevel) return null;
    const values: unknown[] = new Array(this.fields.length);
    for (let i = 0; i < this.fields.length; i++) {
      const v = doc[this.fields[i]];
      if (Array.isArray(v)) return null;
      values[i] = v;
    }
    return this.keyOf(values, id);
  }

  /** The single key made of one value per field (absent counts as null), or none when a sparse index skips the document. */
  private keyOf(values: unknown[], id: string): IndexKey[] {
    const key: KeyPart[] = new Array(values.length + 1);
    let present = false;
    for (let i = 0; i < values.length; i++) {
      if (values[i] !== undefined) present = true;
      key[i] = values[i] === undefined ? null : this.part(i, values[i]);
    }
    if (this.spec.sparse && !present) return [];
    key[values.length] = id;
    return [key];
  }

  /** A key part as the index keeps it: a string shared with the equal values of the same field. */
  private part(field: number, value: unknown): unknown {
    return typeof value === 'string' ? this.interners[field].intern(value) : value;
  }
}

/** The distinct values, by MongoDB equality (1 and 1.0 are one value). */
export function dedupe(values: unknown[]): unknown[] {
  const seen = new Map<string, unknown>();
  for (const v of values) seen.set(valueKey(v), v);
  return [...seen.values()];
}
