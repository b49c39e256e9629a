import { serialize } from 'bson';
import { afterEach, describe, expect, it } from 'vitest';
import { StoredDoc, setViewCacheBudget, viewCacheStats } from './storedDoc.js';

const docOf = (i: number) => {
  const raw = Buffer.from(serialize({ _id: i, name: `doc ${i}`, tags: ['a', 'b'], at: new Date(Date.UTC(2026, 0, 1, 0, i)) }));
  return new StoredDoc(String(i), raw);
};

describe('StoredDoc views', () => {
  afterEach(() => setViewCacheBudget(1024 * 1024 * 1024));

  it('keeps views within the budget, dropping the oldest, and rebuilds a dropped view equal to the first', () => {
    const one = docOf(0);
    const first = one.view;
    const perView = viewCacheStats().bytes;
    expect(perView).toBeGreaterThan(0);
    setViewCacheBudget(perView * 10);
    const others = Array.from({ length: 50 }, (_, i) => docOf(i + 1));
    for (const d of others) expect(d.view.name).toBe(`doc ${d.id}`);
    expect(viewCacheStats().bytes).toBeLessThanOrEqual(perView * 10);
    // The first view was dropped: a new object, with the same content.
    const again = one.view;
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
    expect(again.at).toBeInstanceOf(Date);
  });

  it('releases a retired document’s view at once and still reads it from its bytes', () => {
    const d = docOf(99);
    const view = d.view;
    const before = viewCacheStats().bytes;
    d.retire();
    expect(viewCacheStats().bytes).toBeLessThan(before);
    expect(d.view).toEqual(view);
  });

  it('with a budget of 0 keeps no view and still answers every read', () => {
    setViewCacheBudget(0);
    const d = docOf(7);
    expect(d.view._id).toBe(7);
    expect(d.view.tags).toEqual(['a', 'b']);
    expect(viewCacheStats().bytes).toBeLessThanOrEqual(0);
  });
});
