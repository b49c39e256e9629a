import { useTranslation } from 'react-i18next';
import { remainingText } from '../model/clock';
import type { ClockView } from '@onegrid/backend/contracts';

/** The stage deadline as a traffic-light badge: green below 80 % of the limit, yellow to 100 %, red beyond. */
export function ClockBadge({ clock }: { clock: Pick<ClockView, 'stage' | 'remainingMinutes' | 'level'> | null }) {
  const { t } = useTranslation();
  const text = remainingText(clock?.remainingMinutes);
  if (!clock || !text) return null;
  const duration = text.hours > 0 ? t('clock.hm', { hours: text.hours, minutes: text.minutes }) : t('clock.m', { minutes: text.minutes });
  return (
    <span className={`clock-badge clock-${clock.level}`} data-testid="clock-badge" title={t(`stage.${clock.stage}`, { defaultValue: clock.stage })}>
      {t(text.key, { duration })}
    </span>
  );
}
