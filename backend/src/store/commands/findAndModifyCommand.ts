import { findDocuments } from '../engine/findDocuments.js';
import { buildUpsert, modifyDocument } from '../engine/modifyDocument.js';
import { applyProjection } from '../engine/projection.js';
import { typedOf } from '../engine/storeEngine.js';
import type { StoredDoc } from '../engine/storeCollection.js';
import type { Doc } from '../engine/values.js';
import { targetCollection, type CommandContext, type CommandHandler } from './commandContext.js';
import { rejectUnsupportedQuery } from './unsupportedFeatures.js';

function present(doc: StoredDoc | null, fields: Doc | undefined): Doc | null {
  return doc ? applyProjection(typedOf(doc), doc.view, fields) : null;
}

/** findAndModify: find one (honouring sort), then update, replace or remove it, returning the document before or after. */
function findAndModify(ctx: CommandContext) {
  const name = targetCollection(ctx);
  const query = (ctx.command.query as Doc | undefined) ?? {};
  rejectUnsupportedQuery(query);
  const fields = ctx.command.fields as Doc | undefined;
  const coll = ctx.engine.ensureCollection(ctx.db, name);
  const [found] = findDocuments(coll, { filter: query, sort: ctx.command.sort as Doc | undefined, limit: 1 }).docs;
  if (ctx.command.remove) {
    if (found) ctx.engine.remove(coll, found);
    return { lastErrorObject: { n: found ? 1 : 0 }, value: present(found ?? null, fields), ok: 1 };
  }
  const stmt = {
    filter: query,
    typedFilter: (ctx.typed.query as Doc | undefined) ?? {},
    update: Array.isArray(ctx.command.update) ? (ctx.command.update as Doc[]) : ((ctx.typed.update as Doc | undefined) ?? {}),
    arrayFilters: ctx.command.arrayFilters as Doc[] | undefined,
    now: ctx.now(),
  };
  if (!found) {
    if (!ctx.command.upsert) return { lastErrorObject: { n: 0, updatedExisting: false }, value: null, ok: 1 };
    const doc = buildUpsert(stmt);
    ctx.engine.insert(coll, doc);
    return { lastErrorObject: { n: 1, updatedExisting: false, upserted: doc.view._id }, value: ctx.command.new ? present(doc, fields) : null, ok: 1 };
  }
  const next = modifyDocument(found, stmt);
  if (next) ctx.engine.replace(coll, found, next);
  return { lastErrorObject: { n: 1, updatedExisting: true }, value: present(ctx.command.new ? (next ?? found) : found, fields), ok: 1 };
}

export const findAndModifyCommands: Record<string, CommandHandler> = { findAndModify, findandmodify: findAndModify };
