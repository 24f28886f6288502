import { ScreenTitle } from '../ui/screen-title.tsx';
import { t } from './messages.ts';

/** Signed out: what Innermost is, the privacy promise, and the two ways in. */
export default function Welcome() {
  return (
    <div class="screen welcome">
      <div class="welcome-art" aria-hidden="true">
        <span class="circle one" />
        <span class="circle two" />
      </div>
      <ScreenTitle docTitle={t('welcome.docTitle')}>{t('welcome.title')}</ScreenTitle>
      <p class="lead">{t('welcome.lead')}</p>
      <p>{t('welcome.body')}</p>

      <section class="card privacy" aria-labelledby="privacy-title">
        <h2 id="privacy-title">{t('welcome.privacyTitle')}</h2>
        <p>{t('welcome.privacy')}</p>
        <p class="muted">{t('welcome.privacyHow')}</p>
      </section>

      <p class="muted small">{t('welcome.notTherapy')}</p>

      <div class="actions sticky-actions">
        <a class="button primary" href="/signup">
          {t('welcome.createAccount')}
        </a>
        <a class="button secondary" href="/signin">
          {t('welcome.signIn')}
        </a>
      </div>
    </div>
  );
}
