import { describe, expect, it } from 'vitest';
import { nextRetryDelay, shouldGiveUp } from './retryPolicy.js';

const policy = { minMs: 500, maxMs: 30_000, giveUpMs: 600_000 };

describe('nextRetryDelay', () => {
  it('doubles from minMs and caps at maxMs, with jitter between half and all of it', () => {
    expect(nextRetryDelay(policy, 1, () => 1)).toBe(500);
    expect(nextRetryDelay(policy, 2, () => 1)).toBe(1000);
    expect(nextRetryDelay(policy, 4, () => 1)).toBe(4000);
    expect(nextRetryDelay(policy, 20, () => 1)).toBe(30_000);
    expect(nextRetryDelay(policy, 20, () => 0)).toBe(15_000);
  });
});

describe('shouldGiveUp', () => {
  it('gives up only after giveUpMs and only if the backend answered something since the first failure', () => {
    expect(shouldGiveUp(policy, 0, 1, 600_000)).toBe(true);
    expect(shouldGiveUp(policy, 0, 1, 599_999)).toBe(false);
    expect(shouldGiveUp(policy, 10, 5, 10_000_000)).toBe(false);
  });
});
