import type { IndexKey, StoreIndex } from './storeIndex.js';

/** Keys added to a non-unique index but not yet in its tree, taken from the front in steps. */
export class PendingKeys {
  private keys: IndexKey[] = [];
  /** How many from the front are already taken. */
  private head = 0;

  get size(): number {
    return this.keys.length - this.head;
  }

  push(keys: IndexKey[]): void {
    for (const k of keys) this.keys.push(k);
  }

  /** Takes up to `max` keys, oldest first. */
  take(max: number): IndexKey[] {
    const n = Math.min(max, this.size);
    const batch = this.keys.slice(this.head, this.head + n);
    this.head += n;
    if (this.head === this.keys.length) this.clear();
    return batch;
  }

  clear(): void {
    this.keys = [];
    this.head = 0;
  }
}

/**
 * Moves queued index keys into their trees in small steps on the event loop's
 * idle turns, so a large insert's index work overlaps the fsync and the
 * client's next request instead of delaying the reply, and a timer or an
 * fsync completion waits at most one step.
 */
class PendingKeyFlusher {
  private static readonly STEP_KEYS = 256;
  private readonly queued = new Set<StoreIndex>();
  private scheduled = false;

  enlist(index: StoreIndex): void {
    this.queued.add(index);
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.step());
  }

  private step(): void {
    this.scheduled = false;
    let budget = PendingKeyFlusher.STEP_KEYS;
    for (const index of this.queued) {
      budget -= index.flushPending(budget);
      if (!index.hasPending) this.queued.delete(index);
      if (budget <= 0) break;
    }
    if (this.queued.size) this.schedule();
  }
}

/** The one flusher of the store process. */
export const pendingFlusher = new PendingKeyFlusher();
