import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../lib/apiClient';

interface PublicView {
  trackingCode: string;
  status: string;
  title?: string;
  timeline?: { at: string; to?: string; action?: string; actor?: string; note?: string }[];
}

/** Residents: look a case up by tracking code, or file a complaint (public, no account). */
export function TrackPage() {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [view, setView] = useState<PublicView | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [form, setForm] = useState({ categoryCode: '06010', description: '', lng: '', lat: '', phone: '' });

  async function search(e: FormEvent) {
    e.preventDefault();
    try {
      setView(await api<PublicView>(`/api/public/track/${encodeURIComponent(code.trim())}`));
      setMessage(null);
    } catch (err) {
      setView(null);
      setMessage(err instanceof ApiError && err.status === 404 ? t('track.notFound') : String(err));
    }
  }

  async function file(e: FormEvent) {
    e.preventDefault();
    try {
      const res = await api<{ trackingCode: string }>('/api/public/complaints', {
        method: 'POST',
        body: { messageId: crypto.randomUUID(), categoryCode: form.categoryCode, description: form.description, lng: Number(form.lng), lat: Number(form.lat), ...(form.phone ? { phone: form.phone } : {}) },
      });
      setMessage(t('track.submitted', { code: res.trackingCode }));
      setCode(res.trackingCode);
    } catch (err) {
      setMessage(err instanceof ApiError ? err.message : String(err));
    }
  }

  const field = (key: keyof typeof form) => ({ value: form[key], onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }) });
  return (
    <div className="track-page">
      <form onSubmit={search} className="card">
        <h2>{t('track.title')}</h2>
        <label>
          {t('track.code')} <input data-testid="track-code" value={code} onChange={(e) => setCode(e.target.value)} />
        </label>
        <button type="submit">{t('track.search')}</button>
        {view && (
          <div data-testid="track-result">
            <p>
              {t('track.status')}: <strong>{t(`status.${view.status}`, { defaultValue: view.status })}</strong> {view.title}
            </p>
            <ol className="timeline">
              {(view.timeline ?? []).map((e, i) => (
                <li key={i}>
                  {new Date(e.at).toLocaleString()} {e.to ? t(`status.${e.to}`, { defaultValue: e.to }) : e.action} {e.actor ?? ''} {e.note ?? ''}
                </li>
              ))}
            </ol>
          </div>
        )}
      </form>
      <form onSubmit={file} className="card">
        <h2>{t('track.file')}</h2>
        <label>
          {t('track.category')} <input {...field('categoryCode')} />
        </label>
        <label>
          {t('track.description')} <textarea {...field('description')} />
        </label>
        <label>
          {t('track.lng')} <input {...field('lng')} />
        </label>
        <label>
          {t('track.lat')} <input {...field('lat')} />
        </label>
        <label>
          {t('track.phone')} <input {...field('phone')} />
        </label>
        <button type="submit">{t('track.submit')}</button>
      </form>
      {message && <p className="notice">{message}</p>}
    </div>
  );
}
