import { useEffect, useId, useState } from 'preact/hooks';
import { announce } from '../../ui/live-region.tsx';
import { FormError } from '../../ui/form-error.tsx';
import { SubmitButton } from '../../ui/submit-button.tsx';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import { describeError, type DescribedError } from '../../platform/errors/error-catalog.ts';
import { CurrentPasswordField } from './current-password-field.tsx';
import { IDLE_CHOICES, isIdleMinutes } from './idle-lock.ts';
import { PinField } from './pin-field.tsx';
import { accountActions, type AppLockView } from './session.ts';
import { useChecks } from './use-checks.ts';
import { checkNewPin, checkPasswordPresent } from './validate.ts';
import { t } from './messages.ts';

/**
 * Account's "App lock on this device": a PIN, face or fingerprint, and locking by itself. Every
 * change that lets someone in (a PIN) or takes a way away asks for the password, so someone who
 * picks up the open phone cannot set a PIN of their own for later.
 */
export function AppLockSettings() {
  const [lock, setLock] = useState<AppLockView | null>(null);
  const refresh = () => accountActions.appLock().then(setLock, () => undefined);
  useEffect(() => void refresh(), []);
  if (!lock) return null;

  return (
    <section id="app-lock" aria-labelledby="app-lock-title" class="card stack">
      <h2 id="app-lock-title">{t('appLock.title')}</h2>
      <p class="muted">{t('appLock.intro')}</p>

      <p>{lock.pin ? t('appLock.pinOn') : t('appLock.pinOff')}</p>
      <details class="disclosure">
        <summary>{lock.pin ? t('appLock.pinChangeTitle') : t('appLock.pinSetTitle')}</summary>
        <SetPinForm onDone={refresh} />
      </details>
      {lock.pin && (
        <details class="disclosure">
          <summary>{t('appLock.pinRemoveTitle')}</summary>
          <PasswordConfirmForm
            submit={t('appLock.pinRemove')}
            action={(password) => accountActions.removePin(password)}
            done={t('live.pinRemoved')}
            onDone={refresh}
          />
        </details>
      )}

      {(lock.platformSupported || lock.platform) && (
        <div class="stack">
          <h3>{t('appLock.platformTitle')}</h3>
          <p>{lock.platform ? t('appLock.platformOn') : t('appLock.platformOff')}</p>
          {lock.platform ? (
            <details class="disclosure">
              <summary>{t('appLock.platformRemoveTitle')}</summary>
              <PasswordConfirmForm
                submit={t('appLock.platformRemove')}
                action={(password) => accountActions.removePlatformUnlock(password)}
                done={t('live.platformOff')}
                onDone={refresh}
              />
            </details>
          ) : (
            <AddPlatformUnlock onDone={refresh} />
          )}
        </div>
      )}

      <IdleLockChoice minutes={lock.idleMinutes} onDone={refresh} />
    </section>
  );
}

function SetPinForm({ onDone }: { onDone: () => Promise<void> }) {
  const [password, setPassword] = useState('');
  const [pin, setPin] = useState('');
  const [confirm, setConfirm] = useState('');
  const checks = useChecks(['password', 'pin', 'confirm']);
  const form = useFormSubmit({
    stays: true,
    check: () => checks.show({ password: checkPasswordPresent(password), ...checkNewPin(pin, confirm) }),
    action: async () => {
      await accountActions.setPin({ password, pin });
      setPassword('');
      setPin('');
      setConfirm('');
      announce(t('live.pinSaved'));
      await onDone();
    },
  });
  return (
    <form ref={form.formRef} class="stack" noValidate onSubmit={form.onSubmit}>
      <PinField label={t('field.newPin')} hint={t('appLock.pinHint')} value={pin} onValue={setPin} check={checks.field('pin')} />
      <PinField label={t('field.confirmPin')} value={confirm} onValue={setConfirm} check={checks.field('confirm')} />
      <CurrentPasswordField label={t('appLock.passwordLabel')} value={password} onValue={setPassword} check={checks.field('password')} />
      <FormError error={form.error} />
      <div class="actions">
        <SubmitButton busy={form.busy} busyLabel={t('appLock.pinBusy')}>
          {t('appLock.pinSubmit')}
        </SubmitButton>
      </div>
    </form>
  );
}

interface ConfirmProps {
  submit: string;
  action: (password: string) => Promise<void>;
  done: string;
  onDone: () => Promise<void>;
}

function PasswordConfirmForm({ submit, action, done, onDone }: ConfirmProps) {
  const [password, setPassword] = useState('');
  const checks = useChecks(['password']);
  const form = useFormSubmit({
    stays: true,
    check: () => checks.show({ password: checkPasswordPresent(password) }),
    action: async () => {
      await action(password);
      setPassword('');
      announce(done);
      await onDone();
    },
  });
  return (
    <form ref={form.formRef} class="stack" noValidate onSubmit={form.onSubmit}>
      <CurrentPasswordField label={t('appLock.passwordLabel')} value={password} onValue={setPassword} check={checks.field('password')} />
      <FormError error={form.error} />
      <div class="actions">
        <SubmitButton busy={form.busy} busyLabel={t('appLock.removeBusy')} variant="secondary">
          {submit}
        </SubmitButton>
      </div>
    </form>
  );
}

function AddPlatformUnlock({ onDone }: { onDone: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DescribedError | null>(null);
  async function add() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await accountActions.addPlatformUnlock();
      announce(t('live.platformOn'));
      await onDone();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <div class="actions">
        <button type="button" class="button secondary" aria-disabled={busy ? 'true' : undefined} onClick={() => void add()}>
          {busy ? t('appLock.platformAddBusy') : t('appLock.platformAdd')}
        </button>
      </div>
      <FormError error={error} />
    </>
  );
}

function IdleLockChoice({ minutes, onDone }: { minutes: number; onDone: () => Promise<void> }) {
  const id = useId();
  const hintId = `${id}-hint`;
  async function choose(value: string) {
    const chosen = Number(value);
    if (!isIdleMinutes(chosen)) return;
    await accountActions.setIdleLock(chosen);
    announce(t('live.idleSaved'));
    await onDone();
  }
  return (
    <div class="field">
      <label for={id}>{t('appLock.idleLabel')}</label>
      <p id={hintId} class="field-hint">
        {t('appLock.idleHint')}
      </p>
      <select id={id} aria-describedby={hintId} value={String(minutes)} onChange={(e) => void choose(e.currentTarget.value)}>
        {IDLE_CHOICES.map((choice) => (
          <option key={choice} value={String(choice)}>
            {choice === 0 ? t('appLock.idle.off') : t('appLock.idle.minutes', { count: choice })}
          </option>
        ))}
      </select>
    </div>
  );
}
