import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocate, useNearby, usePublicCategories, usePublicPost, type NearbyCase } from '../api/residentsApi';
import { groupCategories, localName } from '../model/names';
import { buildReport, EMPTY_DRAFT, type DraftField, type ReportDraft } from '../model/reportDraft';
import { ContactSection } from './ContactSection';
import { FiledPanel } from './FiledPanel';
import { NearbyList } from './NearbyList';
import { PlaceStatus } from './PlaceStatus';
import { ResidentMap, type MapDot } from './ResidentMap';
import '../residents.css';

type LatLng = { lat: number; lng: number };

/**
 * 我要报事: the resident's report, phone first — where (tap the map, use the
 * device location, or pin the map centre with the keyboard; the place is named,
 * a point outside the district is refused), what (category), already reported?
 * (nearby open cases, "follow this one"), description, anonymous or with
 * contact (with consent), then a tracking code.
 */
export function ReportPage() {
  const { t, i18n } = useTranslation();
  const catalogue = usePublicCategories();
  const [pin, setPin] = useState<LatLng | null>(null);
  const [center, setCenter] = useState<LatLng | null>(null);
  const [draft, setDraft] = useState<ReportDraft>(EMPTY_DRAFT);
  const [invalid, setInvalid] = useState<DraftField[]>([]);
  const [geoError, setGeoError] = useState<string | null>(null);
  const [messageId, setMessageId] = useState(() => crypto.randomUUID());
  const [done, setDone] = useState<{ code: string; kind: 'filed' | 'merged' | 'followed' } | null>(null);
  const located = useLocate(pin);
  const inDistrict = !!located.data?.inDistrict;
  const nearby = useNearby(draft.categoryCode, pin, inDistrict);
  const complaint = usePublicPost<{ trackingCode: string; merged?: boolean }>();
  const follow = usePublicPost<{ trackingCode: string }>();

  const category = catalogue?.categories.find((c) => c.code === draft.categoryCode);
  const dots = useMemo<MapDot[]>(
    () => (nearby.data?.cases ?? []).map((c) => ({ id: c.id, lat: c.lat, lng: c.lng, state: c.state, label: `${localName(category, i18n.language, c.categoryCode)} · ${t(`status.${c.status}`)}`, highlighted: true })),
    [nearby.data, category, i18n.language, t],
  );
  const change = (patch: Partial<ReportDraft>) => setDraft((d) => ({ ...d, ...patch }));

  function locateMe() {
    setGeoError(null);
    if (!navigator.geolocation) return setGeoError('residents.where.noGeolocation');
    navigator.geolocation.getCurrentPosition(
      (p) => setPin({ lat: p.coords.latitude, lng: p.coords.longitude }),
      () => setGeoError('residents.where.geolocationFailed'),
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const built = buildReport(draft, pin, inDistrict, messageId);
    if (!built.ok) return setInvalid(built.invalid);
    setInvalid([]);
    const answer = await complaint.post('/api/public/complaints', built.body);
    if (answer) finish(answer.trackingCode, answer.merged ? 'merged' : 'filed');
  }

  async function followCase(c: NearbyCase) {
    const contact = !draft.anonymous && draft.consent ? { ...(draft.name.trim() ? { name: draft.name.trim() } : {}), ...(draft.phone.trim() ? { phone: draft.phone.trim() } : {}) } : {};
    const note = draft.description.trim() ? { note: draft.description.trim().slice(0, 500) } : {};
    const answer = await follow.post(`/api/public/cases/${c.id}/follow`, { messageId, ...note, ...contact });
    if (answer) finish(answer.trackingCode, 'followed');
  }

  function finish(code: string, kind: 'filed' | 'merged' | 'followed') {
    setDone({ code, kind });
    setDraft(EMPTY_DRAFT);
    setMessageId(crypto.randomUUID());
    window.scrollTo?.({ top: 0 });
  }

  if (done) return <FiledPanel code={done.code} kind={done.kind} onAnother={() => setDone(null)} />;

  const groups = catalogue ? groupCategories(catalogue.categories, catalogue.groups) : [];
  const error = complaint.error ?? follow.error;
  return (
    <div className="resident-page">
      <h1 className="resident-title">{t('residents.report.title')}</h1>
      <form onSubmit={submit} className="resident-form" data-testid="report-form" noValidate>
        <section className="step" aria-labelledby="step-where">
          <h2 id="step-where">{t('residents.where.title')}</h2>
          <div className="resident-map-frame">
            <ResidentMap label={t('residents.where.mapLabel')} pin={pin} pinValid={!pin || located.loading || inDistrict} followPin dots={dots} onTap={setPin} onCenterChange={setCenter} />
          </div>
          <PlaceStatus hasPin={!!pin} located={located.data} loading={located.loading} />
          <div className="button-row">
            <button type="button" className="secondary" onClick={locateMe} data-testid="use-location">
              {t('residents.where.myLocation')}
            </button>
            <button type="button" className="secondary" disabled={!center} onClick={() => center && setPin(center)} data-testid="pin-center">
              {t('residents.where.pinCenter')}
            </button>
          </div>
          {geoError && <p className="error" role="alert">{t(geoError)}</p>}
        </section>

        <section className="step" aria-labelledby="step-what">
          <h2 id="step-what">{t('residents.what.title')}</h2>
          <label>
            {t('residents.what.category')}
            <select
              value={draft.categoryCode}
              onChange={(e) => change({ categoryCode: e.target.value })}
              aria-invalid={invalid.includes('categoryCode')}
              className={invalid.includes('categoryCode') ? 'invalid' : undefined}
              data-testid="report-category"
            >
              <option value="">{t('residents.what.choose')}</option>
              {groups.map((g) => (
                <optgroup key={g.major} label={localName(g.group, i18n.language, g.major)}>
                  {g.items.map((c) => (
                    <option key={c.code} value={c.code}>
                      {localName(c, i18n.language, c.code)}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </label>
        </section>

        {draft.categoryCode && inDistrict && nearby.data && (
          <section className="step" aria-labelledby="step-nearby" data-testid="nearby-step">
            <h2 id="step-nearby">{t('residents.nearby.title')}</h2>
            <NearbyList radiusM={nearby.data.radiusM} cases={nearby.data.cases} category={category} pending={follow.pending} onFollow={(c) => void followCase(c)} />
          </section>
        )}

        <section className="step" aria-labelledby="step-describe">
          <h2 id="step-describe">{t('residents.describe.title')}</h2>
          <label>
            {t('residents.describe.label')}
            <textarea
              rows={4}
              maxLength={2000}
              value={draft.description}
              onChange={(e) => change({ description: e.target.value })}
              aria-invalid={invalid.includes('description')}
              className={invalid.includes('description') ? 'invalid' : undefined}
              data-testid="report-description"
            />
          </label>
          <p className="muted small">{t('residents.describe.hint')}</p>
        </section>

        <section className="step">
          <ContactSection draft={draft} invalid={invalid} onChange={change} />
        </section>

        {invalid.length > 0 && (
          <p className="error" role="alert" data-testid="report-invalid">
            {invalid.map((f) => t(`residents.invalid.${f}`)).join(' ')}
          </p>
        )}
        {error && (
          <p className="error" role="alert" data-testid="report-error">
            {t(error, { defaultValue: t('residents.failed') })}
          </p>
        )}
        <button type="submit" className="primary-wide" disabled={complaint.pending || (!!pin && !located.loading && !inDistrict)} data-testid="report-submit">
          {t('residents.report.submit')}
        </button>
        <p className="muted small">
          <a href="#/track">{t('residents.report.haveCode')}</a> · <a href="#/public">{t('residents.report.seeMap')}</a>
        </p>
      </form>
    </div>
  );
}
