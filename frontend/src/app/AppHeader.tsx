import { useTranslation } from 'react-i18next';
import { toggleLanguage } from '../i18n';
import type { Session } from '../lib/session';

/** The bar over every page: app name, navigation, who is signed in, language switch and logout. */
export function AppHeader({ session, onLogout, onLoginPage }: { session: Session | null; onLogout: () => void; onLoginPage: boolean }) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <a className="brand" href="#/map">
        一网统管 <span className="brand-en">OneGrid</span>
      </a>
      <nav>
        {session && <a href="#/map">{t('app.map')}</a>}
        {!session && <a href="#/report">{t('residents.nav.report')}</a>}
        <a href="#/track">{t('app.track')}</a>
        {!session && <a href="#/public">{t('residents.nav.publicMap')}</a>}
      </nav>
      <div className="spacer" />
      {session && (
        <span className="user" data-testid="current-user">
          {session.user.displayName} <span className="role">{t(`role.${session.user.role}`, { defaultValue: session.user.role })}</span>
        </span>
      )}
      <button data-testid="lang-switch" className="header-button" onClick={toggleLanguage} title={t('app.langTitle')}>
        {t('app.lang')}
      </button>
      {session ? (
        <button className="header-button" data-testid="logout" onClick={onLogout}>
          {t('app.logout')}
        </button>
      ) : (
        !onLoginPage && <a className="header-button" href="#/login">
          {t('login.submit')}
        </a>
      )}
    </header>
  );
}
