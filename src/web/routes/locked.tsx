import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { PasswordField } from '../components/field.tsx';
import { FormError } from '../components/form-error.tsx';
import { ScreenTitle } from '../components/screen-title.tsx';
import { SubmitButton } from '../components/submit-button.tsx';
import { describeError, type DescribedError } from '../features/errors/error-catalog.ts';
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
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<DescribedError | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: Event) {
    e.preventDefault();
    if (busy) return;
    if (!password) {
      setFieldError(t('form.passwordMissing'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await actions.unlock(password);
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  }

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
      <form class="stack" noValidate onSubmit={onSubmit}>
        {/* Lets password managers know whose password this is. */}
        <input type="email" autoComplete="username" value={email ?? ''} hidden readOnly />
        <PasswordField
          label={t('field.password')}
          value={password}
          onValue={(v) => {
            setPassword(v);
            setFieldError(null);
          }}
          autoComplete="current-password"
          error={fieldError}
        />
        <FormError error={error} />
        <div class="actions">
          <SubmitButton busy={busy} busyLabel={t('locked.busy')}>
            {t('locked.submit')}
          </SubmitButton>
        </div>
      </form>
      <p>
        <a href="/recover">{t('signIn.forgot')}</a>
      </p>
      <div class="card quiet-card">
        <p class="muted">{t('locked.signOutHint')}</p>
        <button type="button" class="button secondary" onClick={signOut}>
          {t('locked.signOut')}
        </button>
      </div>
    </div>
  );
}
