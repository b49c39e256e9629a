import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { StoreIndex } from './storeIndex.js';

describe('index keys queued by writes', () => {
  it('a non-unique index answers from queued keys at once, and moves them into its tree on idle turns', async () => {
    const index = new StoreIndex({ key: { deviceId: 1 }, name: 'deviceId_1' });
    for (let i = 0; i < 1000; i++) index.add([[`dev-${i % 10}`, `o${i}`]]);
    expect(index.hasPending).toBe(true);
    for (let turn = 0; turn < 10 && index.hasPending; turn++) await nextTurn();
    expect(index.hasPending).toBe(false);
    index.add([['dev-3', 'late']]);
    expect(index.idsForValues(['dev-3'])).toHaveLength(101);
    expect(index.idsForValues(['dev-3'])).toContain('late');
  });

  it('a key removed while still queued is gone, and a unique index never queues', () => {
    const index = new StoreIndex({ key: { code: 1 }, name: 'code_1' });
    index.add([['a', 'o1']]);
    index.add([['b', 'o2']]);
    index.remove([['a', 'o1']]);
    expect(index.idsForValues(['a', 'b'])).toEqual(['o2']);
    expect(index.size).toBe(1);
    const unique = new StoreIndex({ key: { code: 1 }, name: 'code_1', unique: true });
    unique.add([['a', 'o1']]);
    expect(unique.hasPending).toBe(false);
    expect(() => unique.checkUnique('db.c', [['a', 'o9']], 'o9')).toThrow(/duplicate key/);
  });
});
