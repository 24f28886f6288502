import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { CheckboxField } from '../components/field.tsx';
import { FormError } from '../components/form-error.tsx';
import { ScreenTitle } from '../components/screen-title.tsx';
import { SubmitButton } from '../components/submit-button.tsx';
import { useFormSubmit } from '../components/use-form-submit.ts';
import { EmailField } from '../features/account/email-field.tsx';
import { NewPasswordFields, useNewPassword } from '../features/account/new-password-fields.tsx';
import { recoveryCodeToShow } from '../features/account/store.ts';
import { useChecks } from '../features/account/use-checks.ts';
import { checkEmail, checkNewPassword } from '../features/account/validate.ts';
import { safeNextPath, withNext } from '../features/navigation/next-path.ts';
import { actions } from '../state/actions.ts';
import { t } from '../i18n/t.ts';

export default function SignUp() {
  const { query } = useLocation();
  const next = safeNextPath(query.next);
  const [email, setEmail] = useState('');
  const newPassword = useNewPassword();
  const [remember, setRemember] = useState(false);
  const checks = useChecks(['email', 'password', 'confirm']);
  const form = useFormSubmit({
    authFlow: true,
    check: () => checks.show({ email: checkEmail(email), ...checkNewPassword(newPassword.password, newPassword.confirm) }),
    action: async () => {
      const { recoveryCode } = await actions.signUp({ email: email.trim(), password: newPassword.password, rememberDevice: remember });
      recoveryCodeToShow.value = { code: recoveryCode, next };
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
