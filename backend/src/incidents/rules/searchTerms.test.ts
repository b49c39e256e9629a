import { describe, expect, it } from 'vitest';
import { MAX_SEARCH_TERMS, searchTerms } from './searchTerms.js';

describe('search terms', () => {
  it('splits Latin words and Chinese bigrams, lower-cased and deduplicated', () => {
    expect(searchTerms('井盖破损 Broken cover', 'broken')).toEqual(['井盖', '盖破', '破损', 'broken', 'cover']);
  });

  it('keeps a lone Chinese character and mixed runs apart', () => {
    expect(searchTerms('A栋3号')).toEqual(['a', '栋', '3', '号']);
  });

  it('finds a query inside a text: every query term is a text term', () => {
    const text = searchTerms('东城区和平里小区门口垃圾满溢，影响通行');
    for (const q of ['垃圾满溢', '小区门口', '通行']) expect(text).toEqual(expect.arrayContaining(searchTerms(q)));
  });

  it('bounds the number of terms', () => {
    expect(searchTerms('的'.repeat(10) + Array.from({ length: 500 }, (_, i) => `w${i}`).join(' '))).toHaveLength(MAX_SEARCH_TERMS);
  });
});
