import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/apiClient';
import { fetchIncident, runAction } from './api';
import type { IncidentView } from './model/types';

const NEEDS_REASON = new Set(['reject', 'return', 'postpone', 'deny-postpone', 'suspend', 'reopen', 'supervise', 'reply']);

/** One case: facts, remaining time, the actions the caller's role may take, and the timeline. */
export function IncidentDetail({ id, refreshKey, onClose, onChanged }: { id: string; refreshKey: number; onClose: () => void; onChanged: (i: IncidentView) => void }) {
  const { t } = useTranslation();
  const [incident, setIncident] = useState<IncidentView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    fetchIncident(id)
      .then((i) => !cancelled && setIncident(i))
      .catch((e: Error) => !cancelled && setError(e.message));
    return () => {
      cancelled = true;
    };
  }, [id, refreshKey]);

  async function act(action: string) {
    if (!incident) return;
    const reason = NEEDS_REASON.has(action) ? window.prompt(t('detail.reason')) ?? '' : undefined;
    if (reason === '') return;
    try {
      const updated = await runAction(incident.id, action, incident.version, reason);
      setIncident(updated);
      onChanged(updated);
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? `${e.code}: ${e.message}` : String(e));
    }
  }

  if (!incident) return <aside className="incident-detail">{error ?? '…'}</aside>;
  const remaining = incident.clock?.remainingMinutes;
  return (
    <aside className="incident-detail" data-testid="incident-detail">
      <header>
        <h2>
          {incident.code} <span className={`status status-${incident.status}`}>{t(`status.${incident.status}`)}</span>
        </h2>
        <button className="link" onClick={onClose}>
          {t('detail.close')}
        </button>
      </header>
      <h3>{incident.title}</h3>
      {incident.description && <p>{incident.description}</p>}
      <dl>
        <dt>{t('detail.category')}</dt>
        <dd>{incident.categoryCode}</dd>
        <dt>{t('detail.grid')}</dt>
        <dd>{incident.gridCode ?? '—'}</dd>
        <dt>{t('detail.source')}</dt>
        <dd>{t(`source.${incident.source}`, { defaultValue: incident.source })}</dd>
        <dt>{t('detail.deadline')}</dt>
        <dd className={`clock-text clock-${incident.clock?.level ?? 'none'}`}>
          {remaining == null ? '—' : remaining >= 0 ? t('detail.minutes', { count: Math.round(remaining) }) : t('detail.overdue', { count: Math.round(-remaining) })}
        </dd>
      </dl>
      <div className="actions">
        {(incident.actions ?? []).map((a) => (
          <button key={a} data-testid={`action-${a}`} onClick={() => void act(a)}>
            {t(`action.${a}`, { defaultValue: a })}
          </button>
        ))}
      </div>
      {error && <div className="error">{error}</div>}
      <h4>{t('detail.timeline')}</h4>
      <ol className="timeline">
        {(incident.timeline ?? []).map((e, idx) => (
          <li key={idx}>
            <span className="muted small">{new Date(e.at).toLocaleString()}</span> {e.actor?.name ?? ''} {e.to ? t(`status.${e.to}`, { defaultValue: e.to }) : (e.action ?? '')}
            {e.reason ? ` — ${e.reason}` : ''}
          </li>
        ))}
      </ol>
    </aside>
  );
}
