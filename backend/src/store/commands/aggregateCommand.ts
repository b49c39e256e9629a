import { serialize } from 'bson';
import { Aggregator } from '../engine/mongoQuery.js';
import { storeErrors } from '../engine/storeError.js';
import { findDocuments } from '../engine/findDocuments.js';
import { storedFromTyped } from '../engine/storeEngine.js';
import type { Doc } from '../engine/values.js';
import { numberOption, type CommandContext, type CommandHandler } from './commandContext.js';
import { rejectUnsupportedStages } from './unsupportedFeatures.js';
import { runUpdate } from './writeCommands.js';

/** Input documents for a pipeline: when it opens with $match, only the matches (using indexes), else the whole collection. */
function inputFor(ctx: CommandContext, collName: string, pipeline: Doc[]): { input: Doc[]; rest: Doc[] } {
  const coll = ctx.engine.collection(ctx.db, collName);
  if (!coll) return { input: [], rest: pipeline };
  const [first, ...rest] = pipeline;
  if (first && '$match' in first) {
    return { input: findDocuments(coll, { filter: first.$match as Doc }).docs.map((d) => d.view), rest };
  }
  return { input: [...coll.docs.values()].map((d) => d.view), rest: pipeline };
}

/** aggregate: mingo's stages over the collection's documents, with $lookup within the database and $out/$merge as a final stage. */
function aggregate(ctx: CommandContext) {
  const pipeline = ctx.command.pipeline as Doc[];
  if (!Array.isArray(pipeline)) throw storeErrors.failedToParse("'pipeline' option must be specified as an array");
  rejectUnsupportedStages(pipeline);
  const target = ctx.command.aggregate;
  if (target === 1) throw storeErrors.commandNotSupported('database-level aggregation ($currentOp, $documents …) is not supported by the embedded store');
  const collName = String(target);
  const last = pipeline[pipeline.length - 1];
  const writeStage = last && ('$out' in last || '$merge' in last) ? last : undefined;
  const body = writeStage ? pipeline.slice(0, -1) : pipeline;
  const { input, rest } = inputFor(ctx, collName, body);
  const aggregator = new Aggregator(rest, {
    collectionResolver: (name: string) => [...(ctx.engine.collection(ctx.db, name)?.docs.values() ?? [])].map((d) => d.view),
  });
  const results = aggregator.run(input) as Doc[];
  const ns = `${ctx.db}.${collName}`;
  if (writeStage) {
    writeResults(ctx, writeStage, results);
    return { cursor: { id: 0n, ns, firstBatch: [] }, ok: 1 };
  }
  const cursorOpt = (ctx.command.cursor as Doc | undefined) ?? {};
  const docs = results.map((r) => Buffer.from(serialize(r)));
  const page = ctx.cursors.open(ns, docs, numberOption(cursorOpt.batchSize), ctx.connectionId);
  return { cursorBatch: { id: page.id, ns, batch: page.batch, first: true } };
}

function writeResults(ctx: CommandContext, stage: Doc, results: Doc[]): void {
  if ('$out' in stage) {
    const spec = stage.$out;
    const name = typeof spec === 'string' ? spec : String((spec as Doc).coll);
    const db = typeof spec === 'string' ? ctx.db : String((spec as Doc).db ?? ctx.db);
    if (db !== ctx.db) throw storeErrors.commandNotSupported('$out to another database is not supported by the embedded store');
    ctx.engine.dropCollection(db, name);
    const coll = ctx.engine.ensureCollection(db, name);
    for (const r of results) ctx.engine.insert(coll, storedFromTyped(r));
    return;
  }
  const spec = typeof stage.$merge === 'string' ? { into: stage.$merge } : (stage.$merge as Doc);
  const into = typeof spec.into === 'string' ? spec.into : String((spec.into as Doc).coll);
  const on = (Array.isArray(spec.on) ? spec.on : [spec.on ?? '_id']) as string[];
  const whenMatched = spec.whenMatched ?? 'merge';
  const whenNotMatched = spec.whenNotMatched ?? 'insert';
  if (typeof whenMatched !== 'string') throw storeErrors.commandNotSupported('$merge with a pipeline in whenMatched is not supported by the embedded store');
  const coll = ctx.engine.ensureCollection(ctx.db, into);
  for (const r of results) {
    const filter = Object.fromEntries(on.map((f) => [f, r[f]]));
    const [existing] = findDocuments(coll, { filter, limit: 1 }).docs;
    if (!existing) {
      if (whenNotMatched === 'insert') ctx.engine.insert(coll, storedFromTyped(r));
      else if (whenNotMatched === 'fail') throw storeErrors.location(13113, '$merge could not find a matching document in the target collection');
      continue;
    }
    if (whenMatched === 'keepExisting') continue;
    if (whenMatched === 'fail') throw storeErrors.duplicateKey(coll.ns, '_id_', { _id: 1 }, { _id: existing.view._id });
    const update = whenMatched === 'replace' ? { ...r, _id: existing.view._id } : { $set: withoutId(r) };
    runUpdate(ctx, coll, { filter: { _id: existing.view._id }, typedFilter: { _id: existing.view._id }, update, now: ctx.now() }, false, false);
  }
}

function withoutId(doc: Doc): Doc {
  const { _id: _ignored, ...rest } = doc;
  return rest;
}

export const aggregateCommands: Record<string, CommandHandler> = { aggregate };

