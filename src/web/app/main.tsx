import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/print.css';
import { render } from 'preact';
import { App, startFailed } from './app.tsx';
import { captureInviteFragment } from '../spaces/join-fragment.ts';
import { effect } from '@preact/signals';
import { registerServiceWorker } from './pwa/register.ts';
import { accountActions } from '../features/account/session.ts';
import { provideSpaceSections } from '../spaces/sections.ts';
import { provideKinds } from '../sync/kind-source.ts';
import { FEATURES } from './features.ts';
import { authStatus } from '../vault/status.ts';

// First thing: take an invite secret out of the address bar and the history entry.
captureInviteFragment();
addEventListener('hashchange', () => captureInviteFragment());

const root = document.getElementById('app');
if (root) render(<App />, root);

// Sync and spaces name no feature: the app hands them what the features declare. The record
// kinds load with the session code, the sections of a space's screen with that screen.
provideKinds(() => import('./kinds.ts').then((m) => m.ALL_KINDS));
provideSpaceSections(FEATURES.flatMap((f) => f.spaceSections ?? []));
// Live announcements (members joining, going offline) matter once someone is unlocked: their
// code and words load then, not on the welcome screen.
let announcing = false;
effect(() => {
  if (announcing || authStatus.value !== 'unlocked') return;
  announcing = true;
  void import('../spaces/announcements.ts').then((m) => m.startAnnouncements());
});
accountActions.start().catch(() => {
  startFailed.value = true;
});
registerServiceWorker();
