import { crc32 } from 'node:zlib';
import { deserialize, serialize } from 'bson';

/**
 * The on-disk framing of journal and snapshot records:
 * [u32 length of the BSON][u32 CRC-32 of the BSON][BSON]. A frame that is cut
 * short, fails its checksum or does not parse marks the end of the usable data.
 */
export type LogRecord = Record<string, unknown>;

const HEADER = 8;

/** Frames one record. */
export function encodeFrame(record: LogRecord): Buffer {
  const body = serialize(record);
  const frame = Buffer.allocUnsafe(HEADER + body.length);
  frame.writeUInt32LE(body.length, 0);
  frame.writeUInt32LE(crc32(body), 4);
  frame.set(body, HEADER);
  return frame;
}

export interface DecodedFrames {
  records: LogRecord[];
  /** Bytes of intact frames from the start; anything after is torn or corrupt. */
  goodBytes: number;
}

/** Reads frames until the end or the first damaged one. */
export function decodeFrames(buf: Buffer): DecodedFrames {
  const records: LogRecord[] = [];
  let offset = 0;
  while (offset + HEADER <= buf.length) {
    const length = buf.readUInt32LE(offset);
    const checksum = buf.readUInt32LE(offset + 4);
    const end = offset + HEADER + length;
    if (length < 5 || end > buf.length) break;
    const body = buf.subarray(offset + HEADER, end);
    if (crc32(body) !== checksum) break;
    try {
      records.push(deserialize(body) as LogRecord);
    } catch {
      break;
    }
    offset = end;
  }
  return { records, goodBytes: offset };
}
