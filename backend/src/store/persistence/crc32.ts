import * as zlib from 'node:zlib';

// CRC-32 (IEEE, as zlib and gzip compute it) of a byte range. Node ≥ 20.15
// ships zlib.crc32 (native, fast); older Node 20 releases fall back to a table.

let table: Uint32Array | null = null;

function tableCrc32(data: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const native = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

/** Returns the CRC-32 of `data` as an unsigned 32-bit integer. */
export const crc32: (data: Uint8Array) => number = typeof native === 'function' ? (data) => native(data) >>> 0 : tableCrc32;

/** Returns the CRC-32 of `data` computed by the portable table implementation (used to test the native one against). */
export function portableCrc32(data: Uint8Array): number {
  return tableCrc32(data);
}
