import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/print.css';
import { render } from 'preact';
import { App, startFailed } from './app.tsx';
import { captureInviteFragment } from './features/invite/join-fragment.ts';
import { startAnnouncements } from './features/live/announcements.ts';
import { registerServiceWorker } from './pwa/register.ts';
import { actions } from './state/actions.ts';

// First thing: take an invite secret out of the address bar and the history entry.
captureInviteFragment();
addEventListener('hashchange', () => captureInviteFragment());

const root = document.getElementById('app');
if (root) render(<App />, root);

startAnnouncements();
actions.start().catch(() => {
  startFailed.value = true;
});
registerServiceWorker();
