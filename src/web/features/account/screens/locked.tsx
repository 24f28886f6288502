import { useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { FormError } from '../../../ui/form-error.tsx';
import { ScreenTitle } from '../../../ui/screen-title.tsx';
import { SubmitButton } from '../../../ui/submit-button.tsx';
import { useFormSubmit } from '../../../ui/use-form-submit.ts';
import { describeError, type DescribedError } from '../../../platform/errors/error-catalog.ts';
import { CurrentPasswordField } from '../current-password-field.tsx';
import { ForgotPasswordLink } from '../forgot-password-link.tsx';
import { PinField } from '../pin-field.tsx';
import { useChecks } from '../use-checks.ts';
import { checkPasswordPresent, checkPin } from '../validate.ts';
import { accountActions, type AppLockView } from '../session.ts';
import { t } from '../messages.ts';

/**
 * Shown in place of any screen while Innermost is locked; unlocking reveals the screen the person
 * was on (the address does not change). It shows nothing personal (no email, no name): whoever
 * holds the phone learns only that Innermost is here.
 */
export function Locked() {
  const { route } = useLocation();
  // Undefined until this device's app lock is read, so a password field never flashes up before the PIN's.
  const [lock, setLock] = useState<AppLockView | null | undefined>(undefined);
  const [withPassword, setWithPassword] = useState(false);
  const [pinGone, setPinGone] = useState(false);

  useEffect(() => {
    accountActions.appLock().then(setLock, () => setLock(null));
  }, []);

  async function signOut() {
    route('/', true);
    await accountActions.signOut();
  }

  const pinFirst = Boolean(lock?.pin) && !withPassword;
  return (
    <div class="screen locked">
      <span class="lock-mark" aria-hidden="true" />
      <ScreenTitle>{t('locked.title')}</ScreenTitle>
      {lock !== undefined && <p class="lead">{pinFirst ? t('locked.introPin') : t('locked.intro')}</p>}
      {pinGone && (
        <div class="notice notice-error" role="alert">
          <p>{t('locked.pinGone')}</p>
        </div>
      )}
      {lock?.platform && <PlatformUnlock />}
      {lock === undefined ? null : pinFirst ? (
        <PinUnlockForm
          onPinGone={() => {
            setPinGone(true);
            setLock({ ...lock!, pin: false, triesLeft: 0 });
          }}
        />
      ) : (
        <PasswordUnlockForm />
      )}
      {lock?.pin && (
        <p class="aside-link">
          <button type="button" class="button quiet" onClick={() => setWithPassword((v) => !v)}>
            {withPassword ? t('locked.usePin') : t('locked.usePassword')}
          </button>
        </p>
      )}
      {lock !== undefined && !pinFirst && <ForgotPasswordLink />}
      <div class="card quiet-card">
        <p class="muted">{t('locked.signOutHint')}</p>
        <button type="button" class="button secondary" onClick={signOut}>
          {t('locked.signOut')}
        </button>
      </div>
    </div>
  );
}

function PasswordUnlockForm() {
  const [password, setPassword] = useState('');
  const checks = useChecks(['password']);
  const form = useFormSubmit({
    check: () => checks.show({ password: checkPasswordPresent(password) }),
    action: () => accountActions.unlock(password),
  });
  return (
    <form class="stack" noValidate onSubmit={form.onSubmit}>
      <CurrentPasswordField value={password} onValue={setPassword} check={checks.field('password')} />
      <FormError error={form.error} />
      <div class="actions">
        <SubmitButton busy={form.busy} busyLabel={t('locked.busy')}>
          {t('locked.submit')}
        </SubmitButton>
      </div>
    </form>
  );
}

function PinUnlockForm({ onPinGone }: { onPinGone: () => void }) {
  const [pin, setPin] = useState('');
  const [wrong, setWrong] = useState<number | null>(null);
  const checks = useChecks(['pin']);
  const form = useFormSubmit({
    stays: true,
    check: () => checks.show({ pin: checkPin(pin) }),
    action: async () => {
      const result = await accountActions.unlockWithPin(pin);
      if (!result) return;
      setPin('');
      if (result.triesLeft === 0) onPinGone();
      else setWrong(result.triesLeft);
    },
  });
  return (
    <form ref={form.formRef} class="stack" noValidate onSubmit={form.onSubmit}>
      <PinField label={t('field.pin')} value={pin} onValue={setPin} check={checks.field('pin')} />
      {wrong !== null && !form.busy && (
        <div class="notice notice-error" role="alert">
          <p>{t('locked.pinWrong', { count: wrong })}</p>
        </div>
      )}
      <FormError error={form.error} />
      <div class="actions">
        <SubmitButton busy={form.busy} busyLabel={t('locked.busy')}>
          {t('locked.submit')}
        </SubmitButton>
      </div>
    </form>
  );
}

function PlatformUnlock() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DescribedError | null>(null);
  async function unlock() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await accountActions.unlockWithPlatform();
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  }
  return (
    <div class="stack">
      <div class="actions">
        <button type="button" class="button primary" aria-disabled={busy ? 'true' : undefined} onClick={() => void unlock()}>
          {busy ? t('locked.platformBusy') : t('locked.platform')}
        </button>
      </div>
      <FormError error={error} />
    </div>
  );
}
