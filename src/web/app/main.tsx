import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/print.css';
import { render } from 'preact';
import { App, preloadAlwaysScreens, startFailed } from './app.tsx';
import { captureInviteFragment } from '../spaces/join-fragment.ts';
import { effect } from '@preact/signals';
import { registerServiceWorker } from './pwa/register.ts';
import { accountActions } from '../features/account/session.ts';
import { provideSpaceSections } from '../spaces/sections.ts';
import { provideKinds } from '../sync/kind-source.ts';
import { FEATURES } from './features.ts';
import { authStatus } from '../vault/status.ts';
import { refreshCareSettings } from '../features/care/device-care.ts';
import { preloadNotes } from '../features/care/index.ts';
import { followDocumentTitle } from '../platform/doc-title.ts';
import { t } from '../ui/messages.ts';
import { t as appT } from './messages.ts';
import { cryptoAvailable } from './secure-context.ts';

// The tab's title follows the screen, or stays discreet where this device chose so (issue 16).
followDocumentTitle({ discreet: appT('app.discreetTitle'), full: (title) => t('app.titleSuffix', { title }), plain: appT('app.name') });

const root = document.getElementById('app');

// Over plain HTTP at a LAN address the browser hides its crypto API: say so, and how to fix it,
// rather than failing obscurely later. The explanation's code and words load only then.
if (!cryptoAvailable()) {
  if (root) void import('./insecure/insecure-origin.tsx').then((m) => m.showInsecureOrigin(root));
} else {
  start();
}

function start(): void {
  // First thing: take an invite secret out of the address bar and the history entry.
  captureInviteFragment();
  addEventListener('hashchange', () => captureInviteFragment());

  // Sync and spaces name no feature: the app hands them what the features declare. The record
  // kinds load with the session code, the sections of a space's screen with that screen.
  provideKinds(() => import('./kinds.ts').then((m) => m.ALL_KINDS));
  provideSpaceSections(FEATURES.flatMap((f) => f.spaceSections ?? []));
  // Before the first render: where nobody signed in, start() decides the welcome at once, so the
  // first frame shows it; and the watchers below begin from that state (a fresh browser has no
  // push subscription to forget).
  accountActions.start().catch(() => {
    startFailed.value = true;
  });
  if (root) render(<App />, root);
  // Live announcements (members joining, going offline) matter once someone is unlocked: their
  // code and words load then, not on the welcome screen.
  let announcing = false;
  effect(() => {
    if (announcing || authStatus.value !== 'unlocked') return;
    announcing = true;
    void import('../spaces/announcements.ts').then((m) => m.startAnnouncements());
  });
  // Each time someone is signed out (here, or by the session ending elsewhere), the browser's push
  // subscription goes too: the server already dropped the session's own. It asks nothing of anyone.
  let previousStatus = authStatus.peek();
  effect(() => {
    const status = authStatus.value;
    if (status === 'signed-out' && previousStatus !== 'signed-out') {
      void import('../features/notifications/forget-here.ts').then((m) => m.forgetPushHere()).catch(() => undefined);
    }
    previousStatus = status;
  });
  registerServiceWorker();
  // The help centre needs nothing from the server once open: the operator's helplines are asked for
  // once per start and kept on the device, and its screens load while the browser is idle (ADR
  // 028), after the first screen's own scripts. The mark lets `npm run bench` tell the two apart.
  (globalThis.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 1)))(() => {
    performance.mark?.('innermost:idle-work');
    void refreshCareSettings();
    preloadAlwaysScreens();
  });
  // A sheet's note needs the sync engine: loaded ahead only for someone unlocked, so the signed-out
  // welcome never carries it.
  effect(() => {
    if (authStatus.value === 'unlocked') preloadNotes();
  });
}
