import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { CheckboxField, TextField } from '../../../ui/field.tsx';
import { FormError } from '../../../ui/form-error.tsx';
import { ScreenTitle } from '../../../ui/screen-title.tsx';
import { SubmitButton } from '../../../ui/submit-button.tsx';
import { useFormSubmit } from '../../../ui/use-form-submit.ts';
import { EmailField } from '../email-field.tsx';
import { NewPasswordFields, useNewPassword } from '../new-password-fields.tsx';
import { showRecoveryCode } from '../recovery-reminder.ts';
import { holdAuthFlow } from '../store.ts';
import { useChecks } from '../use-checks.ts';
import { checkEmail, checkNewPassword } from '../validate.ts';
import { safeNextPath, withNext } from '../../../platform/next-path.ts';
import { accountActions } from '../session.ts';
import { t } from '../messages.ts';

/** Recovery: email + recovery code + new password, then a NEW recovery code (the old one stops working). */
export default function Recover() {
  const { query } = useLocation();
  const next = safeNextPath(query.next);
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const newPassword = useNewPassword();
  const [remember, setRemember] = useState(false);
  const checks = useChecks(['email', 'code', 'password', 'confirm']);
  const codeCheck = checks.field('code');
  const form = useFormSubmit({
    onBusy: holdAuthFlow,
    check: () =>
      checks.show({
        email: checkEmail(email),
        code: code.trim() ? null : 'form.recoveryCodeMissing',
        ...checkNewPassword(newPassword.password, newPassword.confirm),
      }),
    action: async () => {
      const result = await accountActions.recover({
        email: email.trim(),
        recoveryCode: code.trim(),
        newPassword: newPassword.password,
        rememberDevice: remember,
      });
      await showRecoveryCode(result.recoveryCode, next);
    },
  });

  return (
    <div class="screen">
      <ScreenTitle>{t('recover.title')}</ScreenTitle>
      <p class="lead">{t('recover.intro')}</p>
      <form ref={form.formRef} class="stack" noValidate onSubmit={form.onSubmit}>
        <EmailField autoComplete="username" value={email} onValue={setEmail} check={checks.field('email')} />
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
            codeCheck.clear();
          }}
          error={codeCheck.message}
        />
        <NewPasswordFields wording="new" value={newPassword} email={email} checks={checks} />
        <CheckboxField label={t('field.remember')} hint={t('field.rememberHint')} checked={remember} onChecked={setRemember} />
        <FormError error={form.error} onRetry={form.retry} />
        <div class="actions">
          <SubmitButton busy={form.busy} busyLabel={t('recover.busy')}>
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
