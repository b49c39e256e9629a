import { useTranslation } from 'react-i18next';
import { useCategories, useDepartments, useIncident } from '../api/incidents';
import { ActionBar } from './ActionBar';
import { Assignments } from './Assignments';
import { categoryName } from '../model/directoryNames';
import { ClockBadge } from './ClockBadge';
import { Timeline } from './Timeline';

interface Props {
  id: string;
  onClose: () => void;
}

/** One case: facts, remaining time, the actions the caller's role may take, and the timeline. */
export function IncidentDetail({ id, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const loaded = useIncident(id);
  const categories = useCategories().data;
  const departments = useDepartments().data;
  const incident = loaded.data;

  if (!incident || incident.id !== id) {
    return <aside className="incident-detail">{loaded.error ? <div className="error">{t('errors.load')}</div> : <p className="muted">{t('detail.loading')}</p>}</aside>;
  }
  return (
    <aside className="incident-detail" data-testid="incident-detail">
      <header>
        <h2>
          {incident.code} <span className={`status status-${incident.status}`}>{t(`status.${incident.status}`, { defaultValue: incident.status })}</span>
        </h2>
        <button className="link" onClick={onClose} aria-label={t('detail.close')}>
          ✕
        </button>
      </header>
      <h3>{incident.title}</h3>
      {incident.description && <p className="description">{incident.description}</p>}
      <dl>
        <dt>{t('detail.category')}</dt>
        <dd>{categoryName(categories, incident.categoryCode, i18n.language)}</dd>
        <dt>{t('detail.severity')}</dt>
        <dd>{t(`severity.${incident.severity}`, { defaultValue: incident.severity })}</dd>
        <dt>{t('detail.source')}</dt>
        <dd>{t(`source.${incident.source}`, { defaultValue: incident.source })}</dd>
        <dt>{t('detail.grid')}</dt>
        <dd className="code">{incident.gridCode ?? '—'}</dd>
        {incident.address && (
          <>
            <dt>{t('detail.address')}</dt>
            <dd>{incident.address}</dd>
          </>
        )}
        {(incident.assignments?.length ?? 0) > 0 && (
          <>
            <dt>{t('detail.assignments')}</dt>
            <dd>
              <Assignments assignments={incident.assignments!} departments={departments} />
            </dd>
          </>
        )}
        <dt>{t('detail.deadline')}</dt>
        <dd>{incident.clock ? <ClockBadge clock={incident.clock} /> : '—'}</dd>
        <dt>{t('detail.reported')}</dt>
        <dd>{new Date(incident.reportedAt).toLocaleString(i18n.language)}</dd>
      </dl>
      <ActionBar incident={incident} />
      <h4>{t('detail.timeline')}</h4>
      <Timeline entries={incident.timeline ?? []} />
    </aside>
  );
}
