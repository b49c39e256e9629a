import { useTranslation } from 'react-i18next';

/** After filing or following: the tracking code, big, with what it is for and a link to the tracking page. */
export function FiledPanel({ code, kind, onAnother }: { code: string; kind: 'filed' | 'merged' | 'followed'; onAnother: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="resident-page">
      <section className="step filed" data-testid="report-done" aria-labelledby="filed-title">
        <h1 id="filed-title" className="resident-title">{t(`residents.done.${kind}`)}</h1>
        <p>{t('residents.done.codeIs')}</p>
        <p className="tracking-code" data-testid="tracking-code">
          {code}
        </p>
        <p className="muted">{t('residents.done.keep')}</p>
        <div className="button-row">
          <a className="button-link" href={`#/track/${code}`} data-testid="open-tracking">
            {t('residents.done.track')}
          </a>
          <button type="button" className="secondary" onClick={onAnother}>
            {t('residents.done.another')}
          </button>
        </div>
      </section>
    </div>
  );
}
