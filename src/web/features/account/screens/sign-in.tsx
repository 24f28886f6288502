import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { CheckboxField } from '../../../ui/field.tsx';
import { FormError } from '../../../ui/form-error.tsx';
import { ScreenTitle } from '../../../ui/screen-title.tsx';
import { SubmitButton } from '../../../ui/submit-button.tsx';
import { useFormSubmit } from '../../../ui/use-form-submit.ts';
import { CurrentPasswordField } from '../current-password-field.tsx';
import { EmailField } from '../email-field.tsx';
import { ForgotPasswordLink } from '../forgot-password-link.tsx';
import { useChecks } from '../use-checks.ts';
import { checkEmail, checkPasswordPresent } from '../validate.ts';
import { safeNextPath, withNext } from '../../../platform/next-path.ts';
import { holdAuthFlow } from '../store.ts';
import { accountActions } from '../session.ts';
import { t } from '../messages.ts';

export default function SignIn() {
  const { query, route } = useLocation();
  const next = safeNextPath(query.next);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  const checks = useChecks(['email', 'password']);
  const form = useFormSubmit({
    onBusy: holdAuthFlow,
    check: () => checks.show({ email: checkEmail(email), password: checkPasswordPresent(password) }),
    action: async () => {
      await accountActions.signIn({ email: email.trim(), password, rememberDevice: remember });
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
