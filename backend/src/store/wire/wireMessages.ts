import { deserialize, serialize } from 'bson';
import type { Doc } from '../engine/values.js';
import { assertWellFormedBson } from './bsonCheck.js';

/** MongoDB wire protocol opcodes the store speaks. */
export const OP_REPLY = 1;
export const OP_QUERY = 2004;
export const OP_COMPRESSED = 2012;
export const OP_MSG = 2013;

export const MAX_MESSAGE_BYTES = 48_000_000;
const FLAG_CHECKSUM = 1;
const FLAG_MORE_TO_COME = 2;

export interface MessageHeader {
  length: number;
  requestId: number;
  responseTo: number;
  opCode: number;
}

/** A parsed request: the command document (document sequences folded in as arrays) and how to answer it. */
export interface WireRequest {
  header: MessageHeader;
  /** The command with promoted values (for filters and options). */
  command: Doc;
  /** The same command with exact BSON types (for stored documents and update values). */
  typed: Doc;
  /** Raw bytes of documents that came in a kind-1 sequence, by sequence identifier (views into the message: copy what is kept). */
  rawSequences: Map<string, Buffer[]>;
  /** OP_MSG with moreToCome: the client expects no reply. */
  noReply: boolean;
  legacy: boolean;
}

/** Reads the 16-byte header at the start of a message. */
export function readHeader(buf: Buffer): MessageHeader {
  return { length: buf.readInt32LE(0), requestId: buf.readInt32LE(4), responseTo: buf.readInt32LE(8), opCode: buf.readInt32LE(12) };
}

const TYPED = { promoteValues: false, promoteBuffers: false } as const;

/** Parses a whole OP_MSG or OP_QUERY message; throws on anything malformed. */
export function parseRequest(buf: Buffer): WireRequest {
  const header = readHeader(buf);
  if (header.opCode === OP_MSG) return parseOpMsg(buf, header);
  if (header.opCode === OP_QUERY) return parseOpQuery(buf, header);
  if (header.opCode === OP_COMPRESSED) throw new Error('compressed messages are not supported (compression is not advertised)');
  throw new Error(`unsupported opcode ${header.opCode}`);
}

function parseOpMsg(buf: Buffer, header: MessageHeader): WireRequest {
  const flags = buf.readUInt32LE(16);
  const end = flags & FLAG_CHECKSUM ? buf.length - 4 : buf.length;
  let offset = 20;
  let body: Buffer | null = null;
  const rawSequences = new Map<string, Buffer[]>();
  while (offset < end) {
    const kind = buf[offset++];
    if (kind === 0) {
      const size = buf.readInt32LE(offset);
      body = buf.subarray(offset, offset + size);
      offset += size;
    } else if (kind === 1) {
      const size = buf.readInt32LE(offset);
      const sectionEnd = offset + size;
      let p = offset + 4;
      const nul = buf.indexOf(0, p);
      const identifier = buf.toString('utf8', p, nul);
      p = nul + 1;
      const docs: Buffer[] = [];
      while (p < sectionEnd) {
        const docSize = buf.readInt32LE(p);
        if (docSize < 5 || p + docSize > sectionEnd) throw new Error('malformed document sequence');
        // A view into the message: an insert stores a copy (see writeCommands), nothing else keeps it.
        const doc = buf.subarray(p, p + docSize);
        assertWellFormedBson(doc);
        docs.push(doc);
        p += docSize;
      }
      rawSequences.set(identifier, docs);
      offset = sectionEnd;
    } else {
      throw new Error(`unknown OP_MSG section kind ${kind}`);
    }
  }
  if (!body) throw new Error('OP_MSG without a body section');
  const command = deserialize(body) as Doc;
  const typed = deserialize(body, TYPED) as Doc;
  // Sequence documents (an insert's) are decoded only if a command reads them: an insert stores their checked bytes as they are.
  for (const [id, docs] of rawSequences) {
    lazyField(command, id, () => docs.map((d) => deserialize(d)));
    lazyField(typed, id, () => docs.map((d) => deserialize(d, TYPED)));
  }
  return { header, command, typed, rawSequences, noReply: (flags & FLAG_MORE_TO_COME) !== 0, legacy: false };
}

function lazyField(target: Doc, name: string, decode: () => Doc[]): void {
  let value: Doc[] | undefined;
  Object.defineProperty(target, name, {
    enumerable: true,
    configurable: true,
    get: () => (value ??= decode()),
    set: (v: Doc[]) => (value = v),
  });
}

function parseOpQuery(buf: Buffer, header: MessageHeader): WireRequest {
  let offset = 20;
  const nul = buf.indexOf(0, offset);
  const collection = buf.toString('utf8', offset, nul);
  offset = nul + 1 + 8; // numberToSkip, numberToReturn
  const size = buf.readInt32LE(offset);
  const body = buf.subarray(offset, offset + size);
  let command = deserialize(body) as Doc;
  let typed = deserialize(body, TYPED) as Doc;
  // Legacy commands may be wrapped as { $query: {...}, $readPreference: ... }.
  if (command.$query && typeof command.$query === 'object') {
    command = command.$query as Doc;
    typed = typed.$query as Doc;
  }
  const db = collection.split('.')[0];
  command.$db ??= db;
  typed.$db ??= db;
  return { header, command, typed, rawSequences: new Map(), noReply: false, legacy: true };
}

let nextRequestId = 1;

function header(length: number, responseTo: number, opCode: number): Buffer {
  const h = Buffer.alloc(16);
  h.writeInt32LE(length, 0);
  h.writeInt32LE(nextRequestId++ & 0x7fffffff, 4);
  h.writeInt32LE(responseTo, 8);
  h.writeInt32LE(opCode, 12);
  return h;
}

/** An OP_MSG reply whose body is already BSON. */
export function opMsgReply(responseTo: number, body: Buffer): Buffer {
  const flagsAndKind = Buffer.from([0, 0, 0, 0, 0]);
  return Buffer.concat([header(16 + 5 + body.length, responseTo, OP_MSG), flagsAndKind, body]);
}

/** An OP_REPLY (answer to a legacy OP_QUERY) carrying one document. */
export function opReply(responseTo: number, doc: Doc): Buffer {
  const body = Buffer.from(serialize(doc));
  const fields = Buffer.alloc(20);
  fields.writeInt32LE(8, 0); // AwaitCapable
  fields.writeBigInt64LE(0n, 4);
  fields.writeInt32LE(0, 12);
  fields.writeInt32LE(1, 16);
  return Buffer.concat([header(16 + 20 + body.length, responseTo, OP_REPLY), fields, body]);
}
