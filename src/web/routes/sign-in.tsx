import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { CheckboxField } from '../components/field.tsx';
import { FormError } from '../components/form-error.tsx';
import { ScreenTitle } from '../components/screen-title.tsx';
import { SubmitButton } from '../components/submit-button.tsx';
import { useFormSubmit } from '../components/use-form-submit.ts';
import { CurrentPasswordField } from '../features/account/current-password-field.tsx';
import { EmailField } from '../features/account/email-field.tsx';
import { ForgotPasswordLink } from '../features/account/forgot-password-link.tsx';
import { useChecks } from '../features/account/use-checks.ts';
import { checkEmail, checkPasswordPresent } from '../features/account/validate.ts';
import { safeNextPath, withNext } from '../features/navigation/next-path.ts';
import { actions } from '../state/actions.ts';
import { t } from '../i18n/t.ts';

export default function SignIn() {
  const { query, route } = useLocation();
  const next = safeNextPath(query.next);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  const checks = useChecks(['email', 'password']);
  const form = useFormSubmit({
    authFlow: true,
    check: () => checks.show({ email: checkEmail(email), password: checkPasswordPresent(password) }),
    action: async () => {
      await actions.signIn({ email: email.trim(), password, rememberDevice: remember });
      route(next, true);
    },
  });

  return (
    <div class="screen">
      <ScreenTitle>{t('signIn.title')}</ScreenTitle>
      <form ref={form.formRef} class="stack" noValidate onSubmit={form.onSubmit}>
        <EmailField autoComplete="username" value={email} onValue={setEmail} check={checks.field('email')} />
        <CurrentPasswordField value={password} onValue={setPassword} check={checks.field('password')} />
        <CheckboxField label={t('field.remember')} hint={t('field.rememberHint')} checked={remember} onChecked={setRemember} />
        <FormError error={form.error} onRetry={form.retry} />
        <div class="actions">
          <SubmitButton busy={form.busy} busyLabel={t('signIn.busy')}>
            {t('signIn.submit')}
          </SubmitButton>
        </div>
      </form>
      <ForgotPasswordLink />
      <p class="aside-link">
        {t('signIn.noAccount')} <a href={withNext('/signup', next)}>{t('signIn.createLink')}</a>
      </p>
    </div>
  );
}
