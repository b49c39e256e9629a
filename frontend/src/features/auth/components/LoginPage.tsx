import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/apiClient';
import type { Session } from '../../lib/session';
import { login } from './api';

/** The sign-in form; on success hands the session up. */
export function LoginPage({ onLogin }: { onLogin: (s: Session) => void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onLogin(await login(username.trim(), password));
    } catch (err) {
      setError(err instanceof ApiError && err.status === 429 ? t('login.rateLimited') : t('login.failed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="login-page">
      <form className="login-card" onSubmit={submit}>
        <h1>{t('app.name')}</h1>
        <p className="muted">{t('app.subtitle')}</p>
        <label>
          {t('login.username')}
          <input data-testid="login-username" value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" autoFocus />
        </label>
        <label>
          {t('login.password')}
          <input data-testid="login-password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />
        </label>
        {error && (
          <div className="error" data-testid="login-error" role="alert">
            {error}
          </div>
        )}
        <button data-testid="login-submit" type="submit" disabled={busy || !username || !password}>
          {t('login.submit')}
        </button>
        <p className="muted small">{t('login.demoHint')}</p>
        <a href="#/track">{t('app.track')}</a>
      </form>
    </div>
  );
}
