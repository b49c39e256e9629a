import { useTranslation } from 'react-i18next';
import type { ReportDraft } from '../model/reportDraft';

interface Props {
  draft: ReportDraft;
  invalid: string[];
  onChange: (patch: Partial<ReportDraft>) => void;
}

/** Anonymous or with contact, each choice saying what staff and the public see; name, phone and consent when contact is given. */
export function ContactSection({ draft, invalid, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <fieldset className="contact">
      <legend>{t('residents.contact.title')}</legend>
      <label className="choice">
        <input type="radio" name="contact-mode" checked={draft.anonymous} onChange={() => onChange({ anonymous: true })} data-testid="contact-anonymous" />
        <span>
          <strong>{t('residents.contact.anonymous')}</strong>
          <span className="muted small">{t('residents.contact.anonymousExplain')}</span>
        </span>
      </label>
      <label className="choice">
        <input type="radio" name="contact-mode" checked={!draft.anonymous} onChange={() => onChange({ anonymous: false })} data-testid="contact-named" />
        <span>
          <strong>{t('residents.contact.named')}</strong>
          <span className="muted small">{t('residents.contact.namedExplain')}</span>
        </span>
      </label>
      {!draft.anonymous && (
        <>
          <label>
            {t('residents.contact.name')}
            <input value={draft.name} autoComplete="name" onChange={(e) => onChange({ name: e.target.value })} data-testid="contact-name" />
          </label>
          <label>
            {t('residents.contact.phone')}
            <input
              value={draft.phone}
              inputMode="tel"
              autoComplete="tel"
              aria-invalid={invalid.includes('phone')}
              className={invalid.includes('phone') ? 'invalid' : undefined}
              onChange={(e) => onChange({ phone: e.target.value })}
              data-testid="contact-phone"
            />
          </label>
          <label className={`choice${invalid.includes('consent') ? ' invalid-choice' : ''}`}>
            <input type="checkbox" checked={draft.consent} aria-invalid={invalid.includes('consent')} onChange={(e) => onChange({ consent: e.target.checked })} data-testid="contact-consent" />
            <span className="small">{t('residents.contact.consent')}</span>
          </label>
        </>
      )}
    </fieldset>
  );
}
