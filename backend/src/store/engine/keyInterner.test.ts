import { describe, expect, it } from 'vitest';
import { KeyInterner } from './keyInterner.js';
import { StoreIndex } from './storeIndex.js';

describe('index key values shared among entries', () => {
  it('keeps interning a field whose values repeat, and stops for one whose values never do', () => {
    const repeating = new KeyInterner();
    const unique = new KeyInterner();
    for (let i = 0; i < KeyInterner.MAX_ENTRIES * 2; i++) {
      expect(repeating.intern(`status-${i % 14}`)).toBe(`status-${i % 14}`);
      expect(unique.intern(`code-${i}`)).toBe(`code-${i}`);
    }
    expect(repeating.active).toBe(true);
    expect(unique.active).toBe(false);
  });

  it('an index answers the same with shared values: single, compound and multikey entries', () => {
    const terms = new StoreIndex({ key: { searchTerms: 1 }, name: 'searchTerms_1' });
    const compound = new StoreIndex({ key: { status: 1, reportedAt: -1 }, name: 'status_1_reportedAt_-1' });
    for (let i = 0; i < 300; i++) {
      const doc = { searchTerms: [`t${i % 7}`, `t${(i + 1) % 7}`, `w${i}`], status: i % 3 ? 'closed' : 'reported', reportedAt: new Date(1_790_000_000_000 + i) };
      terms.add(terms.keysFor(doc, `o${i}`));
      compound.add(compound.keysFor(doc, `o${i}`));
    }
    expect(terms.idsForValues(['t3'])).toHaveLength(86);
    expect(terms.idsForValues(['w42'])).toEqual(['o42']);
    expect(terms.isMultikey(0)).toBe(true);
    const reported = [...compound.idsForBounds(['reported'], null)];
    expect(reported).toHaveLength(100);
    expect(reported[0]).toBe('o297'); // newest first
  });
});
