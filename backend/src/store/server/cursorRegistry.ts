import { storeErrors } from '../engine/storeError.js';

const MAX_BATCH_BYTES = 16 * 1024 * 1024;
const DEFAULT_FIRST_BATCH = 101;
export const CURSOR_IDLE_MS = 10 * 60 * 1000;

interface OpenCursor {
  ns: string;
  docs: Buffer[];
  position: number;
  connectionId: number;
  lastUsed: number;
}

/** A page of results and the cursor id to fetch the rest (0n when exhausted). */
export interface Page {
  id: bigint;
  batch: Buffer[];
}

/**
 * Open cursors by int64 id: results are materialized once and paged out in
 * batches; idle cursors are reaped after 10 minutes and a closing connection's
 * cursors are released.
 */
export class CursorRegistry {
  private readonly cursors = new Map<bigint, OpenCursor>();
  private nextId = BigInt(Date.now()) * 1000n;

  /** Returns the first batch; registers a cursor only if documents remain. */
  open(ns: string, docs: Buffer[], batchSize: number | undefined, connectionId: number, singleBatch = false): Page {
    const size = batchSize && batchSize > 0 ? batchSize : batchSize === 0 ? 0 : DEFAULT_FIRST_BATCH;
    const cursor: OpenCursor = { ns, docs, position: 0, connectionId, lastUsed: Date.now() };
    const batch = take(cursor, size);
    if (singleBatch || cursor.position >= docs.length) return { id: 0n, batch };
    const id = ++this.nextId;
    this.cursors.set(id, cursor);
    return { id, batch };
  }

  /** The next batch of an open cursor; CursorNotFound (43) if it is unknown, exhausted or reaped. */
  more(id: bigint, ns: string, batchSize: number | undefined): Page {
    const cursor = this.cursors.get(id);
    if (!cursor || cursor.ns !== ns) throw storeErrors.cursorNotFound(String(id));
    cursor.lastUsed = Date.now();
    const batch = take(cursor, batchSize && batchSize > 0 ? batchSize : Number.MAX_SAFE_INTEGER);
    if (cursor.position >= cursor.docs.length) {
      this.cursors.delete(id);
      return { id: 0n, batch };
    }
    return { id, batch };
  }

  /** Closes cursors; returns which ids were killed and which were unknown. */
  kill(ids: bigint[]): { killed: bigint[]; notFound: bigint[] } {
    const killed: bigint[] = [];
    const notFound: bigint[] = [];
    for (const id of ids) (this.cursors.delete(id) ? killed : notFound).push(id);
    return { killed, notFound };
  }

  /** Releases every cursor a connection opened (it disconnected). */
  releaseConnection(connectionId: number): void {
    for (const [id, c] of this.cursors) if (c.connectionId === connectionId) this.cursors.delete(id);
  }

  /** Drops cursors idle longer than `idleMs`; returns how many. */
  reap(now = Date.now(), idleMs = CURSOR_IDLE_MS): number {
    let n = 0;
    for (const [id, c] of this.cursors) {
      if (now - c.lastUsed > idleMs) {
        this.cursors.delete(id);
        n++;
      }
    }
    return n;
  }

  get size(): number {
    return this.cursors.size;
  }
}

function take(cursor: OpenCursor, count: number): Buffer[] {
  const out: Buffer[] = [];
  let bytes = 0;
  while (out.length < count && cursor.position < cursor.docs.length) {
    const doc = cursor.docs[cursor.position];
    if (out.length > 0 && bytes + doc.length > MAX_BATCH_BYTES) break;
    out.push(doc);
    bytes += doc.length;
    cursor.position++;
  }
  return out;
}
