import { describe, expect, it } from 'vitest';
import { parseSeedArgs } from './cliArgs.js';

describe('seed CLI arguments', () => {
  it('defaults to the demo scale with the scale default history', () => {
    expect(parseSeedArgs([])).toEqual({ empty: false, ifEmpty: false, scale: 'demo', help: false });
  });

  it('reads every option, with values apart or after =', () => {
    expect(parseSeedArgs(['--empty', '--scale', 'city', '--history=30d', '--per-day', '500', '--seed', 'x'])).toMatchObject({ empty: true, scale: 'city', historyDays: 30, historyPerDay: 500, seed: 'x' });
    expect(parseSeedArgs(['--history', 'none']).historyDays).toBe(0);
    expect(parseSeedArgs(['--if-empty']).ifEmpty).toBe(true);
  });

  it('rejects unknown flags, bad scales, bad durations and contradictions with a clear message', () => {
    expect(() => parseSeedArgs(['--scael', 'demo'])).toThrow(/unknown argument "--scael"/);
    expect(() => parseSeedArgs(['--scale', 'huge'])).toThrow(/tiny, demo or city/);
    expect(() => parseSeedArgs(['--history', '3 months'])).toThrow(/number of days/);
    expect(() => parseSeedArgs(['--scale'])).toThrow(/needs a value/);
    expect(() => parseSeedArgs(['--empty', '--if-empty'])).toThrow(/contradict/);
  });
});
