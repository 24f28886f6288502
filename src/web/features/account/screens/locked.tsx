import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { FormError } from '../../../ui/form-error.tsx';
import { ScreenTitle } from '../../../ui/screen-title.tsx';
import { SubmitButton } from '../../../ui/submit-button.tsx';
import { useFormSubmit } from '../../../ui/use-form-submit.ts';
import { CurrentPasswordField } from '../current-password-field.tsx';
import { ForgotPasswordLink } from '../forgot-password-link.tsx';
import { useChecks } from '../use-checks.ts';
import { checkPasswordPresent } from '../validate.ts';
import { accountActions } from '../session.ts';
import { me } from '../../../vault/status.ts';
import { t } from '../messages.ts';

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
    action: () => accountActions.unlock(password),
  });

  async function signOut() {
    route('/', true);
    await accountActions.signOut();
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
