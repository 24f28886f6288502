import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { CheckboxField, PasswordField, TextField } from '../components/field.tsx';
import { FormError } from '../components/form-error.tsx';
import { ScreenTitle } from '../components/screen-title.tsx';
import { SubmitButton } from '../components/submit-button.tsx';
import { useFocusInvalid } from '../components/use-focus-invalid.ts';
import { checkMessage } from '../features/account/new-password-fields.tsx';
import { authFlowBusy } from '../features/account/store.ts';
import { checkEmail, checkPasswordPresent } from '../features/account/validate.ts';
import { describeError, type DescribedError } from '../features/errors/error-catalog.ts';
import { safeNextPath, withNext } from '../features/navigation/next-path.ts';
import { actions } from '../state/actions.ts';
import { t, type MessageKey } from '../i18n/t.ts';

export default function SignIn() {
  const { query, route } = useLocation();
  const next = safeNextPath(query.next);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  const [checks, setChecks] = useState<{ email: MessageKey | null; password: MessageKey | null }>({ email: null, password: null });
  const [error, setError] = useState<DescribedError | null>(null);
  const [busy, setBusy] = useState(false);
  const { formRef, focusInvalid } = useFocusInvalid();

  async function onSubmit(e: Event) {
    e.preventDefault();
    if (busy) return;
    const found = { email: checkEmail(email), password: checkPasswordPresent(password) };
    setChecks(found);
    if (found.email || found.password) {
      focusInvalid();
      return;
    }
    setBusy(true);
    setError(null);
    authFlowBusy.value = true;
    try {
      await actions.signIn({ email: email.trim(), password, rememberDevice: remember });
      route(next, true);
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    } finally {
      authFlowBusy.value = false;
    }
  }

  return (
    <div class="screen">
      <ScreenTitle>{t('signIn.title')}</ScreenTitle>
      <form ref={formRef} class="stack" noValidate onSubmit={onSubmit}>
        <TextField
          label={t('field.email')}
          type="email"
          autoComplete="username"
          inputMode="email"
          autoCapitalize="off"
          spellcheck={false}
          value={email}
          onValue={(v) => {
            setEmail(v);
            setChecks((c) => ({ ...c, email: null }));
          }}
          error={checkMessage(checks.email)}
        />
        <PasswordField
          label={t('field.password')}
          autoComplete="current-password"
          value={password}
          onValue={(v) => {
            setPassword(v);
            setChecks((c) => ({ ...c, password: null }));
          }}
          error={checkMessage(checks.password)}
        />
        <CheckboxField label={t('field.remember')} hint={t('field.rememberHint')} checked={remember} onChecked={setRemember} />
        <FormError error={error} onRetry={() => formRef.current?.requestSubmit()} />
        <div class="actions">
          <SubmitButton busy={busy} busyLabel={t('signIn.busy')}>
            {t('signIn.submit')}
          </SubmitButton>
        </div>
      </form>
      <p>
        <a href="/recover">{t('signIn.forgot')}</a>
      </p>
      <p class="aside-link">
        {t('signIn.noAccount')} <a href={withNext('/signup', next)}>{t('signIn.createLink')}</a>
      </p>
    </div>
  );
}
