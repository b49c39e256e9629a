import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePublicCategories, usePublicMapLayers, useReports, type AreaProps } from '../api/residentsApi';
import { groupCategories, localName } from '../model/names';
import { ResidentMap, type MapDot } from './ResidentMap';
import '../residents.css';

/** How many reports the list under the map shows (the map shows all). */
const LIST_LIMIT = 30;

/**
 * 身边的报事: the public map of open and recently closed cases — category and
 * status only, no people — filterable by category and community, with the same
 * cases as a list for screen readers and small screens.
 */
export function PublicMapPage() {
  const { t, i18n } = useTranslation();
  const catalogue = usePublicCategories();
  const { areas } = usePublicMapLayers();
  const [filter, setFilter] = useState({ categoryCode: '', communityCode: '' });
  const reports = useReports(filter);
  const lang = i18n.language;
  const categoryName = (code: string) => localName(catalogue?.categories.find((c) => c.code === code), lang, code);
  const communities = (areas?.features ?? []).map((f) => f.properties as unknown as AreaProps).filter((a) => a.level === 'community');
  const communityName = (code?: string) => localName(communities.find((c) => c.code === code), lang, '');
  const list = reports.data?.reports ?? [];
  const dots = useMemo<MapDot[]>(
    () =>
      (reports.data?.reports ?? []).map((r) => ({
        id: r.id,
        lat: r.lat,
        lng: r.lng,
        state: r.state,
        label: `${localName(catalogue?.categories.find((c) => c.code === r.categoryCode), lang, r.categoryCode)} · ${t(`status.${r.status}`)}`,
      })),
    [reports.data, catalogue, lang, t],
  );
  const open = list.filter((r) => r.state === 'open').length;

  return (
    <div className="resident-page">
      <h1 className="resident-title">{t('residents.public.title')}</h1>
      <div className="filters" role="group" aria-label={t('residents.public.filters')}>
        <label>
          {t('residents.public.category')}
          <select value={filter.categoryCode} onChange={(e) => setFilter((f) => ({ ...f, categoryCode: e.target.value }))} data-testid="public-category">
            <option value="">{t('residents.public.all')}</option>
            {(catalogue ? groupCategories(catalogue.categories, catalogue.groups) : []).map((g) => (
              <optgroup key={g.major} label={localName(g.group, lang, g.major)}>
                {g.items.map((c) => (
                  <option key={c.code} value={c.code}>
                    {localName(c, lang, c.code)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label>
          {t('residents.public.community')}
          <select value={filter.communityCode} onChange={(e) => setFilter((f) => ({ ...f, communityCode: e.target.value }))} data-testid="public-community">
            <option value="">{t('residents.public.all')}</option>
            {communities.map((c) => (
              <option key={c.code} value={c.code}>
                {localName(c, lang, c.code)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p role="status" aria-live="polite" data-testid="public-summary">
        {reports.data ? t('residents.public.summary', { open, closed: list.length - open, days: daysSince(reports.data.since) }) : t('residents.public.loading')}
      </p>
      <div className="resident-map-frame">
        <ResidentMap label={t('residents.public.mapLabel')} dots={dots} testId="public-map" />
      </div>
      <p className="legend small">
        <span className="swatch open" aria-hidden="true" /> {t('residents.public.open')} <span className="swatch closed" aria-hidden="true" /> {t('residents.public.closed')}
      </p>
      <h2 className="list-title">{t('residents.public.listTitle')}</h2>
      <ul className="report-list" data-testid="public-list">
        {list.slice(0, LIST_LIMIT).map((r) => (
          <li key={r.id}>
            <strong>{categoryName(r.categoryCode)}</strong> <span className={`status status-${r.status}`}>{t(`status.${r.status}`, { defaultValue: r.status })}</span>
            <div className="muted small">
              {[communityName(r.communityCode), t('residents.public.reportedOn', { date: new Date(r.reportedAt).toLocaleDateString(lang) })].filter(Boolean).join(' · ')}
            </div>
          </li>
        ))}
      </ul>
      {list.length > LIST_LIMIT && <p className="muted small">{t('residents.public.more', { count: list.length - LIST_LIMIT })}</p>}
      <p>
        <a href="#/report">{t('residents.public.report')}</a>
      </p>
    </div>
  );
}

function daysSince(since: string): number {
  return Math.round((Date.now() - new Date(since).getTime()) / 86_400_000);
}
