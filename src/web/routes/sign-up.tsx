import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { CheckboxField, TextField } from '../components/field.tsx';
import { FormError } from '../components/form-error.tsx';
import { ScreenTitle } from '../components/screen-title.tsx';
import { SubmitButton } from '../components/submit-button.tsx';
import { useFocusInvalid } from '../components/use-focus-invalid.ts';
import { checkMessage, NewPasswordFields } from '../features/account/new-password-fields.tsx';
import { authFlowBusy, recoveryCodeToShow } from '../features/account/store.ts';
import { checkEmail, checkNewPassword } from '../features/account/validate.ts';
import { describeError, type DescribedError } from '../features/errors/error-catalog.ts';
import { safeNextPath, withNext } from '../features/navigation/next-path.ts';
import { actions } from '../state/actions.ts';
import { t, type MessageKey } from '../i18n/t.ts';

interface Checks {
  email: MessageKey | null;
  password: MessageKey | null;
  confirm: MessageKey | null;
}
const NO_CHECKS: Checks = { email: null, password: null, confirm: null };

export default function SignUp() {
  const { query } = useLocation();
  const next = safeNextPath(query.next);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [remember, setRemember] = useState(false);
  const [checks, setChecks] = useState<Checks>(NO_CHECKS);
  const [error, setError] = useState<DescribedError | null>(null);
  const [busy, setBusy] = useState(false);
  const { formRef, focusInvalid } = useFocusInvalid();

  async function onSubmit(e: Event) {
    e.preventDefault();
    if (busy) return;
    const found: Checks = { email: checkEmail(email), ...checkNewPassword(password, confirm) };
    setChecks(found);
    if (found.email || found.password || found.confirm) {
      focusInvalid();
      return;
    }
    setBusy(true);
    setError(null);
    authFlowBusy.value = true;
    try {
      const { recoveryCode } = await actions.signUp({ email: email.trim(), password, rememberDevice: remember });
      recoveryCodeToShow.value = { code: recoveryCode, next };
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    } finally {
      authFlowBusy.value = false;
    }
  }

  return (
    <div class="screen">
      <ScreenTitle>{t('signUp.title')}</ScreenTitle>
      <p class="lead">{t('signUp.intro')}</p>
      <form ref={formRef} class="stack" noValidate onSubmit={onSubmit}>
        <TextField
          label={t('field.email')}
          type="email"
          autoComplete="email"
          inputMode="email"
          autoCapitalize="off"
          spellcheck={false}
          hint={t('signUp.emailHint')}
          value={email}
          onValue={(v) => {
            setEmail(v);
            setChecks((c) => ({ ...c, email: null }));
          }}
          error={checkMessage(checks.email)}
        />
        <NewPasswordFields
          password={password}
          confirm={confirm}
          email={email}
          onPassword={(v) => {
            setPassword(v);
            setChecks((c) => ({ ...c, password: null, confirm: null }));
          }}
          onConfirm={(v) => {
            setConfirm(v);
            setChecks((c) => ({ ...c, confirm: null }));
          }}
          errors={checks}
        />
        <CheckboxField label={t('field.remember')} hint={t('field.rememberHint')} checked={remember} onChecked={setRemember} />
        <FormError error={error} />
        <div class="actions">
          <SubmitButton busy={busy} busyLabel={t('signUp.busy')}>
            {t('signUp.submit')}
          </SubmitButton>
        </div>
      </form>
      <p class="aside-link">
        {t('signUp.haveAccount')} <a href={withNext('/signin', next)}>{t('signUp.signInLink')}</a>
      </p>
    </div>
  );
}
