/**
 * Quick exit (issue 16): on every screen, a button and Shift pressed three times. At once the
 * screen goes blank (before anything else, so nothing lingers while the rest happens), the app
 * locks (keys wiped from memory and this device), the current history entry is replaced, and an
 * ordinary page opens: the operator's QUICK_EXIT_URL, else a weather page. Back then finds the
 * lock screen at most. It lives in the shell, which may use the account's lock and care's
 * settings (features never import each other).
 */
import { useEffect } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { accountActions } from '../features/account/session.ts';
import { quickExitUrl } from '../features/care/device-care.ts';
import { authStatus } from '../vault/status.ts';
import { shiftCounter } from './shift-presses.ts';
import { t } from './messages.ts';

/** Locking is awaited this long at most: leaving matters more than a slow database. */
const LOCK_WAIT_MS = 1_500;

let leaving = false;

export async function quickExit(): Promise<void> {
  if (leaving) return;
  leaving = true;
  // Blank first: one class on <html> hides everything (layout.css), drawn in the next frame.
  document.documentElement.classList.add('quick-exit');
  document.title = '';
  const url = quickExitUrl();
  if (authStatus.peek() === 'unlocked') {
    await Promise.race([accountActions.lock().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, LOCK_WAIT_MS))]);
  }
  location.replace(url);
}

function editable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The app's keyboard shortcuts: Shift three times leaves; "?" (outside a text field) opens help. */
export function KeyboardShortcuts() {
  const { route } = useLocation();
  useEffect(() => {
    const shift = shiftCounter();
    const onKey = (e: KeyboardEvent) => {
      if (shift({ key: e.key, repeat: e.repeat, at: e.timeStamp })) {
        void quickExit();
        return;
      }
      if (e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey && !editable(e.target)) {
        e.preventDefault();
        route('/help');
      }
    };
    addEventListener('keydown', onKey, { capture: true });
    return () => removeEventListener('keydown', onKey, { capture: true });
  }, [route]);
  return null;
}

/** The visible button, in the header of every screen. */
export function QuickExitButton() {
  return (
    <button type="button" class="quick-exit-button" onClick={() => void quickExit()}>
      {t('nav.quickExit')}
    </button>
  );
}
