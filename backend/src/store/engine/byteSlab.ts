/** Bytes per slab: small, because one surviving document keeps its whole slab alive. */
const SLAB_BYTES = 64 * 1024;
/** Documents from this size on get their own buffer (as Buffer.from gives them): a large one replaced later frees its bytes. */
const OWN_BUFFER_BYTES = 4 * 1024;

/**
 * Copies many small byte ranges into shared slabs, one allocation per slab
 * instead of one per document (a restart copies a million documents out of
 * the file buffers it reads). A range of 4 kB or more gets its own buffer.
 */
export class ByteSlab {
  private slab = Buffer.alloc(0);
  private used = 0;

  copy(src: Buffer, start: number, end: number): Buffer {
    const n = end - start;
    if (n >= OWN_BUFFER_BYTES) {
      const own = Buffer.allocUnsafeSlow(n);
      src.copy(own, 0, start, end);
      return own;
    }
    if (this.used + n > this.slab.length) {
      this.slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
      this.used = 0;
    }
    src.copy(this.slab, this.used, start, end);
    const out = this.slab.subarray(this.used, this.used + n);
    this.used += n;
    return out;
  }
}
