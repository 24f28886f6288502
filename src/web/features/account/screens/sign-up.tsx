import { useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { CheckboxField } from '../../../ui/field.tsx';
import { FormError } from '../../../ui/form-error.tsx';
import { ScreenTitle } from '../../../ui/screen-title.tsx';
import { SubmitButton } from '../../../ui/submit-button.tsx';
import { useFormSubmit } from '../../../ui/use-form-submit.ts';
import { EmailField } from '../email-field.tsx';
import { NewPasswordFields, useNewPassword } from '../new-password-fields.tsx';
import { showRecoveryCode } from '../recovery-reminder.ts';
import { captureSignupLink, holdAuthFlow, signupLink } from '../store.ts';
import { useChecks } from '../use-checks.ts';
import { checkEmail, checkNewPassword } from '../validate.ts';
import { safeNextPath, withNext } from '../../../platform/next-path.ts';
import { accountActions, signupMode, type SignupMode } from '../session.ts';
import { pendingInviteFragment } from '../../../spaces/store.ts';
import { ProfileFields } from '../../../spaces/components/profile-fields.tsx';
import { spaceActions } from '../../../spaces/actions.ts';
import { t } from '../messages.ts';

export default function SignUp() {
  const { query } = useLocation();
  const next = safeNextPath(query.next);
  useState(() => captureSignupLink());
  const [mode, setMode] = useState<SignupMode | null>(null);
  useEffect(() => {
    // Unknown (offline, an older server): show the form; the server still decides.
    signupMode().then(setMode, () => setMode('open'));
  }, []);
  const link = signupLink.value;
  const invitation = pendingInviteFragment.value;
  if (mode === null) {
    return (
      <div class="screen">
        <ScreenTitle>{t('signUp.title')}</ScreenTitle>
        <p class="muted" role="status">
          {t('signUp.checking')}
        </p>
      </div>
    );
  }
  const allowed = mode === 'open' || !!link || (mode === 'invite' && !!invitation);
  if (!allowed) return <NotOpen mode={mode} next={next} />;
  return <SignUpForm next={next} mode={mode} link={link} invitation={invitation} />;
}

/** An instance that does not take new accounts from anyone: what to do instead, kindly. */
function NotOpen({ mode, next }: { mode: Exclude<SignupMode, 'open'>; next: string }) {
  return (
    <div class="screen">
      <ScreenTitle>{t(`signUp.${mode}.title`)}</ScreenTitle>
      <p class="lead">{t(`signUp.${mode}.body`)}</p>
      {mode === 'invite' && <p>{t('signUp.invite.operator')}</p>}
      <p class="aside-link">
        {t('signUp.haveAccount')} <a href={withNext('/signin', next)}>{t('signUp.signInLink')}</a>
      </p>
    </div>
  );
}

function SignUpForm({ next, mode, link, invitation }: { next: string; mode: SignupMode; link: string | null; invitation: string | null }) {
  const [email, setEmail] = useState('');
  const newPassword = useNewPassword();
  const [remember, setRemember] = useState(false);
  const [displayName, setDisplayName] = useState('');
  const [pronouns, setPronouns] = useState('');
  const checks = useChecks(['email', 'password', 'confirm']);
  const form = useFormSubmit({
    onBusy: holdAuthFlow,
    check: () => checks.show({ email: checkEmail(email), ...checkNewPassword(newPassword.password, newPassword.confirm) }),
    action: async () => {
      // An instance that is not open needs a permit: the sign-up link, else the invitation being joined.
      const permit = mode === 'open' ? undefined : link ? { link } : invitation ? await spaceActions.invitePermit(invitation) : undefined;
      const { recoveryCode } = await accountActions.signUp({ email: email.trim(), password: newPassword.password, rememberDevice: remember, permit });
      signupLink.value = null;
      // The name set once, here, is the one every shared place uses. It is queued on this device
      // if the network drops now; a failure must not hide the recovery code.
      if (displayName.trim()) await spaceActions.setMyName({ displayName, pronouns }).catch(() => undefined);
      await showRecoveryCode(recoveryCode, next);
    },
  });

  return (
    <div class="screen">
      <ScreenTitle>{t('signUp.title')}</ScreenTitle>
      <p class="lead">{t('signUp.intro')}</p>
      {link && mode !== 'open' && <p class="notice notice-info">{t('signUp.byLink')}</p>}
      <form ref={form.formRef} class="stack" noValidate onSubmit={form.onSubmit}>
        <ProfileFields scope="everywhere" optional displayName={displayName} pronouns={pronouns} onDisplayName={setDisplayName} onPronouns={setPronouns} />
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
