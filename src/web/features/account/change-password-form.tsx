import { useState } from 'preact/hooks';
import { announce } from '../../ui/live-region.tsx';
import { FormError } from '../../ui/form-error.tsx';
import { SubmitButton } from '../../ui/submit-button.tsx';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import { accountActions } from './session.ts';
import { me } from '../../vault/status.ts';
import { t } from './messages.ts';
import { CurrentPasswordField } from './current-password-field.tsx';
import { NewPasswordFields, useNewPassword } from './new-password-fields.tsx';
import { useChecks } from './use-checks.ts';
import { checkNewPassword, checkPasswordPresent } from './validate.ts';

export function ChangePasswordForm() {
  const [current, setCurrent] = useState('');
  const newPassword = useNewPassword();
  const [done, setDone] = useState(false);
  const email = me.value?.email ?? '';
  const checks = useChecks(['current', 'password', 'confirm']);
  const form = useFormSubmit({
    stays: true,
    check: () => checks.show({ current: checkPasswordPresent(current), ...checkNewPassword(newPassword.password, newPassword.confirm) }),
    action: async () => {
      setDone(false);
      await accountActions.changePassword({ currentPassword: current, newPassword: newPassword.password });
      setCurrent('');
      newPassword.reset();
      setDone(true);
      announce(t('live.passwordChanged'));
    },
  });

  return (
    <form ref={form.formRef} class="stack" noValidate onSubmit={form.onSubmit}>
      <CurrentPasswordField
        label={t('field.currentPassword')}
        username={email}
        value={current}
        onValue={(v) => {
          setCurrent(v);
          setDone(false);
        }}
        check={checks.field('current')}
      />
      <NewPasswordFields wording="new" value={newPassword} email={email} checks={checks} onPasswordEdit={() => setDone(false)} />
      <FormError error={form.error} onRetry={form.retry} />
      {done && <p class="notice notice-success">{t('settings.passwordDone')}</p>}
      <div class="actions">
        <SubmitButton busy={form.busy} busyLabel={t('settings.passwordBusy')} variant="secondary">
          {t('settings.passwordSubmit')}
        </SubmitButton>
      </div>
    </form>
  );
}
