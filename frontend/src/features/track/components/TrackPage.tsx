import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTrack, type PublicCase } from '../api/publicApi';
import { ComplaintForm } from './ComplaintForm';

const RATINGS = ['satisfied', 'basically', 'dissatisfied'] as const;

/** Residents: look a case up by tracking code (进度查询), rate it once closed, or file a complaint. */
export function TrackPage({ initialCode }: { initialCode?: string }) {
  const { t } = useTranslation();
  const { view, error, lookup, rate } = useTrack();
  const [code, setCode] = useState(initialCode ?? '');
  const [filed, setFiled] = useState<string | null>(null);

  useEffect(() => {
    if (initialCode) void lookup(initialCode);
  }, [initialCode, lookup]);

  const search = (e: FormEvent) => {
    e.preventDefault();
    if (code.trim()) void lookup(code.trim());
  };
  const onFiled = (trackingCode: string) => {
    setFiled(trackingCode);
    setCode(trackingCode);
    void lookup(trackingCode);
  };

  return (
    <div className="track-page">
      <form onSubmit={search} className="card">
        <h2>{t('track.title')}</h2>
        <div className="row2">
          <input data-testid="track-code" placeholder={t('track.code')} value={code} onChange={(e) => setCode(e.target.value)} />
          <button type="submit" data-testid="track-submit">
            {t('track.search')}
          </button>
        </div>
        {filed && (
          <p className="notice" data-testid="complaint-filed">
            {t('track.submitted', { code: filed })}
          </p>
        )}
        {error && <div className="error">{t(error, { defaultValue: t('errors.load') })}</div>}
        {view && <CaseView view={view} onRate={(v) => void rate(view.trackingCode, v)} />}
      </form>
      <ComplaintForm onFiled={onFiled} />
    </div>
  );
}

function CaseView({ view, onRate }: { view: PublicCase; onRate: (value: string) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <div data-testid="track-result" className="track-result">
      <p>
        {t('track.status')}: <span className={`status status-${view.status}`}>{t(`status.${view.status}`, { defaultValue: view.status })}</span> {view.title}
      </p>
      {view.merged && <p className="muted small">{t('track.merged')}</p>}
      <h4>{t('track.timeline')}</h4>
      <ol className="timeline">
        {view.timeline.map((s, i) => (
          <li key={i}>
            <span className="muted small">{new Date(s.at).toLocaleString(i18n.language)}</span>{' '}
            <strong>{t(`event.${s.type.replace(/^incident\./, '')}`, { defaultValue: s.type })}</strong>
            {s.by ? ` · ${t(`actor.${s.by.role}`, { defaultValue: s.by.role })}${s.by.initial ? ` ${s.by.initial}` : ''}` : ''}
          </li>
        ))}
      </ol>
      {view.rating && <p>{t('track.rated', { value: t(`choice.${view.rating.value}`) })}</p>}
      {view.canRate && !view.rating && (
        <div className="actions">
          <span>{t('track.rate')}</span>
          {RATINGS.map((r) => (
            <button type="button" key={r} className="secondary" onClick={() => onRate(r)}>
              {t(`choice.${r}`)}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
