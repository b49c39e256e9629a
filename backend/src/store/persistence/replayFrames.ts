import { deserialize, type DeserializeOptions } from 'bson';
import { decodeFrames, FRAME_HEADER_BYTES, readPutFrame, type LogRecord } from './journalFrames.js';

/** A stretch of intact frames, [start, end) of a snapshot or journal file read at open. */
export interface FrameRun {
  buf: Buffer;
  start: number;
  end: number;
}

/** What a replay is told: each document write as its namespace and bytes, any other record decoded. */
export interface ReplayVisitor {
  /** A document write; `buf[start, end)` is the document's BSON, valid only during the call (copy what is kept). */
  put(ns: string, buf: Buffer, start: number, end: number): void;
  record(record: LogRecord): void;
}

/**
 * The records found at open (the snapshot's, then the journals'), kept as the
 * checked file bytes they were read from rather than as decoded records: a
 * restart visits a million document writes one at a time, reading each one's
 * namespace and bytes in place, so no record object outlives its visit.
 */
export class ReplayFrames {
  constructor(
    private readonly runs: readonly FrameRun[],
    private readonly options: DeserializeOptions = {},
  ) {}

  /** Visits every record in order. */
  forEach(visitor: ReplayVisitor): void {
    // Custom decode options change how records decode: every record then goes through bson.
    const fast = Object.keys(this.options).length === 0;
    const parts = new Float64Array(4); // byte offsets: a file may exceed 2 GiB
    let lastNs = Buffer.alloc(0);
    let lastNsString = '';
    for (const { buf, start, end } of this.runs) {
      let at = start;
      while (at < end) {
        const bodyStart = at + FRAME_HEADER_BYTES;
        const bodyEnd = bodyStart + buf.readUInt32LE(at);
        if (fast && readPutFrame(buf, bodyStart, bodyEnd, parts)) {
          // Consecutive writes mostly share a namespace: its string is made once per run of them.
          if (!sameBytes(buf, parts[0], parts[1], lastNs)) {
            lastNs = Buffer.from(buf.subarray(parts[0], parts[1]));
            lastNsString = lastNs.toString('utf8');
          }
          visitor.put(lastNsString, buf, parts[2], parts[3]);
        } else {
          visitor.record(deserialize(buf.subarray(bodyStart, bodyEnd), this.options) as LogRecord);
        }
        at = bodyEnd;
      }
    }
  }

  /** Every record decoded, in order (what forEach visits, as decodeFrames gives them: for tests and tools). */
  records(): LogRecord[] {
    return this.runs.flatMap(({ buf, start, end }) => decodeFrames(buf.subarray(start, end), this.options).records);
  }
}

function sameBytes(buf: Buffer, start: number, end: number, other: Buffer): boolean {
  if (end - start !== other.length) return false;
  for (let i = 0; i < other.length; i++) if (buf[start + i] !== other[i]) return false;
  return true;
}
