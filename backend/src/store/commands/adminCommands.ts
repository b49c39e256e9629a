import { Query } from '../engine/mongoQuery.js';
import { storeErrors } from '../engine/storeError.js';
import type { IndexSpec } from '../engine/storeIndex.js';
import type { Doc } from '../engine/values.js';
import { numberOption, targetCollection, type CommandContext, type CommandHandler } from './commandContext.js';

function collectionInfo(name: string, options: Doc): Doc {
  return { name, type: 'collection', options, info: { readOnly: false }, idIndex: { v: 2, key: { _id: 1 }, name: '_id_' } };
}

function listCollections(ctx: CommandContext) {
  const colls = ctx.engine.dbs.get(ctx.db);
  let infos = [...(colls?.values() ?? [])].map((c) => collectionInfo(c.name, c.options));
  const filter = ctx.command.filter as Doc | undefined;
  if (filter && Object.keys(filter).length) {
    const q = new Query(filter);
    infos = infos.filter((i) => q.test(i));
  }
  if (ctx.command.nameOnly) infos = infos.map((i) => ({ name: i.name, type: i.type }));
  return { cursor: { id: 0n, ns: `${ctx.db}.$cmd.listCollections`, firstBatch: infos }, ok: 1 };
}

function rejectUnsupportedCollectionOptions(options: Doc): void {
  if (options.capped) throw storeErrors.commandNotSupported('capped collections are not supported by the embedded store; use MongoDB (MONGODB_URI) for capped collections');
  if (options.timeseries) throw storeErrors.commandNotSupported('time-series collections are not supported by the embedded store; use MongoDB (MONGODB_URI) for time-series collections');
  if (options.viewOn) throw storeErrors.commandNotSupported('views are not supported by the embedded store');
  if (options.clusteredIndex) throw storeErrors.commandNotSupported('clustered collections are not supported by the embedded store');
}

function create(ctx: CommandContext) {
  const name = targetCollection(ctx);
  const { create: _c, $db: _d, lsid: _l, writeConcern: _w, $readPreference: _r, ...options } = ctx.command;
  rejectUnsupportedCollectionOptions(options);
  if (ctx.engine.collection(ctx.db, name)) throw storeErrors.namespaceExists(`${ctx.db}.${name}`);
  ctx.engine.ensureCollection(ctx.db, name, stripNoise(options));
  return { ok: 1 };
}

function stripNoise(options: Doc): Doc {
  const out: Doc = {};
  for (const [k, v] of Object.entries(options)) if (!k.startsWith('$') && k !== 'apiVersion') out[k] = v;
  return out;
}

function drop(ctx: CommandContext) {
  const name = targetCollection(ctx);
  if (!ctx.engine.dropCollection(ctx.db, name)) throw storeErrors.namespaceNotFound(`${ctx.db}.${name}`);
  return { ns: `${ctx.db}.${name}`, nIndexesWas: 1, ok: 1 };
}

function createIndexes(ctx: CommandContext) {
  const name = targetCollection(ctx);
  const specs = ctx.command.indexes as Doc[] | undefined;
  if (!Array.isArray(specs) || specs.length === 0) throw storeErrors.badValue('Must specify at least one index to create');
  const existed = Boolean(ctx.engine.collection(ctx.db, name));
  const coll = ctx.engine.ensureCollection(ctx.db, name);
  const before = coll.indexes.size;
  for (const raw of specs) {
    const spec = toIndexSpec(raw);
    ctx.engine.createIndex(coll, spec);
  }
  return { createdCollectionAutomatically: !existed, numIndexesBefore: before, numIndexesAfter: coll.indexes.size, ok: 1 };
}

/** Validates one createIndexes entry and rejects index types the store does not have (text, 2dsphere, hashed, wildcard). */
function toIndexSpec(raw: Doc): IndexSpec {
  const key = raw.key as Doc | undefined;
  if (!key || typeof key !== 'object' || Object.keys(key).length === 0) throw storeErrors.badValue('index specification must have a non-empty key');
  for (const [field, dir] of Object.entries(key)) {
    if (typeof dir === 'string') {
      const what = dir === 'text' ? 'text indexes ($text search)' : dir.startsWith('2d') ? `${dir} geospatial indexes` : `${dir} indexes`;
      throw storeErrors.commandNotSupported(`${what} are not supported by the embedded store (field '${field}'); keep geography in the application or use MongoDB`);
    }
    if (field.includes('$**')) throw storeErrors.commandNotSupported('wildcard indexes are not supported by the embedded store');
  }
  const name = typeof raw.name === 'string' ? raw.name : Object.entries(key).map(([f, d]) => `${f}_${d}`).join('_');
  const spec: IndexSpec = { key: key as Record<string, 1 | -1>, name };
  if (raw.unique) spec.unique = true;
  if (raw.sparse) spec.sparse = true;
  if (raw.partialFilterExpression) spec.partialFilterExpression = raw.partialFilterExpression as Doc;
  const ttl = numberOption(raw.expireAfterSeconds);
  if (ttl !== undefined) spec.expireAfterSeconds = ttl;
  return spec;
}

function listIndexes(ctx: CommandContext) {
  const name = targetCollection(ctx);
  const coll = ctx.engine.collection(ctx.db, name);
  if (!coll) throw storeErrors.namespaceNotFound(`${ctx.db}.${name}`);
  return { cursor: { id: 0n, ns: `${ctx.db}.${name}`, firstBatch: [...coll.indexes.values()].map((i) => i.describe()) }, ok: 1 };
}

function dropIndexes(ctx: CommandContext) {
  const name = targetCollection(ctx);
  const coll = ctx.engine.collection(ctx.db, name);
  if (!coll) throw storeErrors.namespaceNotFound(`${ctx.db}.${name}`);
  const before = coll.indexes.size;
  const target = ctx.command.index;
  const names: string[] =
    target === '*'
      ? [...coll.indexes.keys()].filter((n) => n !== '_id_')
      : Array.isArray(target)
        ? (target as string[])
        : typeof target === 'string'
          ? [target]
          : [coll.indexByKey(target as Doc)?.name ?? ''];
  for (const n of names) {
    if (!n) throw storeErrors.indexNotFound(`can't find index with key: ${JSON.stringify(target)}`);
    ctx.engine.dropIndex(coll, n);
  }
  return { nIndexesWas: before, ok: 1 };
}

function listDatabases(ctx: CommandContext) {
  const databases = [...ctx.engine.dbs.entries()].map(([name, colls]) => {
    let size = 0;
    for (const c of colls.values()) for (const d of c.docs.values()) size += d.raw.length;
    return { name, sizeOnDisk: size, empty: size === 0 };
  });
  const out = ctx.command.nameOnly ? databases.map((d) => ({ name: d.name })) : databases;
  return { databases: out, totalSize: databases.reduce((s, d) => s + d.sizeOnDisk, 0), ok: 1 };
}

function collStats(ctx: CommandContext) {
  const name = targetCollection(ctx);
  const coll = ctx.engine.collection(ctx.db, name);
  if (!coll) throw storeErrors.namespaceNotFound(`${ctx.db}.${name}`);
  let size = 0;
  for (const d of coll.docs.values()) size += d.raw.length;
  const count = coll.docs.size;
  return { ns: coll.ns, count, size, avgObjSize: count ? Math.round(size / count) : 0, storageSize: size, nindexes: coll.indexes.size, totalIndexSize: 0, indexSizes: Object.fromEntries([...coll.indexes.keys()].map((k) => [k, 0])), ok: 1 };
}

function dbStats(ctx: CommandContext) {
  const colls = [...(ctx.engine.dbs.get(ctx.db)?.values() ?? [])];
  let objects = 0;
  let dataSize = 0;
  let indexes = 0;
  for (const c of colls) {
    objects += c.docs.size;
    indexes += c.indexes.size;
    for (const d of c.docs.values()) dataSize += d.raw.length;
  }
  return { db: ctx.db, collections: colls.length, views: 0, objects, avgObjSize: objects ? dataSize / objects : 0, dataSize, storageSize: dataSize, indexes, indexSize: 0, ok: 1 };
}

export const adminCommands: Record<string, CommandHandler> = {
  listCollections,
  create,
  drop,
  dropDatabase: (ctx) => {
    ctx.engine.dropDatabase(ctx.db);
    return { dropped: ctx.db, ok: 1 };
  },
  createIndexes,
  listIndexes,
  dropIndexes,
  deleteIndexes: dropIndexes,
  listDatabases,
  collStats,
  dbStats,
};
