import { execFile } from 'node:child_process';
import net from 'node:net';
import { promisify } from 'node:util';
import { deserialize, serialize } from 'bson';
import { describe, expect, it } from 'vitest';
import { storeUri } from '../support/db.js';
import { openStoreDb, realMongo } from './support.js';

/** Sends one legacy OP_QUERY `isMaster` and returns the OP_REPLY document. */
async function legacyIsMaster(host: string, port: number): Promise<Record<string, unknown>> {
  const body = Buffer.from(serialize({ isMaster: 1, helloOk: true }));
  const ns = Buffer.from('admin.$cmd\0');
  const msg = Buffer.alloc(16 + 4 + ns.length + 8 + body.length);
  msg.writeInt32LE(msg.length, 0);
  msg.writeInt32LE(7, 4); // requestID
  msg.writeInt32LE(0, 8); // responseTo
  msg.writeInt32LE(2004, 12); // OP_QUERY
  msg.writeInt32LE(0, 16); // flags
  ns.copy(msg, 20);
  msg.writeInt32LE(0, 20 + ns.length); // numberToSkip
  msg.writeInt32LE(-1, 24 + ns.length); // numberToReturn
  body.copy(msg, 28 + ns.length);
  const socket = net.connect(port, host);
  const reply = await new Promise<Buffer>((resolve, reject) => {
    let buf = Buffer.alloc(0);
    socket.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      if (buf.length >= 4 && buf.length >= buf.readInt32LE(0)) resolve(buf);
    });
    socket.on('error', reject);
    socket.write(msg);
  });
  socket.destroy();
  expect(reply.readInt32LE(12)).toBe(1); // OP_REPLY
  expect(reply.readInt32LE(8)).toBe(7); // responseTo
  return deserialize(reply.subarray(36)) as Record<string, unknown>;
}

describe('store: handshake and session commands', () => {
  it('answers a legacy OP_QUERY isMaster with OP_REPLY', async () => {
    const url = new URL(storeUri());
    const hello = await legacyIsMaster(url.hostname, Number(url.port || 27017));
    expect(hello).toMatchObject({ ok: 1, ismaster: true, maxWriteBatchSize: 100_000 });
    expect(hello.compression).toBeUndefined();
  });

  it('answers hello, getParameter, whatsmyuri, connectionStatus and the session commands', async () => {
    const h = await openStoreDb('hs');
    const admin = h.client.db('admin');
    const hello = await admin.command({ hello: 1 });
    expect(hello).toMatchObject({ isWritablePrimary: true, maxBsonObjectSize: 16 * 1024 * 1024, logicalSessionTimeoutMinutes: 30 });
    expect((await admin.command({ getParameter: 1, featureCompatibilityVersion: 1 })).ok).toBe(1);
    expect((await admin.command({ whatsmyuri: 1 })).you).toMatch(/:\d+$/);
    expect((await admin.command({ connectionStatus: 1 })).ok).toBe(1);
    const session = h.client.startSession();
    await h.db.collection('s').insertOne({ a: 1 }, { session });
    await session.endSession();
    expect((await admin.command({ endSessions: [] })).ok).toBe(1);
    expect((await admin.command({ killSessions: [] })).ok).toBe(1);
    await h.close();
  });

  it.skipIf(realMongo)('serves mongosh', async () => {
    const { stdout } = await promisify(execFile)('node_modules/.bin/mongosh', [storeUri(), '--quiet', '--norc', '--eval', 'db.getSiblingDB("sh").c.insertOne({x: 41}); print(db.getSiblingDB("sh").c.findOne().x + 1)'], { timeout: 60_000 });
    expect(stdout.trim().split('\n').pop()).toBe('42');
  }, 90_000);
});
