import { useTranslation } from 'react-i18next';
import { useCategories } from '../api/incidents';
import type { IncidentView } from '../model/types';
import { ClockBadge } from './ClockBadge';
import { categoryName } from '../model/directoryNames';

interface Props {
  incidents: IncidentView[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** The queue beside the map: newest first, with status, category and time-left badge; a click selects the case. */
export function IncidentList({ incidents, selectedId, onSelect }: Props) {
  const { t, i18n } = useTranslation();
  const categories = useCategories().data;
  return (
    <section className="incident-list" data-testid="incident-list">
      <header>
        <h2>{t('list.title')}</h2>
        <span className="muted">{t('list.count', { count: incidents.length })}</span>
      </header>
      {incidents.length === 0 && <p className="muted empty">{t('list.empty')}</p>}
      <ul>
        {incidents.map((i) => (
          <li key={i.id} data-testid="incident-item" data-incident-id={i.id} className={i.id === selectedId ? 'selected' : ''} onClick={() => onSelect(i.id)}>
            <div className="row">
              <span className={`status status-${i.status}`}>{t(`status.${i.status}`, { defaultValue: i.status })}</span>
              <span className="code">{i.code}</span>
              <span className="spacer" />
              <ClockBadge clock={i.clock} />
            </div>
            <div className="title">{i.title}</div>
            <div className="muted small">
              {categoryName(categories, i.categoryCode, i18n.language)} · {t(`severity.${i.severity}`, { defaultValue: i.severity })} · {new Date(i.reportedAt).toLocaleString(i18n.language)}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
