import { describe, expect, it } from 'vitest';
import { remainingText } from './clock';

describe('remaining-time badge text', () => {
  it('splits time left into hours and minutes', () => {
    expect(remainingText(125.4)).toEqual({ key: 'clock.left', hours: 2, minutes: 5 });
  });

  it('says overdue for negative minutes', () => {
    expect(remainingText(-40)).toEqual({ key: 'clock.overdue', hours: 0, minutes: 40 });
  });

  it('treats less than half a minute overdue as no time left, not overdue', () => {
    expect(remainingText(-0.2)).toEqual({ key: 'clock.left', hours: 0, minutes: 0 });
  });

  it('has no text without a running clock', () => {
    expect(remainingText(null)).toBeNull();
    expect(remainingText(undefined)).toBeNull();
    expect(remainingText(Number.NaN)).toBeNull();
  });
});
