import type { StoreEngine } from '../engine/storeEngine.js';
import type { CursorBatch } from '../wire/cursorReply.js';
import type { CursorRegistry } from '../server/cursorRegistry.js';
import type { Doc } from '../engine/values.js';

/** Everything a command handler sees. */
export interface CommandContext {
  engine: StoreEngine;
  cursors: CursorRegistry;
  connectionId: number;
  db: string;
  /** The command with promoted values. */
  command: Doc;
  /** The same command with exact BSON types. */
  typed: Doc;
  /** Raw bytes of kind-1 document sequences by identifier (e.g. insert's `documents`). */
  rawSequences: Map<string, Buffer[]>;
  remoteAddress: string;
  now(): Date;
}

/** A handler's answer: a plain reply document, or a cursor page built from raw document bytes. */
export type CommandReply = Doc | { cursorBatch: CursorBatch };

export type CommandHandler = (ctx: CommandContext) => CommandReply;

/** The collection name a command targets (its first field's value). */
export function targetCollection(ctx: CommandContext): string {
  // The first field's value (not Object.values: that would decode an insert's lazily decoded documents).
  const name = ctx.command[Object.keys(ctx.command)[0]];
  return typeof name === 'string' ? name : '';
}

/** A numeric option as a JS number (undefined when absent). */
export function numberOption(v: unknown): number | undefined {
  if (v === undefined || v === null) return undefined;
  const n = typeof v === 'object' && v !== null && 'toNumber' in v ? (v as { toNumber(): number }).toNumber() : Number(v);
  return Number.isFinite(n) ? n : undefined;
}
