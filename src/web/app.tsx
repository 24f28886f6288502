import { signal } from '@preact/signals';
import type { ComponentType } from 'preact';
import { ErrorBoundary, LocationProvider, Route, Router, lazy, useLocation } from 'preact-iso';
import { AppHeader } from './components/app-header.tsx';
import { LiveRegion } from './components/live-region.tsx';
import { Redirect } from './components/redirect.tsx';
import { ScreenTitle } from './components/screen-title.tsx';
import { authFlowBusy, recoveryCodeToShow } from './features/account/store.ts';
import { safeNextPath } from './features/navigation/next-path.ts';
import { UpdateBanner } from './pwa/update-banner.tsx';
import { Home, Loading, Locked, Welcome } from './routes/first-screens.ts';
import { authStatus } from './state/store.ts';
import { t } from './i18n/t.ts';

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
function lazyRoute<P>(load: () => Promise<{ default: ComponentType<P> }>): ComponentType<P> {
  return lazy(() => load().catch(() => ({ default: ChunkFailed as unknown as ComponentType<P> })));
}

const SignUp = lazyRoute(() => import('./routes/sign-up.tsx'));
const SignIn = lazyRoute(() => import('./routes/sign-in.tsx'));
const Recover = lazyRoute(() => import('./routes/recover.tsx'));
const NewSpace = lazyRoute(() => import('./routes/new-space.tsx'));
const Space = lazyRoute(() => import('./routes/space.tsx'));
const SafetyCode = lazyRoute(() => import('./routes/safety-code.tsx'));
const Join = lazyRoute(() => import('./routes/join.tsx'));
const Settings = lazyRoute(() => import('./routes/settings.tsx'));
const NotFound = lazyRoute(() => import('./routes/not-found.tsx'));
const NewRound = lazyRoute(() => import('./routes/new-round.tsx'));
const Round = lazyRoute(() => import('./routes/round.tsx'));
const ReadTogether = lazyRoute(() => import('./routes/read-together.tsx'));
const JustMe = lazyRoute(() => import('./routes/just-me.tsx'));
const ReflectionNew = lazyRoute(() => import('./routes/reflection-new.tsx'));
const Reflection = lazyRoute(() => import('./routes/reflection.tsx'));
const Checkin = lazyRoute(() => import('./routes/checkin.tsx'));
const Closeness = lazyRoute(() => import('./routes/closeness.tsx'));
const CheckinSettings = lazyRoute(() => import('./routes/checkin-settings.tsx'));
const Explore = lazyRoute(() => import('./routes/explore.tsx'));
const Onboarding = lazyRoute(() => import('./routes/onboarding.tsx'));
const Programs = lazyRoute(() => import('./routes/programs.tsx'));
const ProgramScreen = lazyRoute(() => import('./routes/program.tsx'));
const ProgramStepScreen = lazyRoute(() => import('./routes/program-step.tsx'));
const Decks = lazyRoute(() => import('./routes/decks.tsx'));
const DeckScreen = lazyRoute(() => import('./routes/deck.tsx'));
const Assessment = lazyRoute(() => import('./routes/assessment.tsx'));
const Obstacles = lazyRoute(() => import('./routes/obstacles.tsx'));
const RecoveryCodeScreen = lazyRoute<object>(() =>
  import('./features/account/recovery-code-screen.tsx').then((m) => ({ default: m.RecoveryCodeScreen })),
);

/** "/": the welcome when signed out, the lock screen when locked, Today when unlocked. */
function Start() {
  const status = authStatus.value;
  if (status === 'unlocked') return <Home />;
  if (status === 'locked') return <Locked />;
  return <Welcome />;
}

/** Welcome, sign-in, sign-up, recovery: once unlocked, go on (unless a flow is still finishing). */
function publicOnly<P extends object>(Screen: ComponentType<P>) {
  return function PublicOnly(props: P) {
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

/** Join works signed out (it offers to create an account); locked, it asks to unlock first. */
function JoinRoute() {
  if (authStatus.value === 'locked') return <Locked />;
  return <Join />;
}

const SignUpRoute = publicOnly(SignUp);
const SignInRoute = publicOnly(SignIn);
const RecoverRoute = publicOnly(Recover);
const NewSpaceRoute = unlockedOnly(NewSpace);
const SettingsRoute = unlockedOnly(Settings);
// Keyed by id, so moving from one space to another starts fresh (and focuses the new heading).
const SpaceRoute = unlockedOnly(({ id }: { id: string }) => <Space key={id} id={id} />);
const SafetyRoute = unlockedOnly(({ id }: { id: string }) => <SafetyCode key={id} id={id} />);
const NewRoundRoute = unlockedOnly(({ id }: { id: string }) => <NewRound key={id} id={id} />);
const RoundRoute = unlockedOnly(({ id, roundId }: { id: string; roundId: string }) => <Round key={roundId} id={id} roundId={roundId} />);
const ReadTogetherRoute = unlockedOnly(({ id, roundId }: { id: string; roundId: string }) => (
  <ReadTogether key={roundId} id={id} roundId={roundId} />
));
const JustMeRoute = unlockedOnly(JustMe);
const ReflectionNewRoute = unlockedOnly(({ exerciseId }: { exerciseId: string }) => <ReflectionNew key={exerciseId} exerciseId={exerciseId} />);
const CheckinRoute = unlockedOnly(Checkin);
const ClosenessRoute = unlockedOnly(Closeness);
const CheckinSettingsRoute = unlockedOnly(CheckinSettings);
const ExploreRoute = unlockedOnly(Explore);
const OnboardingRoute = unlockedOnly(Onboarding);
const ProgramsRoute = unlockedOnly(Programs);
const ProgramRoute = unlockedOnly(({ programId }: { programId: string }) => <ProgramScreen key={programId} programId={programId} />);
const ProgramStepRoute = unlockedOnly(({ programId, stepId }: { programId: string; stepId: string }) => (
  <ProgramStepScreen key={`${programId}/${stepId}`} programId={programId} stepId={stepId} />
));
const DecksRoute = unlockedOnly(Decks);
const DeckRoute = unlockedOnly(({ deckId }: { deckId: string }) => <DeckScreen key={deckId} deckId={deckId} />);
const AssessmentRoute = unlockedOnly(Assessment);
const ObstaclesRoute = unlockedOnly(Obstacles);
const ReflectionRoute = unlockedOnly(({ reflectionId }: { reflectionId: string }) => <Reflection key={reflectionId} reflectionId={reflectionId} />);

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
      <Route path="/signup" component={SignUpRoute} />
      <Route path="/signin" component={SignInRoute} />
      <Route path="/recover" component={RecoverRoute} />
      <Route path="/join" component={JoinRoute} />
      <Route path="/spaces/new" component={NewSpaceRoute} />
      <Route path="/spaces/:id/safety" component={SafetyRoute} />
      <Route path="/spaces/:id/exercises/new" component={NewRoundRoute} />
      <Route path="/spaces/:id/rounds/:roundId/read" component={ReadTogetherRoute} />
      <Route path="/spaces/:id/rounds/:roundId" component={RoundRoute} />
      <Route path="/just-me" component={JustMeRoute} />
      <Route path="/just-me/exercises/:exerciseId" component={ReflectionNewRoute} />
      <Route path="/just-me/reflections/:reflectionId" component={ReflectionRoute} />
      <Route path="/spaces/:id" component={SpaceRoute} />
      <Route path="/checkin" component={CheckinRoute} />
      <Route path="/closeness" component={ClosenessRoute} />
      <Route path="/checkins/settings" component={CheckinSettingsRoute} />
      <Route path="/explore" component={ExploreRoute} />
      <Route path="/start" component={OnboardingRoute} />
      <Route path="/programs" component={ProgramsRoute} />
      <Route path="/programs/:programId/:stepId" component={ProgramStepRoute} />
      <Route path="/programs/:programId" component={ProgramRoute} />
      <Route path="/decks" component={DecksRoute} />
      <Route path="/decks/:deckId" component={DeckRoute} />
      <Route path="/assessment" component={AssessmentRoute} />
      <Route path="/obstacles" component={ObstaclesRoute} />
      <Route path="/settings" component={SettingsRoute} />
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
