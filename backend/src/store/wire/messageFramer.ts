import { MAX_MESSAGE_BYTES } from './wireMessages.js';

/**
 * Cuts a connection's byte stream into whole wire messages (each starts with
 * its int32 length). Chunks are kept as they arrive and joined once a message
 * is complete, so a large insert arriving in many chunks is copied once, not
 * once per chunk. Returns the socket's 'data' handler.
 */
export function messageFramer(onMessage: (message: Buffer) => void, onBadLength: (length: number) => void): (chunk: Buffer) => void {
  let chunks: Buffer[] = [];
  let bytes = 0;
  let broken = false;
  return (chunk) => {
    if (broken) return;
    chunks.push(chunk);
    bytes += chunk.length;
    while (bytes >= 4) {
      if (chunks[0].length < 4) chunks = [Buffer.concat(chunks, bytes)];
      const length = chunks[0].readInt32LE(0);
      if (length < 16 || length > MAX_MESSAGE_BYTES) {
        broken = true;
        onBadLength(length);
        return;
      }
      if (bytes < length) return;
      const all = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, bytes);
      const rest = all.subarray(length);
      chunks = rest.length ? [rest] : [];
      bytes = rest.length;
      onMessage(all.subarray(0, length));
    }
  };
}
