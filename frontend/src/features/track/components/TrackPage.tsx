import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTrack, type PublicCase, type RatingInput } from '../api/publicApi';
import { DeadlineLine } from './DeadlineLine';
import { RatingForm } from './RatingForm';
import '../track.css';

/** Residents: look a case up by tracking code (进度查询) and rate it once closed; filing a report is on `#/report`. */
export function TrackPage({ initialCode }: { initialCode?: string }) {
  const { t } = useTranslation();
  const { view, error, lookup, rate } = useTrack();
  const [code, setCode] = useState(initialCode ?? '');

  useEffect(() => {
    if (initialCode) void lookup(initialCode);
  }, [initialCode, lookup]);

  const search = (e: FormEvent) => {
    e.preventDefault();
    if (code.trim()) void lookup(code.trim());
  };

  return (
    <div className="track-page">
      <h1 className="visually-hidden">{t('track.title')}</h1>
      <form onSubmit={search} className="card">
        <h2>{t('track.title')}</h2>
        <div className="row2">
          <label>
            {t('track.code')}
            <input data-testid="track-code" value={code} autoCapitalize="characters" autoComplete="off" onChange={(e) => setCode(e.target.value)} />
          </label>
          <button type="submit" data-testid="track-submit">
            {t('track.search')}
          </button>
        </div>
        {error && (
          <p className="error" role="alert" data-testid="track-error">
            {t(error, { defaultValue: t('errors.load') })}
          </p>
        )}
      </form>
      {view && <CaseView view={view} onRate={(r) => void rate(view.trackingCode, r)} />}
      <p className="card">
        <a href="#/report">{t('tracking.fileNew')}</a>
      </p>
    </div>
  );
}

function CaseView({ view, onRate }: { view: PublicCase; onRate: (r: RatingInput) => void }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language.startsWith('en');
  const title = en ? (view.category?.nameEn ?? t(`category.${view.categoryCode}`, { defaultValue: view.title })) : view.title;
  const place = view.place ? [view.place.gridName, en ? (view.place.communityNameEn ?? view.place.communityName) : view.place.communityName].filter(Boolean).join(' · ') : undefined;
  return (
    <section data-testid="track-result" className="card track-result" aria-labelledby="track-case-title">
      <h2 id="track-case-title">{title}</h2>
      <p>
        {t('track.status')}: <span className={`status status-${view.status}`}>{t(`status.${view.status}`, { defaultValue: view.status })}</span>
      </p>
      {view.deadline && <DeadlineLine deadline={view.deadline} />}
      {place && (
        <p className="muted">
          {t('tracking.place')}: {place}
        </p>
      )}
      {view.following && <p className="muted small">{t('tracking.following')}</p>}
      {view.merged && !view.following && <p className="muted small">{t('track.merged')}</p>}
      {view.description && (
        <p>
          {t('tracking.yourReport')}: {view.description}
        </p>
      )}
      <h3>{t('track.timeline')}</h3>
      <ol className="timeline">
        {view.timeline.map((s, i) => (
          <li key={i}>
            <span className="muted small">{new Date(s.at).toLocaleString(i18n.language)}</span>{' '}
            <strong>{t(`event.${s.type.replace(/^incident\./, '')}`, { defaultValue: s.type })}</strong>
            {s.by ? ` · ${t(`actor.${s.by.role}`, { defaultValue: s.by.role })}${s.by.initial ? ` ${s.by.initial}` : ''}` : ''}
          </li>
        ))}
      </ol>
      {view.rating && (
        <p data-testid="track-rating">
          {t('track.rated', { value: t(`choice.${view.rating.value}`) })}
          {view.rating.comment ? ` — “${view.rating.comment}”` : ''}
        </p>
      )}
      {view.canRate && !view.rating && <RatingForm canAskReopen={!!view.canAskReopen} onRate={onRate} />}
    </section>
  );
}
