import { closeSync, fsyncSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

// Names of the files in a data directory. Generation g has snapshot-<g>.bson
// (the state when g began; generation 0 has none) and journal-<g>.log (the
// changes made during g). Temporary snapshots end in .tmp; damaged data set
// aside at open ends in .corrupt.

const SNAPSHOT = /^snapshot-(\d+)\.bson$/;
const JOURNAL = /^journal-(\d+)\.log$/;

/** Returns the path of generation `g`'s snapshot. */
export function snapshotPath(dir: string, g: number): string {
  return join(dir, `snapshot-${g}.bson`);
}

/** Returns the path of generation `g`'s journal. */
export function journalPath(dir: string, g: number): string {
  return join(dir, `journal-${g}.log`);
}

/** Returns a fresh name for setting `file` aside as damaged (never overwrites an earlier backup). */
export function corruptPath(file: string): string {
  return `${file}.${new Date().toISOString().replace(/[:.]/g, '-')}.${process.pid}.corrupt`;
}

function generations(dir: string, pattern: RegExp): number[] {
  return readdirSync(dir)
    .map((f) => pattern.exec(f))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b);
}

/** Returns the generations that have a snapshot file, ascending. */
export function snapshotGenerations(dir: string): number[] {
  return generations(dir, SNAPSHOT);
}

/** Returns the generations that have a journal file, ascending. */
export function journalGenerations(dir: string): number[] {
  return generations(dir, JOURNAL);
}

/** Returns the names of leftover temporary files (an interrupted snapshot). */
export function temporaryFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.tmp'));
}

/** Fsyncs a directory so that file creations, renames and deletions in it are durable. */
export function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
