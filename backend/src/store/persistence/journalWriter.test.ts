import { readFileSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeFrames } from './journalFrames.js';
import { JournalWriter } from './journalWriter.js';
import { cleanTestDirs, memoryLogger, testDir } from './testDirs.js';

afterAll(cleanTestDirs);

describe('journal writer', () => {
  it('refuses every append after a failed write, naming the cause and logging it once', async () => {
    const logger = memoryLogger();
    const writer = await JournalWriter.open(testDir(), 0, 0, 0, logger);
    await writer.append([{ o: 'ok' }], true);
    // Pull the file out from under the writer: the next write fails (EBADF) like a dying disk would.
    await (writer as unknown as { journal: { fh: FileHandle } }).journal.fh.close();
    const racing = [writer.append([{ o: 'a' }], true), writer.append([{ o: 'b' }], true)];
    for (const r of racing) await expect(r).rejects.toThrow(/store journal failed .*writes are refused until the store restarts/);
    await expect(writer.append([{ o: 'later' }], true)).rejects.toThrow(/refused until the store restarts/);
    expect(writer.failed()).toBeInstanceOf(Error);
    expect(logger.lines.filter((l) => l.level === 'error')).toHaveLength(1);
    await writer.close();
  });

  it('writes generations in order: frames queued before a switch land in the old journal', async () => {
    const dir = testDir();
    const writer = await JournalWriter.open(dir, 0, 0, 2);
    const before = writer.append([{ o: 'old' }], true);
    const { gen, switched } = writer.startGeneration();
    const after = writer.append([{ o: 'new' }], true);
    await Promise.all([before, switched, after]);
    expect(gen).toBe(1);
    expect(writer.bytesSinceSnapshot()).toBeGreaterThan(0);
    await writer.close();
    expect(decodeFrames(readFileSync(join(dir, 'journal-0.log'))).records).toEqual([{ o: 'old' }]);
    expect(decodeFrames(readFileSync(join(dir, 'journal-1.log'))).records).toEqual([{ o: 'new' }]);
  });
});
