import { errorReply, storeErrors } from '../engine/storeError.js';
import type { Doc } from '../engine/values.js';
import { adminCommands } from './adminCommands.js';
import { aggregateCommands } from './aggregateCommand.js';
import type { CommandContext, CommandHandler, CommandReply } from './commandContext.js';
import { findAndModifyCommands } from './findAndModifyCommand.js';
import { handshakeCommands } from './handshakeCommands.js';
import { readCommands } from './readCommands.js';
import { rejectTransactions } from './unsupportedFeatures.js';
import { writeCommands } from './writeCommands.js';

const HANDLERS: Record<string, CommandHandler> = {
  ...handshakeCommands,
  ...adminCommands,
  ...readCommands,
  ...writeCommands,
  ...findAndModifyCommands,
  ...aggregateCommands,
};

const BY_LOWER = new Map(Object.entries(HANDLERS).map(([k, v]) => [k.toLowerCase(), v]));

/** Commands that change data, whose records must be durable before the reply. */
export const WRITE_COMMANDS = new Set(['insert', 'update', 'delete', 'findandmodify', 'create', 'drop', 'dropdatabase', 'createindexes', 'dropindexes', 'deleteindexes', 'aggregate']);

/** The command's name (its first field). */
export function commandName(command: Doc): string {
  return Object.keys(command)[0] ?? '';
}

/** Runs one command against the engine; every failure becomes a MongoDB error reply, never an exception. */
export function dispatchCommand(ctx: CommandContext): CommandReply {
  const name = commandName(ctx.command);
  try {
    const handler = HANDLERS[name] ?? BY_LOWER.get(name.toLowerCase());
    if (!handler) throw storeErrors.commandNotFound(name);
    rejectTransactions(ctx.command);
    return handler(ctx);
  } catch (err) {
    return errorReply(err);
  }
}
