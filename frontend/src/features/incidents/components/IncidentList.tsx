import { useTranslation } from 'react-i18next';
import type { IncidentView } from './model/types';

/** The queue beside the map: newest first, status and time-left badges; a click selects the case. */
export function IncidentList({ incidents, selectedId, onSelect }: { incidents: IncidentView[]; selectedId: string | null; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <section className="incident-list" data-testid="incident-list">
      <header>
        <h2>{t('list.title')}</h2>
        <span className="muted">{t('list.count', { count: incidents.length })}</span>
      </header>
      {incidents.length === 0 && <p className="muted">{t('list.empty')}</p>}
      <ul>
        {incidents.map((i) => (
          <li key={i.id} data-testid="incident-item" className={i.id === selectedId ? 'selected' : ''} onClick={() => onSelect(i.id)}>
            <div className="row">
              <span className={`status status-${i.status}`}>{t(`status.${i.status}`)}</span>
              <span className="code">{i.code}</span>
              {i.clock?.level && <span className={`clock clock-${i.clock.level}`} title={t('detail.deadline')} />}
            </div>
            <div className="title">{i.title}</div>
            <div className="muted small">
              {t(`severity.${i.severity}`, { defaultValue: i.severity })} · {new Date(i.reportedAt).toLocaleString()}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
