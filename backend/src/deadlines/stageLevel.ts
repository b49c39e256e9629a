/** Traffic-light level of a stage clock: green below 80 % of its limit, yellow to 100 %, red beyond. */
export type StageLevel = 'green' | 'yellow' | 'red';

/** Share of the limit at which a stage turns yellow and the monitor warns (预警). */
export const WARN_RATIO = 0.8;
/** Share of the limit at which a stage is breached (超期) and escalates. */
export const BREACH_RATIO = 1;

/**
 * The level for elapsed ÷ limit: green < 0.8 ≤ yellow < 1 ≤ red. A ratio that is
 * not a number (a zero limit with nothing elapsed) counts as red: it is due now.
 */
export function stageLevel(elapsedRatio: number): StageLevel {
  if (elapsedRatio < WARN_RATIO) return 'green';
  if (elapsedRatio < BREACH_RATIO) return 'yellow';
  return 'red';
}
