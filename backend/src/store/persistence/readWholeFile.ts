import { constants } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** The largest file readWholeFile reads: Node's largest buffer (4 GiB in Node 20). */
export const MAX_WHOLE_FILE_BYTES = constants.MAX_LENGTH;
/** Bytes per read call (one call may read at most 2 GiB). */
const READ_BYTES = 1 << 30;

/** A file too large for one buffer: not damage, and nothing in the data directory may be changed because of it. */
export class FileTooLargeError extends Error {
  constructor(
    readonly path: string,
    readonly bytes: number,
  ) {
    super(
      `${path} holds ${bytes.toLocaleString('en')} bytes, more than this Node version reads into one buffer ` +
        `(${MAX_WHOLE_FILE_BYTES.toLocaleString('en')}); the file is not damaged: open the data directory with a Node version ` +
        'that allows larger buffers, or move the data to MongoDB',
    );
  }
}

/**
 * A file's bytes, read whole. `readFileSync` refuses files over 2 GiB, and the
 * snapshot of a city-scale store (a million incidents) is ~4 GB; this reads in
 * 1 GiB steps into one buffer, up to Node's largest buffer.
 */
export function readWholeFile(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > MAX_WHOLE_FILE_BYTES) throw new FileTooLargeError(path, size);
    const buf = Buffer.allocUnsafeSlow(size);
    let at = 0;
    while (at < size) {
      const n = readSync(fd, buf, at, Math.min(size - at, READ_BYTES), at);
      if (n === 0) break; // the file shrank while read: what was read is what there is
      at += n;
    }
    return at === size ? buf : buf.subarray(0, at);
  } finally {
    closeSync(fd);
  }
}
