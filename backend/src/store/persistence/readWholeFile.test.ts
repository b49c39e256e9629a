import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileTooLargeError, MAX_WHOLE_FILE_BYTES, readWholeFile } from './readWholeFile.js';

const dir = mkdtempSync(join(tmpdir(), 'onegrid-read-whole-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A sparse file of `size` bytes with `marker` written at its end. */
function sparseFile(name: string, size: number, marker: string): string {
  const path = join(dir, name);
  const fd = openSync(path, 'w');
  writeSync(fd, marker, size - marker.length);
  closeSync(fd);
  return path;
}

describe('reading a snapshot or journal file whole', () => {
  it('reads a file over 2 GiB (readFileSync refuses it) into one buffer', () => {
    const size = 2 ** 31 + 4096;
    const buf = readWholeFile(sparseFile('big.bson', size, 'END!'));
    expect(buf.length).toBe(size);
    expect(buf.toString('latin1', size - 4)).toBe('END!');
    expect(buf[0]).toBe(0);
  });

  it('refuses a file larger than one buffer can hold with an error that is not damage', () => {
    const path = sparseFile('huge.bson', MAX_WHOLE_FILE_BYTES + 1, 'x');
    expect(() => readWholeFile(path)).toThrow(FileTooLargeError);
    expect(() => readWholeFile(path)).toThrow(/not damaged/);
  });
});
