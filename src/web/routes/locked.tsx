import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { FormError } from '../components/form-error.tsx';
import { ScreenTitle } from '../components/screen-title.tsx';
import { SubmitButton } from '../components/submit-button.tsx';
import { useFormSubmit } from '../components/use-form-submit.ts';
import { CurrentPasswordField } from '../features/account/current-password-field.tsx';
import { ForgotPasswordLink } from '../features/account/forgot-password-link.tsx';
import { useChecks } from '../features/account/use-checks.ts';
import { checkPasswordPresent } from '../features/account/validate.ts';
import { actions } from '../state/actions.ts';
import { me } from '../state/store.ts';
import { t } from '../i18n/t.ts';

/**
 * Shown in place of any screen while Innermost is locked; unlocking reveals the screen the person
 * was on (the address does not change).
 */
export function Locked() {
  const { route } = useLocation();
  const [password, setPassword] = useState('');
  const checks = useChecks(['password']);
  const form = useFormSubmit({
    check: () => checks.show({ password: checkPasswordPresent(password) }),
    action: () => actions.unlock(password),
  });

  async function signOut() {
    route('/', true);
    await actions.signOut();
  }

  const email = me.value?.email;
  return (
    <div class="screen locked">
      <span class="lock-mark" aria-hidden="true" />
      <ScreenTitle>{t('locked.title')}</ScreenTitle>
      <p class="lead">{t('locked.intro')}</p>
      {email && <p class="muted">{t('locked.signedInAs', { email })}</p>}
      <form class="stack" noValidate onSubmit={form.onSubmit}>
        <CurrentPasswordField username={email ?? ''} value={password} onValue={setPassword} check={checks.field('password')} />
        <FormError error={form.error} />
        <div class="actions">
          <SubmitButton busy={form.busy} busyLabel={t('locked.busy')}>
            {t('locked.submit')}
          </SubmitButton>
        </div>
      </form>
      <ForgotPasswordLink />
      <div class="card quiet-card">
        <p class="muted">{t('locked.signOutHint')}</p>
        <button type="button" class="button secondary" onClick={signOut}>
          {t('locked.signOut')}
        </button>
      </div>
    </div>
  );
}
