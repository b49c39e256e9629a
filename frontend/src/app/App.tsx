import { useEffect, useState } from 'react';
import { LoginPage } from '../features/auth/components/LoginPage';
import { PublicMapPage } from '../features/residents/components/PublicMapPage';
import { ReportPage } from '../features/residents/components/ReportPage';
import { TrackPage } from '../features/track/components/TrackPage';
import { UNAUTHORIZED_EVENT } from '../lib/apiClient';
import { loadSession, saveSession, type Session } from '../lib/session';
import { AppHeader } from './AppHeader';
import { CommandCenterPage } from './routes/CommandCenterPage';
import { PUBLIC_PAGES } from './route';
import { useHashRoute } from './useHashRoute';

/** The shell: header and the page for the hash route; staff pages ask for a login first. */
export function App() {
  const route = useHashRoute();
  const [session, setSession] = useState<Session | null>(loadSession);

  const signIn = (s: Session) => {
    saveSession(s);
    setSession(s);
    window.location.hash = '#/map';
  };
  const signOut = () => {
    saveSession(null);
    setSession(null);
    window.location.hash = '#/login';
  };

  useEffect(() => {
    const expired = () => {
      saveSession(null);
      setSession(null);
    };
    window.addEventListener(UNAUTHORIZED_EVENT, expired);
    return () => window.removeEventListener(UNAUTHORIZED_EVENT, expired);
  }, []);

  let page;
  if (route.page === 'track') page = <TrackPage key={route.code ?? ''} initialCode={route.code} />;
  else if (route.page === 'report') page = <ReportPage />;
  else if (route.page === 'public') page = <PublicMapPage />;
  else if (!session) page = <LoginPage onLogin={signIn} />;
  else page = <CommandCenterPage key={session.token} session={session} />;

  return (
    <div className="app">
      <AppHeader session={session} onLogout={signOut} onLoginPage={!session && !PUBLIC_PAGES.includes(route.page)} />
      <main>{page}</main>
    </div>
  );
}
