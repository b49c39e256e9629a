import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCategories } from '../api/incidents';
import { categoryName } from '../model/directoryNames';
import { filterIncidents, LIST_VIEWS, type ListView } from '../model/listFilter';
import type { IncidentView } from '@onegrid/backend/contracts';
import { ClockBadge } from './ClockBadge';

interface Props {
  incidents: IncidentView[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** The queue beside the map: newest first, with status, category and time-left badge; a click selects the case. */
export function IncidentList({ incidents, selectedId, onSelect }: Props) {
  const { t, i18n } = useTranslation();
  const categories = useCategories().data;
  const [view, setView] = useState<ListView>('open');
  const [search, setSearch] = useState('');
  const list = useRef<HTMLUListElement>(null);
  const shown = filterIncidents(incidents, view, search);

  useEffect(() => {
    if (selectedId) list.current?.querySelector(`[data-incident-id="${CSS.escape(selectedId)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  return (
    <section className="incident-list" data-testid="incident-list">
      <header>
        <h2>{t('list.title')}</h2>
        <span className="muted">{t('list.count', { count: shown.length })}</span>
      </header>
      <div className="list-tools">
        <div className="segmented" role="tablist">
          {LIST_VIEWS.map((v) => (
            <button key={v} role="tab" aria-selected={view === v} className={view === v ? 'on' : ''} data-testid={`list-view-${v}`} onClick={() => setView(v)}>
              {t(`list.${v}`)}
            </button>
          ))}
        </div>
        <input type="search" placeholder={t('list.search')} value={search} onChange={(e) => setSearch(e.target.value)} data-testid="list-search" />
      </div>
      {shown.length === 0 && <p className="muted empty">{t('list.empty')}</p>}
      <ul ref={list}>
        {shown.map((i) => (
          <li
            key={i.id}
            data-testid="incident-item"
            data-incident-id={i.id}
            className={i.id === selectedId ? 'selected' : ''}
            role="button"
            tabIndex={0}
            onClick={() => onSelect(i.id)}
            onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && onSelect(i.id)}
          >
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
