import type { CommandContext, CommandHandler } from './commandContext.js';
import { MAX_DOCUMENT_BYTES } from '../engine/storeEngine.js';
import { MAX_MESSAGE_BYTES } from '../wire/wireMessages.js';

export const STORE_VERSION = '7.0.0';

/** The hello reply: a standalone, writable primary with sessions and large write batches; no compression advertised. */
function hello(ctx: CommandContext) {
  return {
    helloOk: true,
    ismaster: true,
    isWritablePrimary: true,
    maxBsonObjectSize: MAX_DOCUMENT_BYTES,
    maxMessageSizeBytes: MAX_MESSAGE_BYTES,
    maxWriteBatchSize: 100_000,
    localTime: ctx.now(),
    logicalSessionTimeoutMinutes: 30,
    connectionId: ctx.connectionId,
    minWireVersion: 0,
    maxWireVersion: 21,
    readOnly: false,
    ok: 1,
  };
}


export const handshakeCommands: Record<string, CommandHandler> = {
  hello,
  ismaster: hello,
  isMaster: hello,
  ping: () => ({ ok: 1 }),
  buildInfo: () => ({ version: STORE_VERSION, versionArray: [7, 0, 0, 0], gitVersion: 'onegrid-embedded', bits: 64, maxBsonObjectSize: MAX_DOCUMENT_BYTES, storageEngines: ['onegrid-journal'], modules: [], javascriptEngine: 'none', ok: 1 }),
  getParameter: (ctx) => {
    const out: Record<string, unknown> = { ok: 1 };
    if (ctx.command.featureCompatibilityVersion !== undefined || ctx.command.getParameter === '*') out.featureCompatibilityVersion = { version: '7.0' };
    return out;
  },
  whatsmyuri: (ctx) => ({ you: ctx.remoteAddress, ok: 1 }),
  connectionStatus: () => ({ authInfo: { authenticatedUsers: [], authenticatedUserRoles: [] }, ok: 1 }),
  endSessions: () => ({ ok: 1 }),
  killSessions: () => ({ ok: 1 }),
  killAllSessions: () => ({ ok: 1 }),
  startSession: (ctx) => ({ id: { id: ctx.command.lsid ?? null }, timeoutMinutes: 30, ok: 1 }),
  getLog: () => ({ totalLinesWritten: 0, log: [], ok: 1 }),
  getCmdLineOpts: () => ({ argv: ['onegrid-store'], parsed: {}, ok: 1 }),
  hostInfo: () => ({ system: { hostname: 'localhost' }, os: { type: process.platform }, extra: {}, ok: 1 }),
  serverStatus: (ctx) => ({ host: 'localhost', version: STORE_VERSION, process: 'onegrid-store', uptime: process.uptime(), localTime: ctx.now(), ok: 1 }),
  atlasVersion: () => ({ ok: 0, errmsg: 'not Atlas', code: 59, codeName: 'CommandNotFound' }),
  saslStart: () => ({ ok: 0, errmsg: 'Authentication is not enabled on the embedded store', code: 18, codeName: 'AuthenticationFailed' }),
  logout: () => ({ ok: 1 }),
  lockInfo: () => ({ lockInfo: [], ok: 1 }),
};
