import { lstatSync, unlinkSync } from 'node:fs';
import net from 'node:net';
import { serialize } from 'bson';
import type { Logger } from 'pino';
import { commandName, dispatchCommand, WRITE_COMMANDS } from '../commands/dispatchCommand.js';
import type { CommandReply } from '../commands/commandContext.js';
import type { ChangeRecord, StoreEngine } from '../engine/storeEngine.js';
import { errorReply } from '../engine/storeError.js';
import type { Doc } from '../engine/values.js';
import { cursorReplyBson } from '../wire/cursorReply.js';
import { messageFramer } from '../wire/messageFramer.js';
import { opMsgReply, opReply, parseRequest, readHeader } from '../wire/wireMessages.js';
import { CursorRegistry } from './cursorRegistry.js';

/** Makes a command's change records durable; resolves when they are on disk (or queued, for w:0). */
export type Commit = (records: ChangeRecord[], durable: boolean) => Promise<void>;

export interface StoreServerOptions {
  engine: StoreEngine;
  commit: Commit;
  logger: Logger;
  host: string;
  port: number;
  /** Also listen on this Unix domain socket (as mongod does on /tmp/mongodb-PORT.sock): local clients skip the TCP stack. */
  socketPath?: string;
}

export interface StoreServer {
  port: number;
  /** The Unix socket it listens on, if any. */
  socketPath?: string;
  cursors: CursorRegistry;
  close(): Promise<void>;
}

/**
 * The TCP side: frames MongoDB messages, runs each connection's commands in
 * order against the engine, waits for durability before acknowledging writes,
 * and answers malformed input with an error (or closes that one connection)
 * without disturbing any other.
 */
export async function startStoreServer(opts: StoreServerOptions): Promise<StoreServer> {
  const cursors = new CursorRegistry();
  const sockets = new Set<net.Socket>();
  let nextConnectionId = 1;
  const onConnection = (socket: net.Socket) => {
    const connectionId = nextConnectionId++;
    sockets.add(socket);
    socket.setNoDelay(true);
    let chain = Promise.resolve();
    socket.on(
      'data',
      messageFramer(
        (message) => (chain = chain.then(() => handleMessage(message, connectionId, socket))),
        (length) => {
          opts.logger.warn({ connectionId, length }, 'store: message size out of range; closing the connection');
          socket.destroy();
        },
      ),
    );
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      sockets.delete(socket);
      cursors.releaseConnection(connectionId);
    });
  };
  const server = net.createServer(onConnection);

  async function handleMessage(message: Buffer, connectionId: number, socket: net.Socket): Promise<void> {
    let reply: Buffer | null;
    try {
      reply = await execute(message, connectionId, socket.remoteAddress ?? '127.0.0.1', socket.remotePort ?? 0);
    } catch (err) {
      opts.logger.warn({ err, connectionId }, 'store: malformed message');
      const header = readHeader(message);
      reply = opMsgReply(header.requestId, Buffer.from(serialize(errorReply(err))));
    }
    if (reply && !socket.destroyed) socket.write(reply);
  }

  async function execute(message: Buffer, connectionId: number, address: string, remotePort: number): Promise<Buffer | null> {
    const request = parseRequest(message);
    const db = String(request.command.$db ?? 'admin');
    const result = dispatchCommand({
      engine: opts.engine,
      cursors,
      connectionId,
      db,
      command: request.command,
      typed: request.typed,
      rawSequences: request.rawSequences,
      remoteAddress: `${address}:${remotePort}`,
      now: () => new Date(),
    });
    const records = opts.engine.drainPending();
    if (records.length || WRITE_COMMANDS.has(commandName(request.command).toLowerCase())) {
      const writeConcern = request.command.writeConcern as Doc | undefined;
      const durable = !(writeConcern && Number(writeConcern.w) === 0) && !request.noReply;
      try {
        if (records.length) await opts.commit(records, durable);
      } catch (err) {
        opts.logger.error({ err }, 'store: journal write failed');
        return encode(request.header.requestId, request.legacy, { ok: 0, errmsg: `journal write failed: ${(err as Error).message}`, code: 1, codeName: 'InternalError' });
      }
    }
    if (request.noReply) return null;
    return encode(request.header.requestId, request.legacy, result);
  }

  function encode(responseTo: number, legacy: boolean, result: CommandReply): Buffer {
    if ('cursorBatch' in result) return opMsgReply(responseTo, cursorReplyBson(result.cursorBatch as never));
    if (legacy) return opReply(responseTo, result);
    return opMsgReply(responseTo, Buffer.from(serialize(result)));
  }

  await listen(server, (done) => server.listen(opts.port, opts.host, done));
  let local: net.Server | null = opts.socketPath ? net.createServer(onConnection) : null;
  if (local && opts.socketPath) {
    removeStaleSocket(opts.socketPath);
    const unix = local;
    try {
      await listen(unix, (done) => unix.listen(opts.socketPath, done));
    } catch (err) {
      // Some file systems (shared folders of a VM or container) take no sockets: TCP alone serves then.
      opts.logger.warn({ err, socketPath: opts.socketPath }, 'store: cannot listen on the Unix socket; serving TCP only');
      local = null;
    }
  }
  const reaper = setInterval(() => cursors.reap(), 60_000);
  reaper.unref();
  const address = server.address() as net.AddressInfo;
  return {
    port: address.port,
    socketPath: local ? opts.socketPath : undefined,
    cursors,
    close: async () => {
      clearInterval(reaper);
      const closed = [server, local].map((srv) => srv && new Promise<void>((resolve) => srv.close(() => resolve())));
      for (const s of sockets) s.destroy();
      await Promise.all(closed);
    },
  };
}

function listen(server: net.Server, start: (done: () => void) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    start(() => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Removes a socket file left by a store that was killed (the data directory's lock proves no live store uses it). */
function removeStaleSocket(path: string): void {
  try {
    if (lstatSync(path).isSocket()) unlinkSync(path);
  } catch {
    // absent: nothing to remove
  }
}
