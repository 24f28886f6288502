import { signal } from '@preact/signals';
import type { ComponentType } from 'preact';
import { ErrorBoundary, LocationProvider, Route, Router, lazy, useLocation } from 'preact-iso';
import { AppHeader } from './header.tsx';
import { KeyboardShortcuts } from './quick-exit.tsx';
import { LiveRegion } from '../ui/live-region.tsx';
import { Redirect } from '../ui/redirect.tsx';
import { ScreenTitle } from '../ui/screen-title.tsx';
import { authFlowBusy, recoveryCodeToShow } from '../features/account/store.ts';
import { safeNextPath } from '../platform/next-path.ts';
import { UpdateBanner } from './pwa/update-banner.tsx';
import { FEATURES } from './features.ts';
import { Loading } from '../ui/loading.tsx';
import Welcome from './welcome.tsx';
import { authStatus } from '../vault/status.ts';
import { t } from './messages.ts';

/** Set when actions.start() failed: the app cannot know who is here, so it says so. */
export const startFailed = signal(false);

function ChunkFailed() {
  return (
    <div class="screen">
      <ScreenTitle>{t('chunk.title')}</ScreenTitle>
      <p class="lead">{t('chunk.body')}</p>
      <div class="actions">
        <button type="button" class="button primary" onClick={() => location.reload()}>
          {t('chunk.reload')}
        </button>
      </div>
    </div>
  );
}

/** Route-level code splitting; a chunk that fails to load (offline, new deploy) gets a calm screen. */
function lazyRoute<P>(load: () => Promise<{ default: ComponentType<P> }>): ComponentType<P> & { preload: () => Promise<unknown> } {
  return lazy(() => load().catch(() => ({ default: ChunkFailed as unknown as ComponentType<P> })));
}

const RecoveryCodeScreen = lazyRoute<object>(() =>
  import('../features/account/screens/recovery-code.tsx').then((m) => ({ default: m.RecoveryCodeScreen })),
);
const NotFound = lazyRoute(() => import('../ui/not-found.tsx'));
// Only the welcome (signed out) is in the first bundle; Today and the lock screen load on demand.
const Today = lazyRoute<object>(() => import('./today.tsx').then((m) => m.loadToday()));
const Locked = lazyRoute<object>(() => import('../features/account/screens/locked.tsx').then((m) => ({ default: m.Locked })));

/** "/": the welcome when signed out, the lock screen when locked, Today when unlocked. */
function Start() {
  const status = authStatus.value;
  if (status === 'unlocked') return <Today />;
  if (status === 'locked') return <Locked />;
  return <Welcome />;
}

/** Sign-in and its kin: once unlocked, go on (unless a flow is still finishing). */
function signedOutOnly<P extends object>(Screen: ComponentType<P>) {
  return function SignedOutOnly(props: P) {
    const { query } = useLocation();
    if (authStatus.value === 'unlocked' && !authFlowBusy.value) return <Redirect to={safeNextPath(query.next)} />;
    return <Screen {...props} />;
  };
}

/** Screens with someone's data: the lock screen stands in while locked (the address stays). */
function unlockedOnly<P extends object>(Screen: ComponentType<P>) {
  return function UnlockedOnly(props: P) {
    const status = authStatus.value;
    if (status === 'signed-out') return <Redirect to="/" />;
    if (status === 'locked') return <Locked />;
    return <Screen {...props} />;
  };
}

/** Works signed out too (joining offers to create an account); locked, it asks to unlock first. */
function anyone<P extends object>(Screen: ComponentType<P>) {
  return function Anyone(props: P) {
    if (authStatus.value === 'locked') return <Locked />;
    return <Screen {...props} />;
  };
}

/** The help centre: the same in every state (it holds bundled words, and notes only when unlocked). */
function always<P extends object>(Screen: ComponentType<P>) {
  return Screen;
}

const GUARDS = { 'signed-out': signedOutOnly, unlocked: unlockedOnly, anyone, always };

/**
 * The route table, from every feature's declarations. Each screen is keyed by its path, so moving
 * from one space (or round, or step) to another starts fresh and focuses the new heading.
 */
const ROUTES = FEATURES.flatMap((f) => f.routes).map(({ path, access, screen }) => {
  const Screen = lazyRoute(screen);
  const Guarded = GUARDS[access](function Keyed(props: object) {
    const { path: here } = useLocation();
    return <Screen key={here} {...props} />;
  });
  return { path, access, preload: Screen.preload, component: Guarded };
});

/**
 * Loads the screens shown in every state (the help centre) ahead of need, so opening one later
 * asks for nothing and shows in the same frame: a screen still loading would hold the previous
 * one on screen meanwhile, and that one could ask the server again.
 */
export function preloadAlwaysScreens(): void {
  for (const route of ROUTES) if (route.access === 'always') void route.preload().catch(() => undefined);
}

function StartFailed() {
  return (
    <div class="screen">
      <ScreenTitle>{t('start.failedTitle')}</ScreenTitle>
      <p class="lead">{t('start.failedBody')}</p>
      <div class="actions">
        <button type="button" class="button primary" onClick={() => location.reload()}>
          {t('start.reload')}
        </button>
      </div>
    </div>
  );
}

function Screens() {
  const status = authStatus.value;
  if (startFailed.value) return <StartFailed />;
  if (status === 'loading') return <Loading />;
  if (recoveryCodeToShow.value && status === 'unlocked') return <RecoveryCodeScreen />;
  return (
    <Router>
      <Route path="/" component={Start} />
      {ROUTES.map(({ path, component }) => (
        <Route key={path} path={path} component={component} />
      ))}
      <Route default component={NotFound} />
    </Router>
  );
}

function skipToContent(e: MouseEvent) {
  // Move focus without touching location.hash (the join screen reads the hash).
  e.preventDefault();
  document.getElementById('main')?.focus();
}

export function App() {
  return (
    <LocationProvider>
      <a class="skip-link" href="#main" onClick={skipToContent}>
        {t('app.skipLink')}
      </a>
      <KeyboardShortcuts />
      <AppHeader />
      <UpdateBanner />
      <main id="main" tabIndex={-1}>
        <ErrorBoundary>
          <Screens />
        </ErrorBoundary>
      </main>
      <LiveRegion />
    </LocationProvider>
  );
}
