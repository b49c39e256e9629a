import { useTranslation } from 'react-i18next';
import type { PublicCase } from '../api/publicApi';

/** The current step's deadline in plain words ("should be handled by 3 Dec 17:30 — on time"). */
export function DeadlineLine({ deadline }: { deadline: NonNullable<PublicCase['deadline']> }) {
  const { t, i18n } = useTranslation();
  const when = new Date(deadline.dueAt).toLocaleString(i18n.language, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  return (
    <p className={`deadline ${deadline.state}`} data-testid="track-deadline">
      {t(`tracking.deadline.${deadline.stage}`, { when, defaultValue: t('tracking.deadline.handle', { when }) })} — {t(`tracking.deadline.${deadline.state}`)}
    </p>
  );
}
