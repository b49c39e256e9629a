import { useTranslation } from 'react-i18next';
import type { NearbyCase, PublicCategory } from '../api/residentsApi';
import { localName } from '../model/names';

interface Props {
  radiusM: number;
  cases: NearbyCase[];
  category: PublicCategory | undefined;
  pending: boolean;
  onFollow: (c: NearbyCase) => void;
}

/** "Already reported?": the open cases of the chosen category near the pin, each with its status and a "follow this one" button. */
export function NearbyList({ radiusM, cases, category, pending, onFollow }: Props) {
  const { t, i18n } = useTranslation();
  if (!cases.length) return <p className="muted" data-testid="nearby-none">{t('residents.nearby.none', { metres: radiusM })}</p>;
  return (
    <div data-testid="nearby-list">
      <p>{t('residents.nearby.found', { count: cases.length, metres: radiusM })}</p>
      <ul className="nearby-list">
        {cases.map((c) => (
          <li key={c.id} data-testid="nearby-case">
            <div>
              <strong>{localName(category, i18n.language, c.categoryCode)}</strong> <span className={`status status-${c.status}`}>{t(`status.${c.status}`, { defaultValue: c.status })}</span>
            </div>
            <div className="muted small">
              {t('residents.nearby.facts', { metres: c.distanceM, date: new Date(c.reportedAt).toLocaleDateString(i18n.language), count: c.followers })}
            </div>
            <button type="button" className="secondary" disabled={pending} onClick={() => onFollow(c)} data-testid="follow-case">
              {t('residents.nearby.follow')}
            </button>
          </li>
        ))}
      </ul>
      <p className="muted small">{t('residents.nearby.orNew')}</p>
    </div>
  );
}
