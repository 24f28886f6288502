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
  code: MessageKey | null;
  password: MessageKey | null;
  confirm: MessageKey | null;
}
const NO_CHECKS: Checks = { email: null, code: null, password: null, confirm: null };

/** Recovery: email + recovery code + new password, then a NEW recovery code (the old one stops working). */
export default function Recover() {
  const { query } = useLocation();
  const next = safeNextPath(query.next);
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
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
    const found: Checks = {
      email: checkEmail(email),
      code: code.trim() ? null : 'form.recoveryCodeMissing',
      ...checkNewPassword(password, confirm),
    };
    setChecks(found);
    if (found.email || found.code || found.password || found.confirm) {
      focusInvalid();
      return;
    }
    setBusy(true);
    setError(null);
    authFlowBusy.value = true;
    try {
      const result = await actions.recover({
        email: email.trim(),
        recoveryCode: code.trim(),
        newPassword: password,
        rememberDevice: remember,
      });
      recoveryCodeToShow.value = { code: result.recoveryCode, next };
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    } finally {
      authFlowBusy.value = false;
    }
  }

  return (
    <div class="screen">
      <ScreenTitle>{t('recover.title')}</ScreenTitle>
      <p class="lead">{t('recover.intro')}</p>
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
        <TextField
          label={t('field.recoveryCode')}
          hint={t('field.recoveryCodeHint')}
          class="mono-input"
          autoComplete="off"
          autoCapitalize="characters"
          spellcheck={false}
          value={code}
          onValue={(v) => {
            setCode(v);
            setChecks((c) => ({ ...c, code: null }));
          }}
          error={checkMessage(checks.code)}
        />
        <NewPasswordFields
          wording="new"
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
        <FormError error={error} onRetry={() => formRef.current?.requestSubmit()} />
        <div class="actions">
          <SubmitButton busy={busy} busyLabel={t('recover.busy')}>
            {t('recover.submit')}
          </SubmitButton>
        </div>
      </form>
      <p class="aside-link">
        <a href={withNext('/signin', next)}>{t('recover.back')}</a>
      </p>
    </div>
  );
}
