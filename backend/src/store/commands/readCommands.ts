import { Long, serialize } from 'bson';
import { storeErrors } from '../engine/storeError.js';
import { findDocuments } from '../engine/findDocuments.js';
import { applyProjection } from '../engine/projection.js';
import { isTopLevelProjection, topLevelProjector } from '../engine/rawProjection.js';
import { typedOf } from '../engine/storeEngine.js';
import type { StoredDoc } from '../engine/storeCollection.js';
import { valueKey, valuesAtPath, type Doc } from '../engine/values.js';
import { numberOption, targetCollection, type CommandContext, type CommandHandler } from './commandContext.js';
import { rejectUnsupportedQuery } from './unsupportedFeatures.js';

/** Compiles a projection once for the documents of one reply: each document's output bytes (the stored bytes themselves when there is none). */
export function projector(projection: Doc | undefined): (doc: StoredDoc) => Buffer {
  if (!projection || Object.keys(projection).length === 0) return (doc) => doc.raw;
  if (isTopLevelProjection(projection)) {
    const project = topLevelProjector(projection);
    return (doc) => project(doc.raw);
  }
  return (doc) => Buffer.from(serialize(applyProjection(typedOf(doc), doc.view, projection)));
}

function runFind(ctx: CommandContext) {
  const name = targetCollection(ctx);
  const filter = (ctx.command.filter as Doc | undefined) ?? {};
  rejectUnsupportedQuery(filter);
  const coll = ctx.engine.collection(ctx.db, name);
  if (!coll) return { coll, result: null };
  const limit = numberOption(ctx.command.limit);
  const result = findDocuments(coll, {
    filter,
    sort: ctx.command.sort as Doc | undefined,
    skip: numberOption(ctx.command.skip),
    limit: limit === undefined ? undefined : Math.abs(limit),
  });
  return { coll, result };
}

function find(ctx: CommandContext) {
  const { result } = runFind(ctx);
  const ns = `${ctx.db}.${targetCollection(ctx)}`;
  const projection = ctx.command.projection as Doc | undefined;
  const project = projector(projection);
  const docs = (result?.docs ?? []).map(project);
  const limit = numberOption(ctx.command.limit) ?? 0;
  const page = ctx.cursors.open(ns, docs, numberOption(ctx.command.batchSize), ctx.connectionId, Boolean(ctx.command.singleBatch) || limit < 0);
  return { cursorBatch: { id: page.id, ns, batch: page.batch, first: true } };
}

function getMore(ctx: CommandContext) {
  const raw = ctx.command.getMore;
  const id = typeof raw === 'bigint' ? raw : raw instanceof Long ? raw.toBigInt() : BigInt(Number(raw));
  const ns = `${ctx.db}.${String(ctx.command.collection)}`;
  const page = ctx.cursors.more(id, ns, numberOption(ctx.command.batchSize));
  return { cursorBatch: { id: page.id, ns, batch: page.batch, first: false } };
}

function killCursors(ctx: CommandContext) {
  const ids = ((ctx.command.cursors as unknown[]) ?? []).map((c) => (c instanceof Long ? c.toBigInt() : BigInt(Number(c))));
  const { killed, notFound } = ctx.cursors.kill(ids);
  return { cursorsKilled: killed, cursorsNotFound: notFound, cursorsAlive: [], cursorsUnknown: [], ok: 1 };
}

function count(ctx: CommandContext) {
  const name = targetCollection(ctx);
  const query = (ctx.command.query as Doc | undefined) ?? {};
  rejectUnsupportedQuery(query);
  const coll = ctx.engine.collection(ctx.db, name);
  if (!coll) return { n: 0, ok: 1 };
  if (Object.keys(query).length === 0 && !ctx.command.skip && !ctx.command.limit) return { n: coll.docs.size, ok: 1 };
  const result = findDocuments(coll, { filter: query, skip: numberOption(ctx.command.skip), limit: numberOption(ctx.command.limit) });
  return { n: result.docs.length, ok: 1 };
}

function distinct(ctx: CommandContext) {
  const name = targetCollection(ctx);
  const key = String(ctx.command.key);
  const query = (ctx.command.query as Doc | undefined) ?? {};
  rejectUnsupportedQuery(query);
  const coll = ctx.engine.collection(ctx.db, name);
  const values = new Map<string, unknown>();
  if (coll) {
    for (const doc of findDocuments(coll, { filter: query }).docs) {
      for (const v of valuesAtPath(doc.view, key)) {
        for (const x of Array.isArray(v) ? v : [v]) if (x !== undefined) values.set(valueKey(x), x);
      }
    }
  }
  return { values: [...values.values()], ok: 1 };
}

/** `explain` of a find: which plan ran, how many documents it examined and how long it took on the server (executionStats shape). */
function explain(ctx: CommandContext) {
  const inner = ctx.command.explain as Doc;
  if (!inner || typeof inner !== 'object' || !('find' in inner)) throw storeErrors.commandNotSupported('the embedded store explains find commands only');
  const sub: CommandContext = { ...ctx, command: inner, typed: inner };
  const started = performance.now();
  const { result } = runFind(sub);
  const micros = Math.round((performance.now() - started) * 1000);
  const plan = result?.plan;
  const stage = plan?.stage ?? 'EOF';
  const winningPlan = plan?.indexName ? { stage: 'FETCH', inputStage: { stage: stage === 'IDHACK' ? 'IDHACK' : 'IXSCAN', indexName: plan.indexName } } : { stage };
  return {
    queryPlanner: { namespace: `${ctx.db}.${targetCollection(sub)}`, winningPlan },
    // executionTimeMicros is the store's own: mongod's whole milliseconds say little about a sub-millisecond query.
    executionStats: { nReturned: result?.docs.length ?? 0, totalDocsExamined: result?.examined ?? 0, executionTimeMillis: Math.round(micros / 1000), executionTimeMicros: micros, executionSuccess: true },
    ok: 1,
  };
}

export const readCommands: Record<string, CommandHandler> = { find, getMore, killCursors, count, distinct, explain };
