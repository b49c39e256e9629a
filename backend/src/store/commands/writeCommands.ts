import { deserialize } from 'bson';
import { errorReply, StoreError } from '../engine/storeError.js';
import { findDocuments } from '../engine/findDocuments.js';
import { buildUpsert, modifyDocument, type UpdateStatement } from '../engine/modifyDocument.js';
import { withIdFirst } from '../engine/rawId.js';
import { storedFromCheckedBytes, storedFromTyped } from '../engine/storeEngine.js';
import type { StoreCollection, StoredDoc } from '../engine/storeCollection.js';
import type { Doc } from '../engine/values.js';
import { numberOption, targetCollection, type CommandContext, type CommandHandler } from './commandContext.js';
import { rejectUnsupportedQuery } from './unsupportedFeatures.js';

interface WriteError {
  index: number;
  code: number;
  errmsg: string;
  [extra: string]: unknown;
}

function toWriteError(index: number, err: unknown): WriteError {
  const reply = errorReply(err);
  const { ok: _ok, errmsg, code, codeName: _name, ...extra } = reply;
  return { index, code: Number(code), errmsg: String(errmsg), ...extra };
}

/** Runs each statement of a write command, ordered (stop at the first error) or unordered (carry on), collecting per-statement errors. */
function eachStatement<T>(items: T[], ordered: boolean, run: (item: T, index: number) => void): WriteError[] {
  const errors: WriteError[] = [];
  for (let i = 0; i < items.length; i++) {
    try {
      run(items[i], i);
    } catch (err) {
      if (!(err instanceof StoreError)) throw err;
      errors.push(toWriteError(i, err));
      if (ordered) break;
    }
  }
  return errors;
}

function withErrors(reply: Doc, errors: WriteError[]): Doc {
  return errors.length ? { ...reply, writeErrors: errors } : reply;
}

function insert(ctx: CommandContext) {
  const name = targetCollection(ctx);
  const raws = ctx.rawSequences.get('documents');
  // Read only without a document sequence: reading it would decode every document of the sequence.
  const typedDocs = raws ? [] : ((ctx.typed.documents as Doc[] | undefined) ?? []);
  const coll = ctx.engine.ensureCollection(ctx.db, name);
  let n = 0;
  const count = raws?.length ?? typedDocs.length;
  const indexes = Array.from({ length: count }, (_, i) => i);
  const errors = eachStatement(indexes, ctx.command.ordered !== false, (i) => {
    const sent = raws?.[i];
    let stored: StoredDoc;
    if (sent) {
      // Checked as well-formed on arrival (wireMessages) and a view into the request: stored as a copy, with
      // the _id the driver added last moved to the front by moving bytes (the slow path decodes and re-encodes).
      const idFirst = hasId(sent) ? Buffer.from(sent) : withIdFirst(sent);
      stored = idFirst ? storedFromCheckedBytes(idFirst) : storedFromTyped(deserialize(sent, { promoteValues: false, promoteBuffers: false }) as Doc);
    } else stored = storedFromTyped(typedDocs[i]);
    ctx.engine.insert(coll, stored);
    n++;
  });
  return withErrors({ n, ok: 1 }, errors);
}

/** Whether raw BSON bytes start with an `_id` field (drivers put it first), so the bytes can be stored as they are. */
function hasId(raw: Buffer): boolean {
  return raw.length > 8 && raw.toString('latin1', 5, 9) === '_id\0';
}

function statement(ctx: CommandContext, spec: Doc, typedSpec: Doc): UpdateStatement {
  const filter = (spec.q as Doc | undefined) ?? {};
  rejectUnsupportedQuery(filter);
  return {
    filter,
    typedFilter: (typedSpec.q as Doc | undefined) ?? {},
    update: Array.isArray(spec.u) ? (spec.u as Doc[]) : ((typedSpec.u as Doc | undefined) ?? {}),
    arrayFilters: spec.arrayFilters as Doc[] | undefined,
    now: ctx.now(),
  };
}

/** Applies one update statement; returns counts and the upserted id, if any. */
export function runUpdate(ctx: CommandContext, coll: StoreCollection, stmt: UpdateStatement, multi: boolean, upsert: boolean) {
  const matches = findDocuments(coll, { filter: stmt.filter, limit: multi ? 0 : 1 }).docs;
  if (matches.length === 0) {
    if (!upsert) return { n: 0, nModified: 0 };
    const doc = buildUpsert(stmt);
    ctx.engine.insert(coll, doc);
    return { n: 1, nModified: 0, upsertedId: doc.view._id };
  }
  let nModified = 0;
  for (const doc of matches) {
    const next = modifyDocument(doc, stmt);
    if (next) {
      ctx.engine.replace(coll, doc, next);
      nModified++;
    }
  }
  return { n: matches.length, nModified };
}

function update(ctx: CommandContext) {
  const name = targetCollection(ctx);
  const specs = (ctx.command.updates as Doc[] | undefined) ?? [];
  const typedSpecs = (ctx.typed.updates as Doc[] | undefined) ?? [];
  const coll = ctx.engine.ensureCollection(ctx.db, name);
  let n = 0;
  let nModified = 0;
  const upserted: Doc[] = [];
  const errors = eachStatement(specs, ctx.command.ordered !== false, (spec, i) => {
    const r = runUpdate(ctx, coll, statement(ctx, spec, typedSpecs[i]), Boolean(spec.multi), Boolean(spec.upsert));
    n += r.n;
    nModified += r.nModified;
    if (r.upsertedId !== undefined) upserted.push({ index: i, _id: r.upsertedId });
  });
  const reply: Doc = { n, nModified, ok: 1 };
  if (upserted.length) reply.upserted = upserted;
  return withErrors(reply, errors);
}

function deleteCommand(ctx: CommandContext) {
  const name = targetCollection(ctx);
  const specs = (ctx.command.deletes as Doc[] | undefined) ?? [];
  const coll = ctx.engine.collection(ctx.db, name);
  let n = 0;
  const errors = eachStatement(specs, ctx.command.ordered !== false, (spec) => {
    const filter = (spec.q as Doc | undefined) ?? {};
    rejectUnsupportedQuery(filter);
    if (!coll) return;
    const limit = numberOption(spec.limit) ?? 0;
    for (const doc of findDocuments(coll, { filter, limit: limit === 1 ? 1 : 0 }).docs) {
      ctx.engine.remove(coll, doc);
      n++;
    }
  });
  return withErrors({ n, ok: 1 }, errors);
}

export const writeCommands: Record<string, CommandHandler> = { insert, update, delete: deleteCommand };
export { statement as updateStatement };
