import { StoreError, storeErrors } from '../engine/storeError.js';
import type { Doc } from '../engine/values.js';

const GEO_OPERATORS = new Set(['$near', '$nearSphere', '$geoWithin', '$geoIntersects', '$within', '$box', '$center', '$centerSphere', '$polygon']);

/**
 * Throws for query features outside the portable subset, with MongoDB's code
 * and a message naming the feature, instead of answering wrongly.
 */
export function rejectUnsupportedQuery(filter: unknown): void {
  if (filter === null || typeof filter !== 'object' || '_bsontype' in (filter as object) || filter instanceof Date || filter instanceof RegExp) return;
  if (Array.isArray(filter)) {
    for (const f of filter) rejectUnsupportedQuery(f);
    return;
  }
  for (const [key, value] of Object.entries(filter as Doc)) {
    if (GEO_OPERATORS.has(key)) {
      throw new StoreError(291, 'NoQueryExecutionPlans', `geospatial query operator ${key} is not supported by the embedded store (no 2d/2dsphere indexes); locate points in the application or use MongoDB`);
    }
    if (key === '$text') throw storeErrors.indexNotFound('text index required for $text query: $text search is not supported by the embedded store');
    if (key === '$where') throw storeErrors.badValue('$where (server-side JavaScript) is not supported by the embedded store');
    rejectUnsupportedQuery(value);
  }
}

/** Throws for aggregation stages outside the portable subset. */
export function rejectUnsupportedStages(pipeline: Doc[]): void {
  for (const stage of pipeline) {
    const name = Object.keys(stage)[0];
    if (name === '$changeStream') throw new StoreError(40573, 'Location40573', 'The $changeStream stage is only supported on replica sets: change streams are not supported by the embedded store');
    if (name === '$geoNear') throw new StoreError(291, 'NoQueryExecutionPlans', '$geoNear is not supported by the embedded store (no geospatial indexes)');
    if (name === '$search' || name === '$searchMeta' || name === '$vectorSearch') throw storeErrors.commandNotSupported(`${name} (Atlas Search) is not supported by the embedded store`);
    if (name === '$match') rejectUnsupportedQuery(stage.$match);
  }
}

/** Throws when a command tries to use a multi-document transaction. */
export function rejectTransactions(command: Doc): void {
  if (command.txnNumber !== undefined && (command.startTransaction || command.autocommit === false)) throw storeErrors.noSuchTransaction();
  if (command.txnNumber !== undefined) {
    throw storeErrors.illegalOperation('Transaction numbers are only allowed on a replica set member or mongos: retryable writes and transactions are not supported by the embedded store');
  }
}
