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
type Visit = (value: unknown) => boolean;

/**
 * True when `visit` holds for one of the values a path names, arrays also
 * standing for each of their elements (MongoDB's implicit array matching). A
 * top-level field is read directly: the common case allocates nothing.
 */
function someCandidate(doc: Doc, selector: string, visit: Visit): boolean {
  if (!selector.includes('.')) return visitValue(doc[selector], visit);
  for (const v of valuesAtPath(doc, selector)) if (visitValue(v, visit)) return true;
  return false;
}

function visitValue(v: unknown, visit: Visit): boolean {
  if (visit(v)) return true;
  if (!Array.isArray(v)) return false;
  for (const el of v) if (visit(el)) return true;
  return false;
}

/** A test of equality with `value`, with the value's key computed once. */
function equalsTo(value: unknown): Visit {
  if (value instanceof RegExp) return (c) => typeof c === 'string' && value.test(c);
  if (value === null || value === undefined) return (c) => c === null || c === undefined;
  const key = valueKey(value);
  const family = typeFamily(value);
  return (c) => c !== undefined && typeFamily(c) === family && valueKey(c) === key;
}

function ordered(test: (c: number) => boolean) {
  return (selector: string, value: unknown): Predicate => {
    const family = typeFamily(value);
    const visit: Visit = (v) => v !== undefined && typeFamily(v) === family && test(compareValues(v, value));
    return (doc) => someCandidate(doc, selector, visit);
  };
}

const $eq = (selector: string, value: unknown): Predicate => {
  const visit = equalsTo(value);
  return (doc) => someCandidate(doc, selector, visit);
};
const $in = (selector: string, values: unknown[]): Predicate => {
  const tests = values.map(equalsTo);
  const visit: Visit = (v) => tests.some((t) => t(v));
  return (doc) => someCandidate(doc, selector, visit);
};

const comparisonOperators = {
  $eq,
  $ne: (selector: string, value: unknown): Predicate => {
    const eq = $eq(selector, value);
    return (doc) => !eq(doc);
  },
  $gt: ordered((c) => c > 0),
  $gte: ordered((c) => c >= 0),
  $lt: ordered((c) => c < 0),
  $lte: ordered((c) => c <= 0),
  $in,
  $nin: (selector: string, values: unknown[]): Predicate => {
    const inValues = $in(selector, values);
    return (doc) => !inValues(doc);
  },
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
