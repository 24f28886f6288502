import { useLocation } from 'preact-iso';
import { accountActions } from '../features/account/session.ts';
import { authStatus } from '../vault/status.ts';
import { recoveryCodeToShow } from '../features/account/store.ts';
import { t } from './messages.ts';

/** The app name, and for an unlocked person: Today, Closeness, Explore and Account (a bottom bar on phones), and Lock. */
export function AppHeader() {
  const { path } = useLocation();
  const status = authStatus.value;
  const current = (href: string) => (path === href ? 'page' : undefined);
  return (
    <header class="app-header">
      <a class="brand" href="/">
        <span class="brand-mark" aria-hidden="true" />
        {t('app.name')}
      </a>
      {status === 'unlocked' && !recoveryCodeToShow.value && (
        <nav class="app-nav" aria-label={t('nav.label')}>
          <a href="/" aria-current={current('/')}>
            <span class="nav-icon nav-icon-today" aria-hidden="true" />
            {t('nav.today')}
          </a>
          <a href="/closeness" aria-current={current('/closeness')}>
            <span class="nav-icon nav-icon-closeness" aria-hidden="true" />
            {t('nav.closeness')}
          </a>
          <a href="/explore" aria-current={current('/explore')}>
            <span class="nav-icon nav-icon-explore" aria-hidden="true" />
            {t('nav.explore')}
          </a>
          <a href="/settings" aria-current={current('/settings')}>
            <span class="nav-icon nav-icon-account" aria-hidden="true" />
            {t('nav.account')}
          </a>
        </nav>
      )}
      {status === 'unlocked' && !recoveryCodeToShow.value && (
        // Locking is not a place to go: it sits apart from the places, at the top, where a person
        // handing over their phone looks for it (and the bar below keeps four roomy places at 320 px).
        <button type="button" class="header-link header-lock" onClick={() => void accountActions.lock()}>
          <span class="nav-icon nav-icon-lock" aria-hidden="true" />
          {t('nav.lock')}
        </button>
      )}
      {status === 'signed-out' && path !== '/signin' && (
        <a class="header-link" href="/signin">
          {t('nav.signIn')}
        </a>
      )}
    </header>
  );
}
