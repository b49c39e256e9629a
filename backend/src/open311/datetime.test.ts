import { describe, expect, it } from 'vitest';
import { parseW3C, w3c } from './datetime.js';

describe('W3C datetimes', () => {
  it('writes an instant with the district offset, or Z in a zone at UTC', () => {
    expect(w3c(new Date('2026-11-23T02:15:30.456Z'))).toBe('2026-11-23T10:15:30+08:00');
    expect(w3c(new Date('2026-11-23T20:00:00Z'))).toBe('2026-11-24T04:00:00+08:00');
    expect(w3c(new Date('2026-11-23T20:00:00Z'), 'UTC')).toBe('2026-11-23T20:00:00Z');
    expect(w3c(new Date('2026-07-01T12:00:00Z'), 'America/New_York')).toBe('2026-07-01T08:00:00-04:00');
    expect(w3c(undefined)).toBeNull();
  });

  it('reads every W3C profile; without a zone in the district zone', () => {
    expect(parseW3C('2026-11-23T10:15:30+08:00')?.toISOString()).toBe('2026-11-23T02:15:30.000Z');
    expect(parseW3C('2026-11-23T02:15:30Z')?.toISOString()).toBe('2026-11-23T02:15:30.000Z');
    expect(parseW3C('2026-11-23T02:15:30.5-05:00')?.toISOString()).toBe('2026-11-23T07:15:30.500Z');
    expect(parseW3C('2026-11-23T10:15')?.toISOString()).toBe('2026-11-23T02:15:00.000Z');
    expect(parseW3C('2026-11-23')?.toISOString()).toBe('2026-11-22T16:00:00.000Z');
    expect(parseW3C('2026-11')?.toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(parseW3C('2026')?.toISOString()).toBe('2025-12-31T16:00:00.000Z');
  });

  it('refuses what is not a W3C datetime or names no real date', () => {
    for (const bad of ['yesterday', '2026-02-30', '2026-13-01', '2026-11-23T24:00', '2026-11-23 10:00', '2026-11-23T10:00+15:00', '1700000000']) expect(parseW3C(bad), bad).toBeNull();
  });

  it('round-trips what it writes', () => {
    const at = new Date('2026-12-03T08:09:10Z');
    expect(parseW3C(w3c(at)!)?.getTime()).toBe(at.getTime());
  });
});
