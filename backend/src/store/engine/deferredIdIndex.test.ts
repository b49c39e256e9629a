import { ObjectId } from 'bson';
import { describe, expect, it } from 'vitest';
import { findDocuments } from './findDocuments.js';
import { StoreCollection } from './storeCollection.js';
import { storedFromTyped } from './storeEngine.js';

// The _id index is built only when a query first needs _id order or a range;
// until then the id map answers, and from then on the index is maintained.
describe('the deferred _id index', () => {
  it('answers _id equality from the id map, builds itself for a range, and stays in step with later writes', () => {
    const coll = new StoreCollection('db', 'c');
    for (const n of [5, 1, 4, 2, 3]) coll.insert(storedFromTyped({ _id: n, n }));
    const ids = (filter: object, sort?: object) => findDocuments(coll, { filter: filter as never, sort: sort as never }).docs.map((d) => d.view._id);

    expect(findDocuments(coll, { filter: { _id: { $in: [4, 2, 9] } } }).plan.stage).toBe('IDHACK');
    expect(ids({ _id: { $in: [4, 2, 9] } })).toEqual([2, 4]);
    expect(ids({ _id: { $gte: 2, $lt: 5 } })).toEqual([2, 3, 4]);

    coll.insert(storedFromTyped({ _id: 2.5, n: 0 }));
    coll.remove(coll.docs.get([...coll.docs.keys()].find((k) => coll.docs.get(k)!.view._id === 3)!)!);
    expect(ids({ _id: { $gte: 2, $lt: 5 } })).toEqual([2, 2.5, 4]);
    expect(ids({}, { _id: -1 })).toEqual([5, 4, 2.5, 2, 1]);
  });

  it('still refuses a second document with the same _id', () => {
    const coll = new StoreCollection('db', 'c');
    const id = new ObjectId();
    coll.insert(storedFromTyped({ _id: id }));
    expect(() => coll.insert(storedFromTyped({ _id: new ObjectId(id.toHexString()) }))).toThrow(/duplicate key/i);
  });
});
