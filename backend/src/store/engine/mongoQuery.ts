import { Aggregator as AggregatorBase } from 'mingo/aggregator';
import { Context } from 'mingo/core';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';
import { Query as QueryBase } from 'mingo/query';
import { compareValues, typeFamily, valueKey, valuesAtPath, type Doc } from './values.js';

/**
 * mingo with MongoDB's comparison semantics: $eq/$ne/$gt/$gte/$lt/$lte/$in/$nin
 * compare through compareValues, so Int32, Int64 (beyond 2^53 too), Double and
 * Decimal128 compare as numbers, and ranges never cross type brackets.
 */

type Predicate = (doc: Doc) => boolean;

/** The values a path names, with arrays also standing for each of their elements (MongoDB's implicit array matching). */
function candidates(doc: Doc, selector: string): unknown[] {
  return valuesAtPath(doc, selector).flatMap((v) => (Array.isArray(v) ? [v, ...v] : [v]));
}

function equals(candidate: unknown, value: unknown): boolean {
  if (value instanceof RegExp) return typeof candidate === 'string' && value.test(candidate);
  if (value === null || value === undefined) return candidate === null || candidate === undefined;
  return candidate !== undefined && valueKey(candidate) === valueKey(value);
}

function ordered(test: (c: number) => boolean) {
  return (selector: string, value: unknown) =>
    (doc: Doc): boolean => {
      const family = typeFamily(value);
      return candidates(doc, selector).some((v) => v !== undefined && typeFamily(v) === family && test(compareValues(v, value)));
    };
}

const $eq = (selector: string, value: unknown): Predicate => (doc) => candidates(doc, selector).some((v) => equals(v, value));
const $in = (selector: string, values: unknown[]): Predicate => (doc) => candidates(doc, selector).some((v) => values.some((x) => equals(v, x)));

const comparisonOperators = {
  $eq,
  $ne: (selector: string, value: unknown): Predicate => (doc) => !$eq(selector, value)(doc),
  $gt: ordered((c) => c > 0),
  $gte: ordered((c) => c >= 0),
  $lt: ordered((c) => c < 0),
  $lte: ordered((c) => c <= 0),
  $in,
  $nin: (selector: string, values: unknown[]): Predicate => (doc) => !$in(selector, values)(doc),
};

const CONTEXT = Context.init({
  accumulator: accumulatorOperators,
  expression: expressionOperators,
  pipeline: pipelineOperators,
  projection: projectionOperators,
  query: { ...queryOperators, ...comparisonOperators } as never,
  window: windowOperators,
});

/** A compiled MongoDB filter. */
export class Query extends QueryBase {
  constructor(filter: Doc) {
    super(filter, { context: CONTEXT });
  }
}

/** An aggregation pipeline over view documents; CLONE_INPUT keeps the stored views untouched. */
export class Aggregator extends AggregatorBase {
  constructor(pipeline: Doc[], options: { collectionResolver?: (name: string) => Doc[] } = {}) {
    super(pipeline, { context: CONTEXT, processingMode: 1, ...options } as never);
  }
}
