import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { CheckboxField } from '../../../ui/field.tsx';
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

export default function SignUp() {
  const { query } = useLocation();
  const next = safeNextPath(query.next);
  const [email, setEmail] = useState('');
  const newPassword = useNewPassword();
  const [remember, setRemember] = useState(false);
  const checks = useChecks(['email', 'password', 'confirm']);
  const form = useFormSubmit({
    onBusy: holdAuthFlow,
    check: () => checks.show({ email: checkEmail(email), ...checkNewPassword(newPassword.password, newPassword.confirm) }),
    action: async () => {
      const { recoveryCode } = await accountActions.signUp({ email: email.trim(), password: newPassword.password, rememberDevice: remember });
      await showRecoveryCode(recoveryCode, next);
    },
  });

  return (
    <div class="screen">
      <ScreenTitle>{t('signUp.title')}</ScreenTitle>
      <p class="lead">{t('signUp.intro')}</p>
      <form ref={form.formRef} class="stack" noValidate onSubmit={form.onSubmit}>
        <EmailField autoComplete="email" hint={t('signUp.emailHint')} value={email} onValue={setEmail} check={checks.field('email')} />
        <NewPasswordFields value={newPassword} email={email} checks={checks} />
        <CheckboxField label={t('field.remember')} hint={t('field.rememberHint')} checked={remember} onChecked={setRemember} />
        <FormError error={form.error} />
        <div class="actions">
          <SubmitButton busy={form.busy} busyLabel={t('signUp.busy')}>
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
