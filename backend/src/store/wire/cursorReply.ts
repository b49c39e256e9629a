/**
 * Builds `{ cursor: { firstBatch|nextBatch: [...], id, ns }, ok: 1 }` in BSON
 * directly from the stored documents' bytes, so documents are never
 * re-serialized on the way out.
 */
export interface CursorBatch {
  id: bigint;
  ns: string;
  batch: Buffer[];
  first: boolean;
}

function cstring(s: string): Buffer {
  return Buffer.concat([Buffer.from(s, 'utf8'), Buffer.from([0])]);
}

function document(elements: Buffer[]): Buffer {
  const body = Buffer.concat([...elements, Buffer.from([0])]);
  const size = Buffer.alloc(4);
  size.writeInt32LE(body.length + 4, 0);
  return Buffer.concat([size, body]);
}

function element(type: number, name: string, value: Buffer): Buffer {
  return Buffer.concat([Buffer.from([type]), cstring(name), value]);
}

/** Serializes a cursor reply around raw document bytes. */
export function cursorReplyBson(reply: CursorBatch): Buffer {
  const array = document(reply.batch.map((doc, i) => element(0x03, String(i), doc)));
  const id = Buffer.alloc(8);
  id.writeBigInt64LE(reply.id, 0);
  const nsBytes = Buffer.from(reply.ns, 'utf8');
  const nsValue = Buffer.alloc(4 + nsBytes.length + 1);
  nsValue.writeInt32LE(nsBytes.length + 1, 0);
  nsBytes.copy(nsValue, 4);
  const cursor = document([element(0x04, reply.first ? 'firstBatch' : 'nextBatch', array), element(0x12, 'id', id), element(0x02, 'ns', nsValue)]);
  const ok = Buffer.alloc(8);
  ok.writeDoubleLE(1, 0);
  return document([element(0x03, 'cursor', cursor), element(0x01, 'ok', ok)]);
}
