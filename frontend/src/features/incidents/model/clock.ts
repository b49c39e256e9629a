/** What a remaining-time badge says: time left or overdue, in whole hours and minutes. */
export interface RemainingText {
  key: 'clock.left' | 'clock.overdue';
  hours: number;
  minutes: number;
}

/**
 * Splits the working minutes left on a stage clock into the parts a badge
 * shows (`剩 2小时5分` / `超时 40分`); negative minutes mean overdue. Rounds to
 * the nearest minute; `null` when the case has no running clock.
 */
export function remainingText(remainingMinutes: number | null | undefined): RemainingText | null {
  if (remainingMinutes == null || !Number.isFinite(remainingMinutes)) return null;
  const total = Math.round(Math.abs(remainingMinutes));
  return { key: remainingMinutes < 0 && total > 0 ? 'clock.overdue' : 'clock.left', hours: Math.floor(total / 60), minutes: total % 60 };
}
