import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDefaultPosition, useFileComplaint } from '../api/publicApi';
import { buildComplaint, RESIDENT_CATEGORIES, type ComplaintForm as Form } from '../model/complaint';

const EMPTY: Form = { categoryCode: RESIDENT_CATEGORIES[0]!, description: '', address: '', lng: '', lat: '', name: '', phone: '' };

/** 我要投诉: a resident files a complaint without an account and gets a tracking code. */
export function ComplaintForm({ onFiled }: { onFiled: (trackingCode: string) => void }) {
  const { t } = useTranslation();
  const { file, pending, error } = useFileComplaint();
  const center = useDefaultPosition();
  const [form, setForm] = useState<Form>(EMPTY);
  const [invalid, setInvalid] = useState<string[]>([]);
  // One id per filled-in form: pressing submit twice files once.
  const [messageId, setMessageId] = useState(() => crypto.randomUUID());

  useEffect(() => {
    if (center) setForm((f) => (f.lng || f.lat ? f : { ...f, lat: center[0].toFixed(5), lng: center[1].toFixed(5) }));
  }, [center]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const built = buildComplaint(form, messageId);
    if (!built.ok) return setInvalid(built.invalid);
    setInvalid([]);
    const code = await file(built.body);
    if (code) {
      onFiled(code);
      setForm({ ...EMPTY, lng: form.lng, lat: form.lat });
      setMessageId(crypto.randomUUID());
    }
  }

  function locate() {
    navigator.geolocation?.getCurrentPosition((p) => setForm((f) => ({ ...f, lat: p.coords.latitude.toFixed(5), lng: p.coords.longitude.toFixed(5) })));
  }

  const field = (key: keyof Form) => ({
    name: key,
    value: form[key],
    className: invalid.includes(key) ? 'invalid' : undefined,
    onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value })),
  });
  return (
    <form onSubmit={submit} className="card" data-testid="complaint-form">
      <h2>{t('track.file')}</h2>
      <label>
        {t('track.category')}
        <select {...field('categoryCode')}>
          {RESIDENT_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`category.${c}`, { defaultValue: c })}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('track.description')} *
        <textarea rows={3} {...field('description')} data-testid="complaint-description" />
      </label>
      <label>
        {t('track.address')}
        <input {...field('address')} />
      </label>
      <div className="row2">
        <label>
          {t('track.lng')} *
          <input {...field('lng')} inputMode="decimal" />
        </label>
        <label>
          {t('track.lat')} *
          <input {...field('lat')} inputMode="decimal" />
        </label>
        <button type="button" className="secondary" onClick={locate}>
          {t('track.locate')}
        </button>
      </div>
      <div className="row2">
        <label>
          {t('track.name')}
          <input {...field('name')} />
        </label>
        <label>
          {t('track.phone')}
          <input {...field('phone')} inputMode="tel" />
        </label>
      </div>
      {invalid.length > 0 && <div className="error">{t('track.invalid')}</div>}
      {error && <div className="error">{t(error, { defaultValue: t('track.failed') })}</div>}
      <button type="submit" disabled={pending} data-testid="complaint-submit">
        {t('track.submit')}
      </button>
    </form>
  );
}
