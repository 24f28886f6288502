/**
 * The explanation shown instead of the app where the browser hides its crypto API (see
 * app/secure-context.ts): what is wrong, and the two ways to fix it. Plain content, no app state.
 */
import { render } from 'preact';
import { t } from './messages.ts';

function InsecureOrigin({ address }: { address: string }) {
  return (
    <main id="main" class="screen insecure-origin" tabIndex={-1}>
      <h1>{t('insecure.title')}</h1>
      <p class="lead">{t('insecure.what', { address })}</p>
      <h2>{t('insecure.fixTitle')}</h2>
      <ul>
        <li>{t('insecure.fixProxy')}</li>
        <li>{t('insecure.fixLocal')}</li>
        <li>{t('insecure.fixAsk')}</li>
      </ul>
      <p class="muted">{t('insecure.nothingSent')}</p>
    </main>
  );
}

export function showInsecureOrigin(root: HTMLElement): void {
  document.title = t('insecure.title');
  render(<InsecureOrigin address={location.origin} />, root);
}
