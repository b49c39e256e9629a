import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../../lib/session';
import { useIsDemo, useLogin } from '../api/login';

/** The sign-in form; on success hands the session up. */
export function LoginPage({ onLogin }: { onLogin: (s: Session) => void }) {
  const { t } = useTranslation();
  const { submit, pending, error } = useLogin();
  const demo = useIsDemo();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const session = await submit(username.trim(), password);
    if (session) onLogin(session);
  }

  return (
    <div className="login-page">
      <form className="login-card" onSubmit={onSubmit}>
        <h1>
          一网统管 <span className="brand-en">OneGrid</span>
        </h1>
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
            {t(error)}
          </div>
        )}
        <button data-testid="login-submit" type="submit" disabled={pending || !username || !password}>
          {t('login.submit')}
        </button>
        {demo && <p className="muted small">{t('login.demoHint')}</p>}
        <a href="#/report">{t('login.residents')}</a>
      </form>
    </div>
  );
}
