import { useTranslation } from 'react-i18next';
import type { Located } from '../api/residentsApi';
import { placeLine } from '../model/names';

/** The line under the map saying where the pin is, or that it is outside the district; announced to screen readers. */
export function PlaceStatus({ hasPin, located, loading }: { hasPin: boolean; located: Located | null | undefined; loading: boolean }) {
  const { t, i18n } = useTranslation();
  let text: string;
  let refused = false;
  if (!hasPin) text = t('residents.where.hint');
  else if (loading || !located) text = t('residents.where.locating');
  else if (!located.inDistrict) {
    text = t('residents.where.outside');
    refused = true;
  } else text = t('residents.where.inside', { place: placeLine(located, i18n.language, t('residents.where.cell')) });
  return (
    <p className={refused ? 'place-status refused' : 'place-status'} data-testid="place-status" role={refused ? 'alert' : 'status'} aria-live="polite">
      {text}
    </p>
  );
}
