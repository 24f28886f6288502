import { useLocation } from 'preact-iso';
import { accountActions } from '../features/account/session.ts';
import { authStatus } from '../vault/status.ts';
import { recoveryCodeToShow } from '../features/account/store.ts';
import { QuickExitButton } from './quick-exit.tsx';
import { t } from './messages.ts';

/**
 * The app name; for an unlocked person Today, Closeness, Explore and Account (a bottom bar on
 * phones) and Lock; and on every screen, whoever is here, Help and Quick exit (issue 16).
 */
export function AppHeader() {
  const { path } = useLocation();
  const status = authStatus.value;
  const current = (href: string) => (path === href ? 'page' : undefined);
  return (
    <header class="app-header">
      <a class="brand" href="/">
        <span class="brand-mark" aria-hidden="true" />
        <span class="brand-name">{t('app.name')}</span>
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
      {/* Help waits until the app knows who is here, with the links beside it: shown earlier, it
          would jump sideways from under a finger when they arrive. Quick exit never waits. */}
      {status !== 'loading' && (
        <a class={`header-link header-help${status === 'unlocked' ? '' : ' header-push'}`} href="/help" aria-current={path === '/help' ? 'page' : undefined}>
          {t('nav.help')}
        </a>
      )}
      {status === 'signed-out' && path !== '/signin' && (
        <a class="header-link" href="/signin">
          {t('nav.signIn')}
        </a>
      )}
      <QuickExitButton />
    </header>
  );
}
