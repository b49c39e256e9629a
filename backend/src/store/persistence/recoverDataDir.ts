import { existsSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DeserializeOptions } from 'bson';
import { scanFrames } from './journalFrames.js';
import { ReplayFrames, type FrameRun } from './replayFrames.js';
import { corruptPath, fsyncDir, journalGenerations, journalPath, snapshotGenerations, snapshotPath, temporaryFiles } from './generationFiles.js';
import { readSnapshot } from './snapshotFile.js';
import { readWholeFile } from './readWholeFile.js';

/** Log lines go here (pino-compatible). */
export interface RecoveryLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface Recovered {
  /** Snapshot records, then journal records, in order. */
  frames: ReplayFrames;
  snapshotRecords: number;
  journalRecords: number;
  /** Bytes cut off journal tails (torn writes and damage). */
  truncatedBytes: number;
  /** Files written or renamed to *.corrupt. */
  setAside: string[];
  /** The generation of the snapshot replayed (0 when none). */
  base: number;
  /** The generation whose journal new appends go to. */
  generation: number;
  /** Bytes in the journals replayed after the snapshot. */
  journalBytes: number;
}

/** Picks the newest intact snapshot; past a damaged one, only an older snapshot whose journal chain is complete (or generation 0's journals alone). */
function chooseBase(dir: string, options: DeserializeOptions, logger?: RecoveryLogger): { base: number; snapshot: FrameRun | null; snapshotRecords: number; damaged: number[] } {
  const journals = new Set(journalGenerations(dir));
  const newestJournal = Math.max(-1, ...journals);
  const chainComplete = (b: number) => {
    for (let g = b; g <= newestJournal; g++) if (!journals.has(g)) return false;
    return true;
  };
  const damaged: number[] = [];
  const problems: string[] = [];
  for (const g of snapshotGenerations(dir).reverse()) {
    const read = readSnapshot(dir, g, options);
    if (read.ok && (damaged.length === 0 || chainComplete(g))) {
      if (damaged.length) logger?.error({ damaged, using: g }, 'store: newest snapshot damaged; recovering from an older generation');
      return { base: g, snapshot: read.run, snapshotRecords: read.count, damaged };
    }
    if (!read.ok) {
      logger?.error({ file: snapshotPath(dir, g), problem: read.problem }, 'store: snapshot damaged');
      damaged.push(g);
      problems.push(`${snapshotPath(dir, g)}: ${read.problem}`);
    }
  }
  if (damaged.length && !(journals.has(0) && chainComplete(0))) {
    throw new Error(
      `snapshot damaged and no older generation can replace it (${problems.join('; ')}); ` +
        'restore the data directory from a backup, or move the file aside to start from the journals alone (data will be missing)',
    );
  }
  return { base: 0, snapshot: null, snapshotRecords: 0, damaged };
}

/**
 * Recovers a data directory at open: drops leftover temporary snapshots,
 * reads the newest intact snapshot and replays the journals from its
 * generation on; truncates a torn tail (warning with byte counts); on damage
 * in the middle stops there, logs an error and keeps what follows as a
 * .corrupt file. Never fails for journal damage; fails with a clear error only
 * when a damaged snapshot has no replacement.
 */
export function recoverDataDir(dir: string, options: DeserializeOptions, logger?: RecoveryLogger): Recovered {
  for (const f of temporaryFiles(dir)) {
    logger?.warn({ file: f }, 'store: removing an interrupted snapshot');
    rmSync(join(dir, f), { force: true });
  }
  const { base, snapshot, snapshotRecords, damaged } = chooseBase(dir, options, logger);
  const setAside: string[] = [];
  for (const g of damaged) {
    const to = corruptPath(snapshotPath(dir, g));
    renameSync(snapshotPath(dir, g), to);
    setAside.push(to);
  }
  const runs: FrameRun[] = snapshot ? [snapshot] : [];
  let journalRecords = 0;
  let truncatedBytes = 0;
  let journalBytes = 0;
  let generation = base;
  const journals = journalGenerations(dir).filter((g) => g >= base);
  for (let i = 0; i < journals.length; i++) {
    const g = journals[i];
    if (g !== base + i) {
      // A missing generation: what follows was written on top of changes we no longer have.
      logger?.error({ missing: base + i }, 'store: journal generation missing; later journals set aside');
      for (const later of journals.slice(i)) setAside.push(setAsideFile(journalPath(dir, later)));
      break;
    }
    const path = journalPath(dir, g);
    const buf = readWholeFile(path);
    const decoded = scanFrames(buf, options);
    runs.push({ buf, start: 0, end: decoded.goodBytes });
    journalRecords += decoded.count;
    generation = g;
    journalBytes += decoded.goodBytes;
    if (!decoded.damage) continue;
    const dropped = buf.length - decoded.goodBytes;
    truncatedBytes += dropped;
    const isLast = i === journals.length - 1;
    if (isLast && decoded.resumesAt === undefined) {
      logger?.warn(
        {
          file: path,
          keptBytes: decoded.goodBytes,
          droppedBytes: dropped,
          reason: decoded.damage,
        },
        'store: journal tail torn or corrupt; truncated to the last intact record',
      );
      truncateSync(path, decoded.goodBytes);
      continue;
    }
    const backup = corruptPath(path);
    writeFileSync(backup, buf.subarray(decoded.goodBytes));
    setAside.push(backup);
    truncateSync(path, decoded.goodBytes);
    const later = journals.slice(i + 1).map((l) => setAsideFile(journalPath(dir, l)));
    setAside.push(...later);
    logger?.error(
      {
        file: path,
        atByte: decoded.goodBytes,
        droppedBytes: dropped,
        reason: decoded.damage,
        intactFrameAt: decoded.resumesAt,
        backup,
        laterJournals: later,
      },
      'store: JOURNAL CORRUPTED IN THE MIDDLE; replay stopped at the damage, the rest is kept in the .corrupt files',
    );
    break;
  }
  if (setAside.length) fsyncDir(dir);
  return {
    frames: new ReplayFrames(runs, options),
    snapshotRecords,
    journalRecords,
    truncatedBytes,
    setAside,
    base,
    generation,
    journalBytes,
  };
}

function setAsideFile(path: string): string {
  const to = corruptPath(path);
  if (existsSync(path)) renameSync(path, to);
  return to;
}

/** Deletes the snapshots and journals of generations before `base` (superseded by its snapshot). */
export function dropOlderGenerations(dir: string, base: number): void {
  let dropped = 0;
  const older = [
    ...snapshotGenerations(dir).map((g) => ({ g, path: snapshotPath(dir, g) })),
    ...journalGenerations(dir).map((g) => ({ g, path: journalPath(dir, g) })),
  ];
  for (const { g, path } of older) {
    if (g >= base) continue;
    rmSync(path, { force: true });
    dropped++;
  }
  if (dropped) fsyncDir(dir);
}
