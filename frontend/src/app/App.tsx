import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoginPage } from '../features/auth/LoginPage';
import { CommandCenterPage } from '../features/map/CommandCenterPage';
import { TrackPage } from '../features/track/TrackPage';
import { toggleLanguage } from '../i18n';
import { loadSession, saveSession, type Session } from '../lib/session';

function useHashRoute(): string {
  const [hash, setHash] = useState(window.location.hash || '#/map');
  useEffect(() => {
    const on = () => setHash(window.location.hash || '#/map');
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return hash;
}

/** The shell: header (name, user, language switch, logout) and the page for the hash route. */
export function App() {
  const { t } = useTranslation();
  const route = useHashRoute();
  const [session, setSession] = useState<Session | null>(loadSession());

  const signIn = (s: Session) => {
    saveSession(s);
    setSession(s);
    window.location.hash = '#/map';
  };
  const signOut = () => {
    saveSession(null);
    setSession(null);
  };

  let page;
  if (route.startsWith('#/track')) page = <TrackPage />;
  else if (!session) page = <LoginPage onLogin={signIn} />;
  else page = <CommandCenterPage key={session.token} session={session} />;

  return (
    <div className="app">
      <header className="app-header">
        <a className="brand" href="#/map">
          {t('app.name')} <span className="muted">OneGrid</span>
        </a>
        <nav>
          <a href="#/map">{t('app.map')}</a>
          <a href="#/track">{t('app.track')}</a>
        </nav>
        <div className="spacer" />
        {session && <span className="user">{session.user.displayName}</span>}
        <button data-testid="lang-switch" className="link" onClick={toggleLanguage}>
          {t('app.lang')}
        </button>
        {session && (
          <button className="link" data-testid="logout" onClick={signOut}>
            {t('app.logout')}
          </button>
        )}
      </header>
      <main>{page}</main>
    </div>
  );
}
