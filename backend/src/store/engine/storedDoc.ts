import { deserialize } from 'bson';
import type { Doc } from './values.js';

// A stored document is its exact BSON bytes: returned as they are, journaled
// as they are. Matching, sorting and index keys need the promoted view (plain
// JS values), which costs about three times the bytes in memory: views are
// therefore built on demand and only the most recently built ones are kept,
// up to a byte budget, so a million incidents fit in memory as bytes while
// the documents in use are matched without decoding them again.

/** Estimated heap bytes of a view per byte of BSON (measured: a 4.8 kB incident's view takes 14.8 kB). */
const VIEW_BYTES_PER_BSON_BYTE = 3;

/** The views kept, oldest first (FIFO: cheap, and a hot document is rebuilt at most once per pass of the budget). */
class ViewCache {
  private queue: StoredDoc[] = [];
  private head = 0;
  private bytes = 0;
  budgetBytes = 1024 * 1024 * 1024;

  kept(doc: StoredDoc, bytes: number): void {
    this.bytes += bytes;
    this.queue.push(doc);
    while (this.bytes > this.budgetBytes && this.head < this.queue.length) this.bytes -= this.queue[this.head++].dropView();
    if (this.head > 65_536 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }

  dropped(bytes: number): void {
    this.bytes -= bytes;
  }

  stats(): { docs: number; bytes: number; budgetBytes: number } {
    return { docs: this.queue.length - this.head, bytes: this.bytes, budgetBytes: this.budgetBytes };
  }
}

const views = new ViewCache();

/** Sets how many bytes of promoted views the process keeps (the store's `--view-cache-mb`). */
export function setViewCacheBudget(bytes: number): void {
  views.budgetBytes = Math.max(0, bytes);
}

/** What the view cache holds now (for stats and tests). */
export function viewCacheStats(): { docs: number; bytes: number; budgetBytes: number } {
  return views.stats();
}

export class StoredDoc {
  #view: Doc | undefined;

  /**
   * @param id valueKey(_id): equal for ids MongoDB considers equal.
   * @param raw the exact BSON bytes.
   * @param view the promoted view when the caller already decoded it.
   */
  constructor(
    readonly id: string,
    readonly raw: Buffer,
    view?: Doc,
  ) {
    if (view) this.keep(view);
  }

  /** The promoted view for matching (never to be mutated: it may be shared by later reads). */
  get view(): Doc {
    return this.#view ?? this.keep(deserialize(this.raw) as Doc);
  }

  /** The view if kept, else one decoded for the caller alone (not kept: an insert's index keys need it once). */
  peekView(): Doc {
    return this.#view ?? (deserialize(this.raw) as Doc);
  }

  /** Forgets the view (the document left its collection, or the cache is over budget); returns the bytes it was counted for. */
  dropView(): number {
    if (!this.#view) return 0;
    this.#view = undefined;
    return this.raw.length * VIEW_BYTES_PER_BSON_BYTE;
  }

  /** Releases the view at once when the document leaves its collection (removed or replaced). */
  retire(): void {
    views.dropped(this.dropView());
  }

  private keep(view: Doc): Doc {
    this.#view = view;
    views.kept(this, this.raw.length * VIEW_BYTES_PER_BSON_BYTE);
    return view;
  }
}
