import { useState } from 'preact/hooks';
import { PasswordField } from '../../components/field.tsx';
import { announce } from '../../components/live-region.tsx';
import { FormError } from '../../components/form-error.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { useFocusInvalid } from '../../components/use-focus-invalid.ts';
import { describeError, type DescribedError } from '../errors/error-catalog.ts';
import { actions } from '../../state/actions.ts';
import { me } from '../../state/store.ts';
import { t, type MessageKey } from '../../i18n/t.ts';
import { checkMessage, NewPasswordFields } from './new-password-fields.tsx';
import { checkNewPassword, checkPasswordPresent } from './validate.ts';

interface Checks {
  current: MessageKey | null;
  password: MessageKey | null;
  confirm: MessageKey | null;
}
const NO_CHECKS: Checks = { current: null, password: null, confirm: null };

export function ChangePasswordForm() {
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [checks, setChecks] = useState<Checks>(NO_CHECKS);
  const [error, setError] = useState<DescribedError | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const { formRef, focusInvalid } = useFocusInvalid();
  const email = me.value?.email ?? '';

  async function onSubmit(e: Event) {
    e.preventDefault();
    if (busy) return;
    const found: Checks = { current: checkPasswordPresent(current), ...checkNewPassword(password, confirm) };
    setChecks(found);
    if (found.current || found.password || found.confirm) {
      focusInvalid();
      return;
    }
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      await actions.changePassword({ currentPassword: current, newPassword: password });
      setCurrent('');
      setPassword('');
      setConfirm('');
      setDone(true);
      announce(t('live.passwordChanged'));
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} class="stack" noValidate onSubmit={onSubmit}>
      <input type="email" autoComplete="username" value={email} hidden readOnly />
      <PasswordField
        label={t('field.currentPassword')}
        autoComplete="current-password"
        value={current}
        onValue={(v) => {
          setCurrent(v);
          setDone(false);
          setChecks((c) => ({ ...c, current: null }));
        }}
        error={checkMessage(checks.current)}
      />
      <NewPasswordFields
        wording="new"
        password={password}
        confirm={confirm}
        email={email}
        onPassword={(v) => {
          setPassword(v);
          setDone(false);
          setChecks((c) => ({ ...c, password: null, confirm: null }));
        }}
        onConfirm={(v) => {
          setConfirm(v);
          setChecks((c) => ({ ...c, confirm: null }));
        }}
        errors={checks}
      />
      <FormError error={error} onRetry={() => formRef.current?.requestSubmit()} />
      {done && <p class="notice notice-success">{t('settings.passwordDone')}</p>}
      <div class="actions">
        <SubmitButton busy={busy} busyLabel={t('settings.passwordBusy')} variant="secondary">
          {t('settings.passwordSubmit')}
        </SubmitButton>
      </div>
    </form>
  );
}
