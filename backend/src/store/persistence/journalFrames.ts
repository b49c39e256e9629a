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

/** The fixed bytes of a document write's body after its size: "o": "put", then the type and name of "ns". */
const PUT_PREFIX = Buffer.from([0x02, 0x6f, 0x00, 0x04, 0, 0, 0, 0x70, 0x75, 0x74, 0x00, 0x02, 0x6e, 0x73, 0x00]);
/** The type and name of the "doc" element. */
const DOC_ELEMENT = Buffer.from([0x05, 0x64, 0x6f, 0x63, 0x00]);

// A document write { o: 'put', ns, doc: Binary } is the journal's commonest
// record: its BSON is written by hand, byte for byte what serialize() writes,
// without first copying the document into a serializer's buffer.
interface PutParts {
  ns: Buffer;
  doc: Uint8Array;
}

/** The last namespace encoded (a batch of writes mostly goes to one collection). */
let lastNs = { name: '', bytes: Buffer.alloc(0) };

function putParts(record: LogRecord): PutParts | null {
  if (record.o !== 'put' || typeof record.ns !== 'string' || !(record.doc instanceof Binary) || record.doc.sub_type !== 0) return null;
  let fields = 0;
  for (const _ in record) fields++;
  if (fields !== 3) return null;
  if (lastNs.name !== record.ns) lastNs = { name: record.ns, bytes: Buffer.from(record.ns, 'utf8') };
  return { ns: lastNs.bytes, doc: record.doc.buffer.subarray(0, record.doc.position) };
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
  out.set(PUT_PREFIX, i);
  i += PUT_PREFIX.length;
  i = out.writeInt32LE(p.ns.length + 1, i);
  out.set(p.ns, i);
  i += p.ns.length;
  out[i++] = 0;
  out.set(DOC_ELEMENT, i);
  i += DOC_ELEMENT.length;
  i = out.writeInt32LE(p.doc.length, i);
  out[i++] = 0;
  out.set(p.doc, i);
  i += p.doc.length;
  out[i++] = 0;
  out.writeUInt32LE(size, at);
  out.writeUInt32LE(crc32(out.subarray(body, i)), at + 4);
  return i;
}

/**
 * Reads a frame body in writePutFrame's layout (a document write) without
 * decoding it: on success `out` holds [nsStart, nsEnd, docStart, docEnd] as
 * offsets into `buf` (nsEnd before the string's terminator) and the answer is
 * true; any other record answers false. The body's size and checksum are the
 * caller's (frameAt) to check.
 */
export function readPutFrame(buf: Buffer, bodyStart: number, bodyEnd: number, out: Float64Array): boolean {
  let i = bodyStart + 4;
  if (bodyEnd - i < PUT_PREFIX.length + 4 + 1 + DOC_ELEMENT.length + 4 + 1 + 5 + 1) return false;
  for (let k = 0; k < PUT_PREFIX.length; k++) if (buf[i + k] !== PUT_PREFIX[k]) return false;
  i += PUT_PREFIX.length;
  const nsBytes = buf.readInt32LE(i);
  i += 4;
  if (nsBytes < 1 || i + nsBytes > bodyEnd || buf[i + nsBytes - 1] !== 0) return false;
  // An ASCII namespace needs no UTF-8 check; any other goes through bson, which checks it.
  for (let k = i; k < i + nsBytes - 1; k++) if (buf[k] > 0x7f) return false;
  const nsStart = i;
  i += nsBytes;
  if (i + DOC_ELEMENT.length + 4 + 1 > bodyEnd) return false;
  for (let k = 0; k < DOC_ELEMENT.length; k++) if (buf[i + k] !== DOC_ELEMENT[k]) return false;
  i += DOC_ELEMENT.length;
  const docBytes = buf.readInt32LE(i);
  i += 4;
  if (buf[i++] !== 0) return false; // binary subtype 0
  if (docBytes < 5 || i + docBytes + 1 !== bodyEnd || buf[bodyEnd - 1] !== 0) return false;
  out[0] = nsStart;
  out[1] = nsStart + nsBytes - 1;
  out[2] = i;
  out[3] = i + docBytes;
  return true;
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

export interface ScannedFrames {
  /** Bytes of intact frames from the start; anything after is torn or corrupt. */
  goodBytes: number;
  /** Why the scan stopped before the end of the buffer (absent when every byte was read). */
  damage?: DamageReason;
  /** Offset of the first intact frame after the damage, if any: then the damage is in the middle, not a torn tail. */
  resumesAt?: number;
  /** Intact frames. */
  count: number;
  /** Where the first intact frame ends and the last begins (0 when there is none). */
  firstEnd: number;
  lastStart: number;
}

/**
 * Walks the frames from the start of `buf` until its end or the first damaged
 * frame, calling `visit` with each intact frame's body; a visit answering
 * false marks the frame as bad BSON.
 */
function walkFrames(buf: Buffer, visit: (body: Buffer, bodyStart: number) => boolean): ScannedFrames {
  let offset = 0;
  let count = 0;
  let firstEnd = 0;
  let lastStart = 0;
  let damage: DamageReason | undefined;
  while (offset < buf.length) {
    const body = frameAt(buf, offset);
    if (typeof body === 'string') {
      damage = body;
      break;
    }
    if (!visit(body, offset + FRAME_HEADER_BYTES)) {
      damage = 'bad BSON';
      break;
    }
    lastStart = offset;
    offset += FRAME_HEADER_BYTES + body.length;
    if (count++ === 0) firstEnd = offset;
  }
  const scanned: ScannedFrames = { goodBytes: offset, count, firstEnd, lastStart };
  if (damage) {
    scanned.damage = damage;
    scanned.resumesAt = findNextFrame(buf, offset);
  }
  return scanned;
}

/** Decodes frames from the start of `buf` until its end or the first damaged frame. */
export function decodeFrames(buf: Buffer, options: DeserializeOptions = {}): DecodedFrames {
  const records: LogRecord[] = [];
  // bson's default options: the fast path builds the same values for the engine's common record shapes.
  const fast = Object.keys(options).length === 0;
  const { goodBytes, damage, resumesAt } = walkFrames(buf, (body) => {
    try {
      records.push((fast && decodeFlatEnvelope(body)) || (deserialize(body, options) as LogRecord));
      return true;
    } catch {
      return false;
    }
  });
  return damage ? { records, goodBytes, damage, resumesAt } : { records, goodBytes };
}

/**
 * Checks the frames of `buf` as decodeFrames would, without keeping what they
 * decode to: a document write in the standard layout is only checked for that
 * layout (its record is read later, straight from the bytes), any other
 * record is decoded once and dropped.
 */
export function scanFrames(buf: Buffer, options: DeserializeOptions = {}): ScannedFrames {
  const parts = new Float64Array(4); // byte offsets: a file may exceed 2 GiB
  // Custom decode options: every record will be decoded with them (ReplayFrames), so each is checked that way.
  const fast = Object.keys(options).length === 0;
  return walkFrames(buf, (body, bodyStart) => {
    if (fast && readPutFrame(buf, bodyStart, bodyStart + body.length, parts)) return true;
    try {
      deserialize(body, options);
      return true;
    } catch {
      return false;
    }
  });
}
