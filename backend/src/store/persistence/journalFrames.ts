import { Binary, deserialize, serialize, type DeserializeOptions } from 'bson';
import { crc32 } from './crc32.js';
import { decodeFlatEnvelope } from './envelopeDecoder.js';

/**
 * The on-disk framing of journal and snapshot records:
 * [u32 LE length of the BSON][u32 LE CRC-32 of the BSON][BSON document].
 * A frame that is cut short, fails its checksum or does not parse marks the
 * end of the usable data.
 */
export type LogRecord = Record<string, unknown>;

export const FRAME_HEADER_BYTES = 8;

/** Returns one record framed for the journal (throws if the record cannot be serialized). */
export function encodeFrame(record: LogRecord): Buffer {
  const put = putParts(record);
  if (put) {
    const frame = Buffer.allocUnsafe(FRAME_HEADER_BYTES + putBodyBytes(put));
    writePutFrame(frame, 0, put);
    return frame;
  }
  const body = serialize(record);
  const frame = Buffer.allocUnsafe(FRAME_HEADER_BYTES + body.length);
  frame.writeUInt32LE(body.length, 0);
  frame.writeUInt32LE(crc32(body), 4);
  frame.set(body, FRAME_HEADER_BYTES);
  return frame;
}

/** Returns the frames of `records` concatenated in order (document writes, the bulk of a journal, are framed straight into the output). */
export function encodeFrames(records: readonly LogRecord[]): Buffer {
  if (records.length === 1) return encodeFrame(records[0]);
  const parts = records.map((r) => putParts(r) ?? encodeFrame(r));
  let total = 0;
  for (const p of parts) total += Buffer.isBuffer(p) ? p.length : FRAME_HEADER_BYTES + putBodyBytes(p);
  const out = Buffer.allocUnsafe(total);
  let at = 0;
  for (const p of parts) {
    if (Buffer.isBuffer(p)) {
      out.set(p, at);
      at += p.length;
    } else at = writePutFrame(out, at, p);
  }
  return out;
}

// A document write { o: 'put', ns, doc: Binary } is the journal's commonest
// record: its BSON is written by hand, byte for byte what serialize() writes,
// without first copying the document into a serializer's buffer.
interface PutParts {
  ns: Buffer;
  doc: Uint8Array;
}

function putParts(record: LogRecord): PutParts | null {
  if (record.o !== 'put' || typeof record.ns !== 'string' || !(record.doc instanceof Binary) || record.doc.sub_type !== 0) return null;
  let fields = 0;
  for (const _ in record) fields++;
  if (fields !== 3) return null;
  return { ns: Buffer.from(record.ns, 'utf8'), doc: record.doc.buffer.subarray(0, record.doc.position) };
}

/** int32 size, "o": "put", "ns": string, "doc": binary, terminator. */
function putBodyBytes(p: PutParts): number {
  return 4 + (1 + 2 + 4 + 4) + (1 + 3 + 4 + p.ns.length + 1) + (1 + 4 + 4 + 1 + p.doc.length) + 1;
}

function writePutFrame(out: Buffer, at: number, p: PutParts): number {
  const size = putBodyBytes(p);
  const body = at + FRAME_HEADER_BYTES;
  let i = body;
  i = out.writeInt32LE(size, i);
  out[i++] = 0x02;
  i += out.write('o\0', i, 'latin1');
  i = out.writeInt32LE(4, i);
  i += out.write('put\0', i, 'latin1');
  out[i++] = 0x02;
  i += out.write('ns\0', i, 'latin1');
  i = out.writeInt32LE(p.ns.length + 1, i);
  out.set(p.ns, i);
  i += p.ns.length;
  out[i++] = 0;
  out[i++] = 0x05;
  i += out.write('doc\0', i, 'latin1');
  i = out.writeInt32LE(p.doc.length, i);
  out[i++] = 0;
  out.set(p.doc, i);
  i += p.doc.length;
  out[i++] = 0;
  out.writeUInt32LE(size, at);
  out.writeUInt32LE(crc32(out.subarray(body, i)), at + 4);
  return i;
}

export type DamageReason = 'short frame' | 'bad length' | 'bad checksum' | 'bad BSON';

export interface DecodedFrames {
  records: LogRecord[];
  /** Bytes of intact frames from the start; anything after is torn or corrupt. */
  goodBytes: number;
  /** Why decoding stopped before the end of the buffer (absent when every byte was read). */
  damage?: DamageReason;
  /** Offset of the first intact frame after the damage, if any: then the damage is in the middle, not a torn tail. */
  resumesAt?: number;
}

/** Returns the body of an intact frame at `offset` (checksum and BSON length agree), or a damage reason. */
function frameAt(buf: Buffer, offset: number): Buffer | DamageReason {
  if (offset + FRAME_HEADER_BYTES > buf.length) return 'short frame';
  const length = buf.readUInt32LE(offset);
  if (length < 5) return 'bad length';
  const end = offset + FRAME_HEADER_BYTES + length;
  if (end > buf.length) return 'short frame';
  if (buf.readInt32LE(offset + FRAME_HEADER_BYTES) !== length) return 'bad length';
  const body = buf.subarray(offset + FRAME_HEADER_BYTES, end);
  if (crc32(body) !== buf.readUInt32LE(offset + 4)) return 'bad checksum';
  return body;
}

/** Returns the offset of the next intact frame after `from`, or undefined (scans byte by byte; used only past damage). */
export function findNextFrame(buf: Buffer, from: number): number | undefined {
  for (let offset = from + 1; offset + FRAME_HEADER_BYTES + 5 <= buf.length; offset++) {
    if (typeof frameAt(buf, offset) !== 'string') return offset;
  }
  return undefined;
}

/** Decodes frames from the start of `buf` until its end or the first damaged frame. */
export function decodeFrames(buf: Buffer, options: DeserializeOptions = {}): DecodedFrames {
  const records: LogRecord[] = [];
  // bson's default options: the fast path builds the same values for the engine's common record shapes.
  const fast = Object.keys(options).length === 0;
  let offset = 0;
  let damage: DamageReason | undefined;
  while (offset < buf.length) {
    const body = frameAt(buf, offset);
    if (typeof body === 'string') {
      damage = body;
      break;
    }
    const end = offset + FRAME_HEADER_BYTES + body.length;
    try {
      records.push((fast && decodeFlatEnvelope(body)) || (deserialize(body, options) as LogRecord));
    } catch {
      damage = 'bad BSON';
      break;
    }
    offset = end;
  }
  if (!damage) return { records, goodBytes: offset };
  return {
    records,
    goodBytes: offset,
    damage,
    resumesAt: findNextFrame(buf, offset),
  };
}
