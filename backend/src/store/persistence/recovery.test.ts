import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDurableLog, type LogRecord } from './durableLog.js';
import { encodeFrame } from './journalFrames.js';
import { cleanTestDirs, memoryLogger, testDir } from './testDirs.js';

afterAll(cleanTestDirs);

const rec = (i: number): LogRecord => ({
  o: 'put',
  ns: 'db.c',
  i,
  pad: 'p'.repeat(i % 7),
});

async function dirWith(records: LogRecord[]): Promise<string> {
  const dir = testDir();
  const { log } = await openDurableLog(dir);
  for (const r of records) await log.append([r], { durable: true });
  await log.close();
  return dir;
}

describe('recovery at open', () => {
  it('truncates a torn last frame cut at every offset, warns with byte counts, and appends after it', async () => {
    const records = Array.from({ length: 6 }, (_, i) => rec(i));
    const source = await dirWith(records);
    const journal = readFileSync(join(source, 'journal-0.log'));
    const lastLength = encodeFrame(records[5]).length;
    const lastStart = journal.length - lastLength;
    for (let cut = lastStart; cut < journal.length; cut++) {
      const dir = testDir();
      writeFileSync(join(dir, 'journal-0.log'), journal.subarray(0, cut));
      const logger = memoryLogger();
      const opened = await openDurableLog(dir, { logger });
      expect(opened.frames.records()).toEqual(records.slice(0, 5));
      expect(opened.stats.truncatedBytes).toBe(cut - lastStart);
      if (cut > lastStart) {
        const warn = logger.lines.find((l) => l.level === 'warn');
        expect(warn?.obj).toMatchObject({
          keptBytes: lastStart,
          droppedBytes: cut - lastStart,
        });
      }
      expect(statSync(join(dir, 'journal-0.log')).size).toBe(lastStart);
      await opened.log.append([rec(99)], { durable: true });
      await opened.log.close();
      expect((await openDurableLog(dir)).frames.records()).toEqual([...records.slice(0, 5), rec(99)]);
    }
  });

  it('truncates a tail whose last record has a flipped byte (checksum) or a flipped length', async () => {
    const records = Array.from({ length: 4 }, (_, i) => rec(i));
    const source = await dirWith(records);
    const journal = readFileSync(join(source, 'journal-0.log'));
    const lastStart = journal.length - encodeFrame(records[3]).length;
    for (const at of [lastStart, lastStart + 4, lastStart + 8, lastStart + 20, journal.length - 1]) {
      const dir = testDir();
      const bad = Buffer.from(journal);
      bad[at] ^= 0x5a;
      writeFileSync(join(dir, 'journal-0.log'), bad);
      const logger = memoryLogger();
      const opened = await openDurableLog(dir, { logger });
      expect(opened.frames.records()).toEqual(records.slice(0, 3));
      expect(logger.lines.some((l) => l.level === 'error')).toBe(false);
      await opened.log.close();
    }
  });

  it('stops at damage in the middle, logs an error and keeps the rest as a .corrupt file', async () => {
    const records = Array.from({ length: 10 }, (_, i) => rec(i));
    const dir = await dirWith(records);
    const path = join(dir, 'journal-0.log');
    const journal = readFileSync(path);
    const thirdStart = encodeFrame(records[0]).length + encodeFrame(records[1]).length;
    journal[thirdStart + 10] ^= 0xff;
    writeFileSync(path, journal);
    const logger = memoryLogger();
    const opened = await openDurableLog(dir, { logger });
    expect(opened.frames.records()).toEqual(records.slice(0, 2));
    expect(logger.lines.find((l) => l.level === 'error')?.msg).toMatch(/CORRUPTED IN THE MIDDLE/);
    const backups = readdirSync(dir).filter((f) => f.endsWith('.corrupt'));
    expect(backups).toHaveLength(1);
    expect(readFileSync(join(dir, backups[0])).equals(journal.subarray(thirdStart))).toBe(true);
    expect(opened.stats.setAside).toEqual([join(dir, backups[0])]);
    await opened.log.append([rec(42)], { durable: true });
    await opened.log.close();
    expect((await openDurableLog(dir)).frames.records()).toEqual([...records.slice(0, 2), rec(42)]);
  });

  it('recovers from a crash mid-compaction: leftover temporary snapshot', async () => {
    const dir = await dirWith([rec(1), rec(2)]);
    writeFileSync(join(dir, 'snapshot-1.bson.tmp'), encodeFrame(rec(1)).subarray(0, 9));
    writeFileSync(join(dir, 'journal-1.log'), encodeFrame(rec(3))); // appends already in the next generation
    const opened = await openDurableLog(dir);
    expect(opened.frames.records()).toEqual([rec(1), rec(2), rec(3)]);
    expect(readdirSync(dir).sort()).toEqual(['journal-0.log', 'journal-1.log', 'store.lock']);
    await opened.log.compact(opened.frames.records());
    await opened.log.close();
    expect(readdirSync(dir).sort()).toEqual(['journal-2.log', 'snapshot-2.bson']);
    expect((await openDurableLog(dir)).frames.records()).toEqual([rec(1), rec(2), rec(3)]);
  });

  it('recovers from a crash mid-compaction: new snapshot renamed, old generation not yet deleted', async () => {
    const dir = testDir();
    const a = await openDurableLog(dir);
    await a.log.append([rec(1), rec(2)], { durable: true });
    await a.log.compact([rec(1), rec(2)]);
    await a.log.append([rec(3)], { durable: true });
    const snapshot1 = readFileSync(join(dir, 'snapshot-1.bson'));
    await a.log.compact([rec(1), rec(2), rec(3)]);
    await a.log.append([rec(4)], { durable: true });
    await a.log.close();
    // Put generation 1 back as if the crash came between the rename and the deletions.
    writeFileSync(join(dir, 'snapshot-1.bson'), snapshot1);
    writeFileSync(join(dir, 'journal-1.log'), encodeFrame(rec(3)));
    const b = await openDurableLog(dir);
    expect(b.frames.records()).toEqual([rec(1), rec(2), rec(3), rec(4)]);
    expect(b.stats).toMatchObject({
      snapshotRecords: 3,
      journalRecords: 1,
      generation: 2,
    });
    await b.log.close();
    expect(readdirSync(dir).sort()).toEqual(['journal-2.log', 'snapshot-2.bson']);
  });

  it('falls back to the older generation when the newest snapshot is damaged and the chain allows it', async () => {
    const dir = testDir();
    const a = await openDurableLog(dir);
    await a.log.append([rec(1)], { durable: true });
    await a.log.compact([rec(1)]);
    await a.log.append([rec(2)], { durable: true });
    const snapshot1 = readFileSync(join(dir, 'snapshot-1.bson'));
    const journal1 = readFileSync(join(dir, 'journal-1.log'));
    await a.log.compact([rec(1), rec(2)]);
    await a.log.append([rec(3)], { durable: true });
    await a.log.close();
    writeFileSync(join(dir, 'snapshot-1.bson'), snapshot1);
    writeFileSync(join(dir, 'journal-1.log'), journal1);
    const bad = readFileSync(join(dir, 'snapshot-2.bson'));
    writeFileSync(join(dir, 'snapshot-2.bson'), bad.subarray(0, bad.length - 3)); // trailer cut: incomplete
    const logger = memoryLogger();
    const b = await openDurableLog(dir, { logger });
    expect(b.frames.records()).toEqual([rec(1), rec(2), rec(3)]);
    expect(logger.lines.filter((l) => l.level === 'error').length).toBeGreaterThan(0);
    expect(readdirSync(dir).some((f) => f.startsWith('snapshot-2.bson.') && f.endsWith('.corrupt'))).toBe(true);
    await b.log.close();
  });

  it('refuses to open, clearly, when the only snapshot is damaged (never silently empty)', async () => {
    const dir = testDir();
    const a = await openDurableLog(dir);
    await a.log.append([rec(1)], { durable: true });
    await a.log.compact([rec(1)]);
    await a.log.close();
    const snap = join(dir, 'snapshot-1.bson');
    const bytes = readFileSync(snap);
    bytes[bytes.length - 10] ^= 0xff;
    writeFileSync(snap, bytes);
    await expect(openDurableLog(dir)).rejects.toThrow(/snapshot damaged and no older generation can replace it/);
    expect(existsSync(join(dir, 'store.lock'))).toBe(false); // the failed open released the lock
  });

  it('reads a snapshot written before headers existed (plain frames)', async () => {
    const dir = testDir();
    writeFileSync(join(dir, 'snapshot-3.bson'), Buffer.concat([encodeFrame(rec(1)), encodeFrame(rec(2))]));
    writeFileSync(join(dir, 'journal-3.log'), encodeFrame(rec(3)));
    copyFileSync(join(dir, 'journal-3.log'), join(dir, 'journal-2.log')); // superseded generation: dropped
    const opened = await openDurableLog(dir);
    expect(opened.frames.records()).toEqual([rec(1), rec(2), rec(3)]);
    await opened.log.close();
    expect(readdirSync(dir).sort()).toEqual(['journal-3.log', 'snapshot-3.bson']);
  });
});
