import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose, { Schema } from 'mongoose';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedStore } from '@onegrid/backend/store';

// Like mongod's /tmp/mongodb-PORT.sock, the store also listens on a Unix
// domain socket (store.sock in its data directory) for local clients.
describe.skipIf(process.platform === 'win32')('the store over its Unix domain socket', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'onegrid-sock-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves mongoose through socketUri, removes the socket at stop and replaces one left by a killed store', async () => {
    let store = await startEmbeddedStore({ dataDir });
    expect(store.socketUri).toBe(`mongodb://${encodeURIComponent(join(dataDir, 'store.sock'))}/?directConnection=true`);
    const url = new URL(store.socketUri!);
    url.pathname = '/sock';
    const conn = await mongoose.createConnection(url.toString()).asPromise();
    const Note = conn.model('Note', new Schema({ text: { type: String, unique: true } }));
    await Note.init();
    await Note.create({ text: '井盖' });
    await expect(Note.create({ text: '井盖' })).rejects.toMatchObject({ code: 11000 });
    expect((await Note.findOne({ text: '井盖' }).lean())?.text).toBe('井盖');
    await conn.close();
    await store.stop();
    expect(existsSync(join(dataDir, 'store.sock'))).toBe(false);

    // A socket file left behind (as by SIGKILL) is replaced at the next start.
    const holder = spawn(process.execPath, ['-e', "require('net').createServer().listen(process.argv[1], () => console.log('up'))", join(dataDir, 'store.sock')]);
    await new Promise((resolve) => holder.stdout.once('data', resolve));
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
    expect(existsSync(join(dataDir, 'store.sock'))).toBe(true);
    store = await startEmbeddedStore({ dataDir });
    const again = await mongoose.createConnection(store.socketUri!).asPromise();
    expect(await again.db!.collection('notes').countDocuments()).toBe(0); // default database: empty
    expect(await again.useDb('sock').collection('notes').countDocuments()).toBe(1);
    await again.close();
    await store.stop();
  });
});
