import { useTranslation } from 'react-i18next';
import { LEGEND } from '../model/markerStyle';

/** The colour key of the incident markers, over the map's lower left corner. */
export function MapLegend() {
  const { t } = useTranslation();
  return (
    <div className="map-legend" data-testid="map-legend">
      {LEGEND.map((l) => (
        <span key={l.labelKey}>
          <i style={{ background: l.color }} /> {t(l.labelKey)}
        </span>
      ))}
      <span>
        <i className="grid-swatch" /> {t('legend.grid')}
      </span>
    </div>
  );
}
