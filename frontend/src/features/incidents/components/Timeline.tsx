import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '@onegrid/backend/contracts';

/** Who did what and when (处置记录), oldest first, with reasons where given. */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const { t, i18n } = useTranslation();
  const label = (e: TimelineEntry) => t(`event.${e.type.replace(/^incident\./, '')}`, { defaultValue: e.type });
  return (
    <ol className="timeline" data-testid="incident-timeline">
      {entries.map((e, idx) => (
        <li key={e.eventId ?? idx}>
          <span className="muted small">{new Date(e.at).toLocaleString(i18n.language)}</span>{' '}
          <strong>{label(e)}</strong>
          {e.from && e.to && e.to !== e.from && t(`status.${e.to}`) !== label(e) ? ` → ${t(`status.${e.to}`, { defaultValue: e.to })}` : ''}
          {e.actor?.name ? ` · ${e.actor.name}` : ''}
          {e.reason ? <div className="muted small">{e.reason}</div> : null}
        </li>
      ))}
    </ol>
  );
}
